// The review page of a plan draft: every task in one table, each cell editable. Uses the Tasklist login.
(function () {
  'use strict';

  const draftId = new URLSearchParams(location.search).get('draft');
  const form = document.getElementById('draft');
  const rows = document.getElementById('tasks');
  const status = document.getElementById('status');
  const notices = document.getElementById('notices');
  const rowTemplate = document.getElementById('row');
  let unknownUnits = [];

  function api(method, body) {
    const path = '/api/plan-drafts/' + encodeURIComponent(draftId) + (method === 'POST' ? '/submission' : '');
    return call(method, path, body);
  }

  function call(method, path, body) {
    return fetch(path, {
      method: method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Duban-Request': '1' },
      body: body ? JSON.stringify(body) : undefined
    }).then(function (response) {
      if (response.status === 401) {
        throw new Error('尚未登录：请先在任务列表（Tasklist）中登录，再打开本页面。');
      }
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (problem) {
          throw new Error(problem.detail || problem.message || ('请求失败（' + response.status + '）'));
        });
      }
      return response.status === 204 ? null : response.json();
    });
  }

  function notice(text, kind) {
    const box = document.createElement('div');
    box.className = 'notice' + (kind ? ' ' + kind : '');
    box.textContent = text;
    notices.appendChild(box);
  }

  function addRow(task) {
    const row = rowTemplate.content.firstElementChild.cloneNode(true);
    row.dataset.sequence = task.sequence == null ? '' : task.sequence;
    row.querySelector('.sequence').textContent = task.sequence == null ? '新' : task.sequence;
    row.querySelectorAll('[data-field]').forEach(function (input) {
      const value = task[input.dataset.field];
      input.value = value == null ? '' : String(value);
    });
    row.querySelectorAll('[data-units]').forEach(function (input) {
      input.addEventListener('input', function () { markUnknown(input); });
      markUnknown(input);
    });
    row.querySelector('.remove').addEventListener('click', function () {
      if (confirm('确定删除这一项任务吗？')) { row.remove(); }
    });
    rows.appendChild(row);
  }

  function markUnknown(input) {
    const names = input.value.split(/[、,，;；]/).map(function (name) { return name.trim(); });
    input.classList.toggle('unknown', names.some(function (name) { return unknownUnits.indexOf(name) >= 0; }));
  }

  function show(draft) {
    unknownUnits = draft.unknownUnits || [];
    notices.replaceChildren();
    if (draft.returnReason) { notice('领导退回修改：' + draft.returnReason, 'error'); }
    if (unknownUnits.length) {
      notice('单位库中找不到：' + unknownUnits.join('、') + '。请对应到已有单位（改正全部任务中的该名称），'
        + '或在单元格中改为已有单位的名称、简称或原名称；确属新单位的，可新建：', 'error');
      unknownUnits.forEach(function (name) {
        const box = notices.lastElementChild.appendChild(document.createElement('div'));
        box.className = 'unknown-unit';
        box.dataset.unit = name;
        const select = box.appendChild(document.createElement('select'));
        select.title = '对应到已有单位';
        select.appendChild(new Option('“' + name + '”对应到…', ''));
        catalog.forEach(function (unit) { select.appendChild(new Option(unit.name, unit.name)); });
        select.addEventListener('change', function () { if (select.value) { mapUnit(name, select.value); } });
        const button = box.appendChild(document.createElement('button'));
        button.type = 'button';
        button.textContent = '新建单位“' + name + '”';
        button.addEventListener('click', function () { registerUnit(name); });
      });
    }
    if (draft.warnings) { notice('识别提示：' + draft.warnings); }
    ['planCode', 'planTitle', 'planIssuer', 'planDeadline'].forEach(function (name) {
      form.elements[name].value = draft[name] || '';
    });
    rows.replaceChildren();
    draft.tasks.forEach(addRow);
    status.textContent = '来源：' + (draft.sourceName || '（未注明）') + '，共 ' + draft.tasks.length + ' 项任务。'
      + (draft.assignee ? ' 审核人：' + draft.assignee + '。' : '');
    form.hidden = false;
  }

  function edit() {
    const tasks = Array.prototype.map.call(rows.children, function (row) {
      const task = { sequence: row.dataset.sequence === '' ? null : Number(row.dataset.sequence) };
      row.querySelectorAll('[data-field]').forEach(function (input) {
        task[input.dataset.field] = input.value.trim() || null;
      });
      return task;
    });
    return {
      planCode: form.elements.planCode.value.trim(),
      planTitle: form.elements.planTitle.value.trim(),
      planIssuer: form.elements.planIssuer.value.trim() || null,
      planDeadline: form.elements.planDeadline.value.trim() || null,
      tasks: tasks
    };
  }

  function fail(error) {
    notices.replaceChildren();
    notice(error.message, 'error');
    status.textContent = '';
    window.scrollTo(0, 0);
  }

  let catalog = [];

  // Replaces an unknown name by a catalog unit in every unit cell, then saves, so the list of unknown names updates.
  function mapUnit(name, unit) {
    rows.querySelectorAll('[data-units]').forEach(function (input) {
      input.value = input.value.split(/([、,，;；])/).map(function (part) {
        return part.trim() === name ? unit : part;
      }).join('');
    });
    api('PUT', edit()).then(function (draft) { show(draft); notice('已将“' + name + '”对应为“' + unit + '”。'); })
      .catch(fail);
  }

  function registerUnit(name) {
    if (!confirm('在单位库中新建单位“' + name + '”？新单位的人员需由管理员在 Admin 中加入该单位。')) { return; }
    api('PUT', edit())
      .then(function () { return call('POST', '/api/units', { name: name }); })
      .then(function () { return api('GET'); })
      .then(function (draft) { show(draft); notice('已新建单位“' + name + '”。'); })
      .catch(fail);
  }

  document.getElementById('add').addEventListener('click', function () { addRow({}); });
  document.getElementById('save').addEventListener('click', function () {
    api('PUT', edit()).then(function (draft) { show(draft); notice('已保存。'); }).catch(fail);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    api('POST', edit()).then(function () {
      form.hidden = true;
      notices.replaceChildren();
      status.textContent = '已提交领导审批。';
    }).catch(fail);
  });

  if (!draftId) {
    fail(new Error('缺少草稿编号：请从任务列表中的“审核计划草稿”打开本页面。'));
  } else {
    call('GET', '/api/units').then(function (units) { catalog = units || []; }).catch(function () { catalog = []; })
      .then(function () { return api('GET'); }).then(show).catch(fail);
  }
})();
