// 办理进度: where a task stands and which support and implementing units have done their part, for the units of
// the task (a support or implementing unit sees its own part), the office and leaders.
(function () {
  'use strict';
  const api = window.DubanApi;
  const $ = function (id) { return document.getElementById(id); };
  const code = new URLSearchParams(location.search).get('code');

  function fact(label, value) {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    $('facts').appendChild(dt);
    $('facts').appendChild(dd);
  }

  function parts(id, countId, items) {
    const body = $(id).tBodies[0];
    items.forEach(function (part) {
      const row = body.insertRow();
      row.className = part.done ? 'done' : 'not-yet';
      // The evidence files of a part go into the 佐证材料 cell next to its text once tasks carry files.
      [part.unitName, part.status, part.content, part.evidence, part.reportedBy, api.dateTime(part.reportedAt)]
        .forEach(function (text) { row.insertCell().textContent = text || ''; });
    });
    if (!items.length) {
      const td = body.insertRow().insertCell();
      td.colSpan = $(id).tHead.rows[0].cells.length;
      td.className = 'empty';
      td.textContent = '无';
    }
    const done = items.filter(function (p) { return p.done; }).length;
    $(countId).textContent = items.length ? '（已报送 ' + done + ' / ' + items.length + '）' : '';
  }

  if (!code) {
    $('status').textContent = '缺少任务编号。';
    return;
  }
  api.get('/api/plan-tasks/' + encodeURIComponent(code) + '/progress').then(function (task) {
    document.title = task.taskTitle + ' - 办理进度 - 督办系统';
    $('title').textContent = task.taskTitle;
    fact('任务编号', task.taskCode);
    fact('计划', task.planTitle || '');
    fact('牵头单位', task.leadUnits.join('、') || '无');
    fact('完成时限', api.date(task.deadline));
    fact('当前状态', task.stateName);
    fact('问责等级', task.levelName);
    fact('逾期工作日', String(task.workingDaysOverdue));
    task.openSteps.forEach(function (step) {
      const item = document.createElement('li');
      item.textContent = step;
      $('steps').appendChild(item);
    });
    if (!task.openSteps.length) {
      const item = document.createElement('li');
      item.textContent = task.stateName === '已销号' ? '已销号，流程结束' : '暂无待办环节';
      $('steps').appendChild(item);
    }
    parts('supports', 'support-count', task.supportUnits);
    parts('implementers', 'implementing-count', task.implementingUnits);
    $('own-part').hidden = !task.partsHidden;
    if (task.dossier) {
      $('dossier-link').href = 'task.html?code=' + encodeURIComponent(task.taskCode);
      $('dossier').hidden = false;
    }
    $('status').hidden = true;
    $('progress').hidden = false;
  }).catch(function (error) { $('status').textContent = error.message; });
})();
