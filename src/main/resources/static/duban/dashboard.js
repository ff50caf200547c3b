// 督办看板: overview charts, the overdue list with 催办, the units' scores, the indicators, and the ledger export.
(function () {
  'use strict';
  const api = window.DubanApi;
  const STATES = [
    ['ON_TRACK', '正常', '#3a8f5c'], ['DUE_SOON', '临期', '#e0a100'], ['OVERDUE', '逾期', '#d93025'],
    ['RECTIFYING', '整改中', '#8e44ad'], ['SUBMITTED', '待核验销号', '#1f5fbf'], ['CLOSED', '已销号', '#8a939e']
  ];
  const LEVELS = [
    ['REMINDER', '提醒', '#f2c94c'], ['WARNING', '预警', '#f2994a'], ['CIRCULATED_CRITICISM', '通报批评', '#eb5757'],
    ['ADMONITORY_TALK', '约谈', '#b3261e'], ['ACCOUNTABILITY', '追责', '#6d1a14']
  ];
  const PAGE_SIZE = 20;
  const $ = function (id) { return document.getElementById(id); };
  const state = { plan: '', unit: '', level: '', sort: 'overdue', order: 'desc', page: 0, total: 0,
    canUrge: false, selected: {}, units: [], unitSort: { key: 'onTimeRate', desc: false }, charts: {} };

  // Only the answer to the latest request of each kind is shown: a slower, older answer (say, for the plan chosen
  // before) must not overwrite a newer one.
  const latest = {};
  function fresh(kind, path) {
    const ticket = (latest[kind] || 0) + 1;
    latest[kind] = ticket;
    return api.get(path).then(function (answer) {
      if (latest[kind] !== ticket) { return new Promise(function () {}); }
      return answer;
    });
  }

  function chart(id) {
    if (!state.charts[id]) { state.charts[id] = echarts.init($(id), null, { renderer: 'svg' }); }
    return { setOption: function (option, replace) { option.animation = false; state.charts[id].setOption(option, replace); },
      resize: function () { state.charts[id].resize(); } };
  }

  function cell(row, text, className) {
    const td = row.insertCell();
    td.textContent = text === null || text === undefined ? '' : text;
    if (className) { td.className = className; }
    return td;
  }

  function toast(text) {
    const box = $('toast');
    box.textContent = text;
    box.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { box.hidden = true; }, 3000);
  }

  function ledgerLink() {
    $('ledger').href = '/api/dashboard/ledger.xlsx' + api.query({ plan: state.plan, unit: state.unit,
      level: state.level });
  }

  // ---- 总览
  function loadOverview() {
    return fresh('overview', '/api/dashboard/overview' + api.query({ plan: state.plan })).then(function (overview) {
      const notices = $('calendar-notices');
      notices.textContent = '';
      (overview.calendarNotices || []).forEach(function (text) {
        const p = document.createElement('p');
        p.className = 'calendar-notice';
        p.textContent = text;
        notices.appendChild(p);
      });
      notices.hidden = !notices.childElementCount;
      const cards = $('cards');
      cards.textContent = '';
      [['TOTAL', '全部任务', '#1f3a5f', overview.total]].concat(STATES.map(function (s) {
        return [s[0], s[1], s[2], overview.byState[s[0]]];
      })).forEach(function (card) {
        const div = document.createElement('div');
        div.className = 'card';
        div.dataset.state = card[0];
        div.style.borderTopColor = card[2];
        div.innerHTML = '<span class="label"></span><strong></strong>';
        div.querySelector('.label').textContent = card[1];
        div.querySelector('strong').textContent = card[3];
        cards.appendChild(div);
      });
      chart('chart-states').setOption({
        title: { text: '任务状态', left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'item', formatter: '{b}：{c}项（{d}%）' },
        series: [{ type: 'pie', radius: ['45%', '70%'], top: 20,
          data: STATES.map(function (s) { return { name: s[1], value: overview.byState[s[0]],
            itemStyle: { color: s[2] } }; }).filter(function (slice) { return slice.value > 0; }) }]
      }, true);
      chart('chart-levels').setOption({
        title: { text: '逾期事项问责等级', left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' }, grid: { left: 40, right: 20, bottom: 30, top: 40 },
        xAxis: { type: 'category', data: LEVELS.map(function (l) { return l[1]; }) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', name: '逾期事项', data: LEVELS.map(function (l) {
          return { value: overview.overdueByLevel[l[0]], itemStyle: { color: l[2] } };
        }) }]
      }, true);
      const plans = overview.plans;
      $('chart-plans').style.height = Math.max(160, 60 + plans.length * 42) + 'px';
      chart('chart-plans').resize();
      chart('chart-plans').setOption({
        title: { text: '各计划任务状态', left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { bottom: 0 }, grid: { left: 220, right: 30, top: 36, bottom: 40 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: plans.map(function (p) { return p.planTitle; }),
          axisLabel: { width: 200, overflow: 'truncate' } },
        series: STATES.map(function (s) {
          return { type: 'bar', stack: 'all', name: s[1], itemStyle: { color: s[2] },
            data: plans.map(function (p) { return p.byState[s[0]]; }) };
        })
      }, true);
    });
  }

  // ---- 逾期事项
  function loadOverdue() {
    const path = '/api/dashboard/overdue' + api.query({ plan: state.plan, unit: state.unit, level: state.level,
      sort: state.sort, order: state.order, page: state.page, size: PAGE_SIZE });
    return fresh('overdue', path).then(function (page) {
      state.total = page.total;
      const body = $('overdue').tBodies[0];
      body.textContent = '';
      state.selected = {};
      $('select-all').checked = false;
      page.items.forEach(function (item) { overdueRow(body.insertRow(), item); });
      selectionChanged();
      if (!page.items.length) {
        const row = body.insertRow();
        const td = cell(row, '没有逾期事项。', 'empty');
        td.colSpan = 10;
      }
      $('overdue-count').textContent = '共 ' + page.total + ' 项逾期事项';
      const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
      $('page').textContent = '第 ' + (state.page + 1) + ' / ' + pages + ' 页';
      $('prev').disabled = state.page === 0;
      $('next').disabled = state.page + 1 >= pages;
      document.querySelectorAll('#overdue th[data-sort]').forEach(function (th) {
        th.dataset.direction = th.dataset.sort === state.sort ? state.order : '';
      });
    });
  }

  function overdueRow(row, item) {
    row.dataset.code = item.taskCode;
    const select = cell(row, '', 'select');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.setAttribute('aria-label', '选择 ' + item.taskTitle);
    box.addEventListener('change', function () {
      if (box.checked) { state.selected[item.taskCode] = item; } else { delete state.selected[item.taskCode]; }
      selectionChanged();
    });
    select.appendChild(box);
    const task = cell(row, '');
    const link = document.createElement('a');
    link.href = 'task.html?code=' + encodeURIComponent(item.taskCode);
    link.textContent = item.taskTitle;
    task.appendChild(link);
    const code = document.createElement('div');
    code.className = 'code';
    code.textContent = item.taskCode;
    task.appendChild(code);
    cell(row, item.planTitle);
    cell(row, item.leadUnits.map(function (u) { return u.name; }).join('、'));
    cell(row, api.date(item.deadline));
    cell(row, item.workingDaysOverdue, 'num overdue-days');
    const level = cell(row, '');
    const badge = document.createElement('span');
    badge.className = 'level level-' + item.level;
    badge.textContent = item.levelName;
    level.appendChild(badge);
    cell(row, item.timesUrged, 'num urges');
    cell(row, item.lastProgress ? api.dateTime(item.lastProgressAt) + '：' + item.lastProgress : '未报送', 'progress');
    const actions = cell(row, '');
    if (state.canUrge) {
      const button = document.createElement('button');
      button.textContent = '催办';
      button.className = 'urge';
      button.addEventListener('click', function () { openUrge(item); });
      actions.appendChild(button);
    }
  }

  function selectionChanged() {
    const count = Object.keys(state.selected).length;
    $('batch-urge').hidden = !state.canUrge;
    $('batch-urge').disabled = count === 0;
    $('batch-urge').textContent = count ? '批量催办（已选 ' + count + ' 项）' : '批量催办';
    $('overdue').classList.toggle('no-select', !state.canUrge);
  }

  function openUrge(item) {
    $('urge-task').textContent = item.taskTitle + '（' + item.taskCode + '），牵头单位：'
      + item.leadUnits.map(function (u) { return u.name; }).join('、') + '，已催办 ' + item.timesUrged + ' 次';
    $('urge-error').textContent = '';
    $('urge-dialog').dataset.codes = JSON.stringify([item.taskCode]);
    $('urge-dialog').showModal();
  }

  // 批量催办: the selected tasks with one message; each lead unit gets one notice naming its tasks.
  function openBatchUrge() {
    const items = Object.keys(state.selected).map(function (code) { return state.selected[code]; });
    if (!items.length) { return; }
    $('urge-task').textContent = '批量催办 ' + items.length + ' 项任务：' + items.map(function (item) {
      return item.taskTitle + '（' + item.leadUnits.map(function (u) { return u.name; }).join('、') + '）';
    }).join('；');
    $('urge-error').textContent = '';
    $('urge-dialog').dataset.codes = JSON.stringify(items.map(function (item) { return item.taskCode; }));
    $('urge-dialog').showModal();
  }

  function sendUrge(event) {
    event.preventDefault();
    const dialog = $('urge-dialog');
    const codes = JSON.parse(dialog.dataset.codes || '[]');
    const sent = codes.length === 1
      ? api.post('/api/plan-tasks/' + encodeURIComponent(codes[0]) + '/urges', { message: $('urge-message').value })
        .then(function (task) { return '已催办：' + codes[0] + '（第' + task.timesUrged + '次）'; })
      : api.post('/api/plan-tasks/urges', { taskCodes: codes, message: $('urge-message').value })
        .then(function (tasks) { return '已催办 ' + tasks.length + ' 项任务'; });
    sent.then(function (message) {
      dialog.close();
      toast(message);
      return Promise.all([loadOverdue(), loadUnits()]);
    }).catch(function (error) { $('urge-error').textContent = error.message; });
  }

  // ---- 单位绩效
  function loadUnits() {
    return fresh('units', '/api/dashboard/units' + api.query({ plan: state.plan })).then(function (units) {
      state.units = units;
      renderUnits();
    });
  }

  function renderUnits() {
    const key = state.unitSort.key;
    const sign = state.unitSort.desc ? -1 : 1;
    const units = state.units.slice().sort(function (a, b) {
      const x = a[key] === null ? -1 : a[key];
      const y = b[key] === null ? -1 : b[key];
      return (x < y ? -1 : x > y ? 1 : 0) * sign || a.unitName.localeCompare(b.unitName, 'zh');
    });
    const body = $('units').tBodies[0];
    body.textContent = '';
    units.forEach(function (u) {
      const row = body.insertRow();
      row.dataset.unit = u.unitId;
      cell(row, u.unitName);
      [u.tasksLed, u.closed, u.closedOnTime].forEach(function (n) { cell(row, n, 'num'); });
      cell(row, u.onTimeRate === null ? '—' : (u.onTimeRate * 100).toFixed(1) + '%', 'num rate');
      [u.overdueNow, u.urgesReceived, u.rectifications].forEach(function (n) { cell(row, n, 'num'); });
    });
    document.querySelectorAll('#units th[data-key]').forEach(function (th) {
      th.dataset.direction = th.dataset.key === key ? (state.unitSort.desc ? 'desc' : 'asc') : '';
    });
    const rated = state.units.filter(function (u) { return u.onTimeRate !== null; })
      .sort(function (a, b) { return a.onTimeRate - b.onTimeRate; });
    $('chart-units').style.height = Math.max(160, 60 + rated.length * 28) + 'px';
    chart('chart-units').resize();
    chart('chart-units').setOption({
      title: { text: '按时完成率', left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: function (v) { return v + '%'; } },
      grid: { left: 200, right: 40, top: 36, bottom: 20 },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: rated.map(function (u) { return u.unitName; }) },
      series: [{ type: 'bar', data: rated.map(function (u) {
        const value = Math.round(u.onTimeRate * 1000) / 10;
        return { value: value, itemStyle: { color: value >= 90 ? '#3a8f5c' : value >= 60 ? '#e0a100' : '#d93025' } };
      }), label: { show: true, position: 'right', formatter: '{c}%' } }]
    }, true);
  }

  // ---- 指标
  function loadIndicators() {
    const body = $('indicators').tBodies[0];
    return fresh('indicators', '/api/indicators' + api.query({ plan: state.plan })).then(function (indicators) {
      body.textContent = '';
      indicators.forEach(function (i) {
        const row = body.insertRow();
        row.className = 'status-' + i.status;
        if (i.statusReason) { row.title = i.statusReason; }
        cell(row, i.planTitle);
        cell(row, i.name + (i.unit ? '（' + i.unit + '）' : ''));
        cell(row, i.baseline || '—');
        cell(row, i.target);
        cell(row, i.binding ? '约束性' : '预期性');
        cell(row, i.latestValue === null || i.latestValue === undefined ? '—' : i.latestValue, 'num');
        cell(row, api.date(i.latestAsOf));
        cell(row, i.leadUnitName || '未指定');
        cell(row, i.statusText, 'status');
      });
      if (!indicators.length) { cell(body.insertRow(), '所选计划没有指标。', 'empty').colSpan = 9; }
    }).catch(function (error) {
      body.textContent = '';
      cell(body.insertRow(), error.message, 'empty').colSpan = 9;
    });
  }

  // ---- 计划层级: the chosen plan with its annual (child) plans, progress and indicators rolled up
  const STATE_NAMES = {};
  STATES.forEach(function (s) { STATE_NAMES[s[0]] = s[1]; });
  function treeRow(body, node, depth) {
    const row = body.insertRow();
    row.dataset.code = node.code;
    const title = cell(row, node.title);
    title.style.paddingLeft = (4 + depth * 22) + 'px';
    const code = document.createElement('div');
    code.className = 'code';
    code.textContent = node.code;
    title.appendChild(code);
    cell(row, node.total, 'num');
    cell(row, node.closed, 'num');
    cell(row, node.byState.OVERDUE || 0, 'num');
    cell(row, node.total ? (node.closed * 100 / node.total).toFixed(1) + '%' : '—', 'num');
    node.children.forEach(function (child) { treeRow(body, child, depth + 1); });
  }
  function loadTree() {
    const body = $('plan-tree').tBodies[0];
    const indicators = $('tree-indicators').tBodies[0];
    if (!state.plan) {
      body.textContent = '';
      indicators.textContent = '';
      cell(body.insertRow(), '请在上方选择计划。', 'empty').colSpan = 5;
      return Promise.resolve();
    }
    return fresh('tree', '/api/dashboard/plan-tree/' + encodeURIComponent(state.plan)).then(function (tree) {
      body.textContent = '';
      treeRow(body, tree.plan, 0);
      const total = body.insertRow();
      total.className = 'total';
      cell(total, '合计（含下级计划）');
      cell(total, tree.rolledUpTotal, 'num');
      cell(total, tree.rolledUpClosed, 'num');
      cell(total, tree.rolledUpByState.OVERDUE || 0, 'num');
      cell(total, tree.rolledUpTotal ? (tree.rolledUpClosed * 100 / tree.rolledUpTotal).toFixed(1) + '%' : '—', 'num');
      indicators.textContent = '';
      tree.indicators.forEach(function (i) {
        const row = indicators.insertRow();
        cell(row, i.name);
        cell(row, i.target);
        cell(row, i.value === null || i.value === undefined ? '—' : i.value, 'num');
        cell(row, i.reportedIn || '');
        cell(row, i.status, 'status');
      });
      if (!tree.indicators.length) { cell(indicators.insertRow(), '该计划没有指标。', 'empty').colSpan = 5; }
    });
  }

  // ---- 重大工程: investment planned and spent, milestones, progress
  function money(value) { return Number(value).toLocaleString('zh-CN', { maximumFractionDigits: 2 }); }
  function loadProjects() {
    return fresh('projects', '/api/dashboard/major-projects').then(function (projects) {
      const body = $('projects').tBodies[0];
      body.textContent = '';
      let planned = 0;
      let spent = 0;
      projects.forEach(function (p) {
        planned += Number(p.investmentPlanned);
        spent += Number(p.investmentSpent);
        const row = body.insertRow();
        row.dataset.code = p.code;
        const name = cell(row, p.name);
        const code = document.createElement('div');
        code.className = 'code';
        code.textContent = p.code;
        name.appendChild(code);
        cell(row, p.ownerUnitName);
        cell(row, p.location);
        cell(row, money(p.investmentPlanned), 'num');
        cell(row, money(p.investmentSpent), 'num');
        cell(row, Number(p.spentPercent).toFixed(1) + '%', 'num spent');
        cell(row, api.date(p.startOn) + '—' + api.date(p.endOn));
        const done = p.milestones.filter(function (m) { return m.doneOn; }).length;
        cell(row, '完成' + done + '/' + p.milestones.length + (p.milestonesOverdue ? '，逾期' + p.milestonesOverdue + '个' : ''),
          p.milestonesOverdue ? 'milestones error' : 'milestones');
        cell(row, p.taskCodes.join('、'));
        cell(row, p.latestProgress ? api.dateTime(p.latestProgressAt) + '：' + p.latestProgress : '未报送', 'progress');
      });
      if (!projects.length) { cell(body.insertRow(), '尚无重大工程。', 'empty').colSpan = 10; }
      $('projects-sum').textContent = '共 ' + projects.length + ' 个项目，计划投资 ' + money(planned) + ' 万元，已完成 '
        + money(spent) + ' 万元' + (planned ? '（' + (spent * 100 / planned).toFixed(1) + '%）' : '');
    });
  }

  // ---- 联席会议: each meeting's decisions and where each stands
  function loadMeetings() {
    return fresh('meetings', '/api/joint-meetings').then(function (meetings) {
      const body = $('meetings').tBodies[0];
      body.textContent = '';
      meetings.forEach(function (m) {
        m.decisions.forEach(function (d, index) {
          const row = body.insertRow();
          row.dataset.code = d.taskCode;
          if (index === 0) {
            const title = cell(row, m.title);
            title.rowSpan = m.decisions.length;
            const code = document.createElement('div');
            code.className = 'code';
            code.textContent = m.code + '，参会：' + m.participants.join('、');
            title.appendChild(code);
            cell(row, api.date(m.heldOn)).rowSpan = m.decisions.length;
          }
          const task = cell(row, '');
          const link = document.createElement('a');
          link.href = 'task.html?code=' + encodeURIComponent(d.taskCode);
          link.textContent = d.title;
          task.appendChild(link);
          cell(row, d.leadUnits.join('、'));
          cell(row, api.date(d.deadline));
          cell(row, d.stateText, 'state');
        });
      });
      if (!meetings.length) { cell(body.insertRow(), '尚无联席会议记录。', 'empty').colSpan = 6; }
    });
  }

  // ---- 页面
  function reload() {
    ledgerLink();
    return Promise.all([loadOverview(), loadOverdue(), loadUnits(), loadIndicators(), loadTree(), loadProjects(),
      loadMeetings()]);
  }

  function option(select, value, text) {
    const opt = document.createElement('option');
    opt.value = value;
    opt.textContent = text;
    select.appendChild(opt);
  }

  function wire() {
    document.querySelectorAll('.tabs button').forEach(function (tab) {
      tab.addEventListener('click', function () {
        document.querySelectorAll('.tabs button').forEach(function (t) {
          t.setAttribute('aria-selected', String(t === tab));
        });
        document.querySelectorAll('.tab').forEach(function (section) {
          section.hidden = section.id !== 'tab-' + tab.dataset.tab;
        });
        Object.keys(state.charts).forEach(function (id) { state.charts[id].resize(); });
      });
    });
    $('plan').addEventListener('change', function () { state.plan = this.value; state.page = 0; run(reload()); });
    $('unit').addEventListener('change', function () { state.unit = this.value; state.page = 0; ledgerLink(); run(loadOverdue()); });
    $('level').addEventListener('change', function () { state.level = this.value; state.page = 0; ledgerLink(); run(loadOverdue()); });
    $('prev').addEventListener('click', function () { state.page--; run(loadOverdue()); });
    $('next').addEventListener('click', function () { state.page++; run(loadOverdue()); });
    document.querySelectorAll('#overdue th[data-sort]').forEach(function (th) {
      th.addEventListener('click', function () {
        state.order = state.sort === th.dataset.sort && state.order === 'desc' ? 'asc' : 'desc';
        state.sort = th.dataset.sort;
        state.page = 0;
        run(loadOverdue());
      });
    });
    document.querySelectorAll('#units th[data-key]').forEach(function (th) {
      th.addEventListener('click', function () {
        state.unitSort = { key: th.dataset.key, desc: state.unitSort.key === th.dataset.key ? !state.unitSort.desc : true };
        renderUnits();
      });
    });
    $('batch-urge').addEventListener('click', openBatchUrge);
    $('select-all').addEventListener('change', function () {
      const all = this.checked;
      document.querySelectorAll('#overdue tbody td.select input').forEach(function (box) {
        if (box.checked !== all) { box.checked = all; box.dispatchEvent(new Event('change')); }
      });
    });
    $('urge-form').addEventListener('submit', function (event) {
      if (event.submitter && event.submitter.value === 'send') { sendUrge(event); }
    });
    window.addEventListener('resize', function () {
      Object.keys(state.charts).forEach(function (id) { state.charts[id].resize(); });
    });
  }

  function run(promise) {
    return promise.then(function () { $('status').hidden = true; })
      .catch(function (error) { $('status').hidden = false; $('status').textContent = error.message; });
  }

  run(Promise.all([api.get('/api/me'), api.get('/api/dashboard/filters')]).then(function (answers) {
    const me = answers[0];
    const filters = answers[1];
    $('who').textContent = me.name;
    state.canUrge = me.supervisionOffice;
    filters.plans.forEach(function (p) { option($('plan'), p.code, p.title || p.code); });
    filters.units.forEach(function (u) { option($('unit'), u.id, u.name); });
    filters.levels.forEach(function (l) { option($('level'), l.value, l.name); });
    wire();
    $('board').hidden = false;
    return reload();
  }));
})();
