// A task's page: its facts, its timeline (every step, who, when), and its records.
(function () {
  'use strict';
  const api = window.DubanApi;
  const $ = function (id) { return document.getElementById(id); };
  const DECISIONS = { CIRCULATED_CRITICISM: '通报批评', ADMONITORY_TALK: '约谈', REFER: '移交纪委监委', NO_ACTION: '不予问责' };
  const code = new URLSearchParams(location.search).get('code');

  function names(units) { return units.length ? units.map(function (u) { return u.name; }).join('、') : '无'; }

  function rows(id, items, columns) {
    const body = $(id).tBodies[0];
    items.forEach(function (item) {
      const row = body.insertRow();
      columns(item).forEach(function (text) { row.insertCell().textContent = text || ''; });
    });
    if (!items.length) {
      const td = body.insertRow().insertCell();
      td.colSpan = $(id).tHead.rows[0].cells.length;
      td.className = 'empty';
      td.textContent = '无';
    }
  }

  function facts(task) {
    const list = $('facts');
    [['任务编号', task.taskCode], ['计划', task.planTitle], ['牵头单位', names(task.leadUnits)],
      ['配合单位', names(task.supportUnits)], ['落实单位', names(task.implementingUnits)],
      ['完成时限', api.date(task.deadline) + (task.calendarNotice ? '（' + task.calendarNotice + '）' : '')], ['状态', task.stateName], ['问责等级', task.levelName],
      ['逾期工作日', String(task.workingDaysOverdue)], ['催办次数', String(task.timesUrged)],
      ['整改次数', String(task.rectifications)], ['销号日期', task.closedOn ? api.date(task.closedOn) : '—']]
      .forEach(function (fact) {
        const dt = document.createElement('dt');
        dt.textContent = fact[0];
        const dd = document.createElement('dd');
        dd.textContent = fact[1];
        list.appendChild(dt);
        list.appendChild(dd);
      });
  }

  function timeline(steps) {
    const list = $('timeline');
    steps.forEach(function (step) {
      const item = document.createElement('li');
      item.className = 'kind-' + step.kind;
      const when = document.createElement('div');
      when.className = 'when';
      when.textContent = api.dateTime(step.at) + (step.actorName ? ' · ' + step.actorName : '');
      const title = document.createElement('strong');
      title.textContent = step.title;
      item.appendChild(when);
      item.appendChild(title);
      if (step.detail) {
        const detail = document.createElement('div');
        detail.className = 'detail';
        detail.textContent = step.detail;
        item.appendChild(detail);
      }
      list.appendChild(item);
    });
  }

  /** A table shown only when the task has rows for it (targets, co-leads, milestones). */
  function shown(id, items, cells) {
    if (!items || items.length === 0) {
      return;
    }
    $(id).hidden = false;
    $(id + '-heading').hidden = false;
    rows(id, items, cells);
  }

  if (!code) {
    $('status').textContent = '缺少任务编号。';
    return;
  }
  api.get('/api/dashboard/tasks/' + encodeURIComponent(code)).then(function (task) {
    document.title = task.taskTitle + ' - 督办系统';
    $('title').textContent = task.taskTitle;
    facts(task);
    timeline(task.timeline);
    shown('targets', task.targets, function (t) {
      return [t.phrase, task.targetResults || '尚未报送'];
    });
    shown('co-leads', task.coLeadParts, function (p) {
      return [p.unitName, p.responsiblePerson || '', p.progress || '尚未报送', p.reportedAt ? api.dateTime(p.reportedAt) : ''];
    });
    shown('milestones', task.milestoneReports, function (m) {
      return [m.milestone, m.result, api.dateTime(m.reportedAt)];
    });
    rows('contributions', task.contributions, function (c) {
      return [c.unitName, (c.declined ? '无法配合：' : '') + c.content, api.dateTime(c.reportedAt)];
    });
    rows('reports', task.progressReports.concat(task.localReports.map(function (r) {
      return { unitName: r.unitName, content: r.progress, reportedAt: r.reportedAt };
    })), function (r) { return [r.unitName, r.content, api.dateTime(r.reportedAt)]; });
    rows('urges', task.urges, function (u) { return [u.reason, api.dateTime(u.happenedAt)]; });
    rows('escalations', task.escalations, function (e) { return [e.reason, api.dateTime(e.happenedAt)]; });
    // Closing the task (销号) does not end an accountability case: the office still decides it, and says so.
    rows('cases', task.accountabilityCases, function (c) {
      const pending = !c.decision && !c.closed;
      return [c.triggerReason, DECISIONS[c.decision] || c.decision
        || (pending && task.state === 'CLOSED' ? '待督查办决定（任务已销号，问责不因销号而终止）' : '待决定'),
      c.outcome || (c.closed ? '已结案' : '办理中')];
    });
    $('text').textContent = task.text;
    $('status').hidden = true;
    $('task').hidden = false;
  }).catch(function (error) { $('status').textContent = error.message; });
})();
