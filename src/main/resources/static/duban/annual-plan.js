// 年度工作计划: the office draws a year's work plan from its parent (a five-year plan): picks the parent's tasks still
// open in the year, adds each one's yearly target and deadline, publishes and dispatches it, then sees the parent with
// its annual plans (progress rolled up).
(function () {
  'use strict';
  const api = window.DubanApi;
  const $ = function (id) { return document.getElementById(id); };
  const STATES = { ON_TRACK: '正常', DUE_SOON: '临期', OVERDUE: '逾期', RECTIFYING: '整改中', SUBMITTED: '待核验销号',
    CLOSED: '已销号', NOT_DISPATCHED: '未交办' };
  const KINDS = { ANNUAL: '年度计划', FIVE_YEAR: '五年规划', OTHER: '工作方案' };
  let draft = null;

  function cell(row, text, className) {
    const td = row.insertCell();
    td.textContent = text === null || text === undefined ? '' : text;
    if (className) { td.className = className; }
    return td;
  }
  function say(text) { $('status').hidden = false; $('status').textContent = text; }
  function input(type, value, label) {
    const element = document.createElement('input');
    element.type = type;
    element.value = value || '';
    element.setAttribute('aria-label', label);
    return element;
  }

  function countPicked() {
    const n = document.querySelectorAll('#candidates tbody input[type=checkbox]:checked').length;
    $('picked').textContent = '已选 ' + n + ' 项';
  }

  function showDraft(answer) {
    draft = answer;
    $('code').value = answer.code;
    $('title').value = answer.title;
    $('draft-hint').textContent = '《' + answer.parentTitle + '》在' + answer.year + '年仍未完成的任务共 '
      + answer.candidates.length + ' 项：勾选纳入年度计划的任务，填写年度目标；年度完成时限默认为上级时限（晚于年底的为12月31日）。';
    const body = $('candidates').tBodies[0];
    body.textContent = '';
    answer.candidates.forEach(function (c) {
      const row = body.insertRow();
      row.dataset.code = c.parentTaskCode;
      const pick = input('checkbox', '', '纳入' + c.parentTaskCode);
      pick.addEventListener('change', countPicked);
      cell(row, '').appendChild(pick);
      const task = cell(row, c.title, 'task');
      const code = document.createElement('div');
      code.className = 'code';
      code.textContent = c.parentTaskCode;
      task.appendChild(code);
      cell(row, c.leadUnits.join('、'));
      cell(row, api.date(c.parentDeadline));
      cell(row, c.stateText);
      const target = input('text', '', '年度目标' + c.parentTaskCode);
      target.className = 'target';
      target.maxLength = 500;
      target.placeholder = '如：完成重点地块调查30个';
      cell(row, '').appendChild(target);
      const deadline = input('date', c.deadline, '年度完成时限' + c.parentTaskCode);
      deadline.className = 'deadline';
      deadline.min = answer.year + '-01-01';
      deadline.max = answer.year + '-12-31';
      cell(row, '').appendChild(deadline);
    });
    if (!answer.candidates.length) { cell(body.insertRow(), '该年度没有未完成的任务。', 'empty').colSpan = 7; }
    countPicked();
    $('draft').hidden = false;
  }

  function loadDraft(event) {
    if (event) { event.preventDefault(); }
    const parent = $('parent').value;
    say('正在读取上级计划的任务…');
    api.get('/api/plans/' + encodeURIComponent(parent) + '/annual-draft' + api.query({ year: $('year').value }))
      .then(function (answer) { showDraft(answer); say('请选择纳入' + answer.year + '年度计划的任务。'); })
      .catch(function (error) { $('draft').hidden = true; say(error.message); });
    showTree(parent);
  }

  function publish() {
    const tasks = [];
    document.querySelectorAll('#candidates tbody tr').forEach(function (row) {
      const pick = row.querySelector('input[type=checkbox]');
      if (pick && pick.checked) {
        tasks.push({ parentTaskCode: row.dataset.code, yearlyTarget: row.querySelector('.target').value,
          deadline: row.querySelector('.deadline').value });
      }
    });
    if (!tasks.length) { say('请至少勾选一项任务。'); return; }
    $('publish').disabled = true;
    api.post('/api/plans/' + encodeURIComponent(draft.parentCode) + '/annual-plans',
      { year: draft.year, code: $('code').value, title: $('title').value, tasks: tasks })
      .then(function (plan) {
        say('已发布并交办《' + $('title').value + '》（' + plan.code + '），共 ' + plan.taskCount + ' 项任务。');
        $('draft').hidden = true;
        return showTree(draft.parentCode);
      })
      .catch(function (error) { say(error.message); })
      .then(function () { $('publish').disabled = false; });
  }

  function planRow(body, node, depth) {
    const row = body.insertRow();
    row.dataset.code = node.code;
    const title = cell(row, (depth ? '└ ' : '') + node.title);
    title.style.paddingLeft = (4 + depth * 20) + 'px';
    const code = document.createElement('div');
    code.className = 'code';
    code.textContent = node.code;
    title.appendChild(code);
    cell(row, KINDS[node.kind] || node.kind || '');
    cell(row, node.total, 'num');
    cell(row, node.closed, 'num');
    cell(row, node.byState.OVERDUE || 0, 'num');
    cell(row, node.total ? (node.closed * 100 / node.total).toFixed(1) + '%' : '—', 'num');
    node.children.forEach(function (child) { planRow(body, child, depth + 1); });
  }

  function showTree(code) {
    return api.get('/api/dashboard/plan-tree/' + encodeURIComponent(code)).then(function (tree) {
      $('tree-title').textContent = '《' + tree.plan.title + '》及其年度计划：共 ' + tree.rolledUpTotal + ' 项任务，已销号 '
        + tree.rolledUpClosed + ' 项';
      const plans = $('plans').tBodies[0];
      plans.textContent = '';
      planRow(plans, tree.plan, 0);
      const parts = $('parts').tBodies[0];
      parts.textContent = '';
      tree.tasks.filter(function (t) { return t.yearlyParts.length; }).forEach(function (t) {
        const row = parts.insertRow();
        row.dataset.code = t.code;
        cell(row, t.code + ' ' + t.title);
        cell(row, STATES[t.state] || t.state);
        cell(row, t.yearlyParts.map(function (p) {
          return p.code + '（' + (STATES[p.state] || p.state) + '，' + api.date(p.deadline) + '）';
        }).join('；'));
      });
      if (!parts.rows.length) { cell(parts.insertRow(), '尚无年度分解。', 'empty').colSpan = 3; }
      $('tree').hidden = false;
    }).catch(function (error) { say(error.message); });
  }

  Promise.all([api.get('/api/me'), api.get('/api/plans')]).then(function (answers) {
    const me = answers[0];
    const plans = answers[1];
    plans.forEach(function (p) {
      const option = document.createElement('option');
      option.value = p.code;
      option.textContent = p.title + '（' + p.code + '）';
      $('parent').appendChild(option);
    });
    const wanted = new URLSearchParams(window.location.search).get('parent');
    if (wanted) { $('parent').value = wanted; }
    $('year').value = new URLSearchParams(window.location.search).get('year')
      || new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
    $('choose').hidden = false;
    $('publish').hidden = !me.supervisionOffice;
    say(plans.length ? '请选择上级计划和年度。' : '尚无计划。');
    $('choose').addEventListener('submit', loadDraft);
    $('publish').addEventListener('click', publish);
  }).catch(function (error) { say(error.message); });
})();
