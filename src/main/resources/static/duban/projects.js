// 重大工程: the office enters a project (or imports a table of them, all or nothing) and follows them all; the
// office or the owner unit reports a project's progress. The server checks every field and answers in Chinese; its
// problems are shown at the top of the form and next to the field they concern.
(function () {
  'use strict';
  const api = window.DubanApi;
  const $ = function (id) { return document.getElementById(id); };
  // Which field a problem of the server concerns, by the words it uses (first match wins).
  const FIELDS = [['关联', 'taskCodes'], ['节点', 'milestones'], ['业主单位', 'ownerUnit'], ['项目名称', 'name'],
    ['建设地点', 'location'], ['计划投资', 'investmentPlanned'], ['完工日期', 'endOn'], ['开工日期', 'startOn'],
    ['编号', 'code']];
  let me = null;
  let list = [];
  const pickedTasks = new Set();
  let reporting = null;

  function say(text) { $('status').hidden = !text; $('status').textContent = text || ''; }
  function cell(row, text, className) {
    const td = row.insertCell();
    td.textContent = text === null || text === undefined ? '' : text;
    if (className) { td.className = className; }
    return td;
  }
  function money(value) {
    return value === null || value === undefined ? '' : Number(value).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  }
  function show(element, text) { element.hidden = !text; element.textContent = text || ''; }

  // ---- the list ----
  function canReport(project) {
    return me && (me.supervisionOffice || me.admin || (me.groups || []).indexOf(project.ownerUnitId) >= 0);
  }

  function render() {
    const body = $('projects').tBodies[0];
    body.textContent = '';
    list.forEach(function (p) {
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
      cell(row, money(p.investmentSpent) + '（' + Number(p.spentPercent).toFixed(1) + '%）', 'num');
      cell(row, api.date(p.startOn) + '至' + api.date(p.endOn));
      const done = p.milestones.filter(function (m) { return m.doneOn; }).length;
      cell(row, p.milestones.length
        ? '完成' + done + '/' + p.milestones.length + (p.milestonesOverdue ? '，逾期' + p.milestonesOverdue : '') + '：'
          + p.milestones.map(function (m) {
            return m.name + '（' + api.date(m.dueOn) + (m.doneOn ? '，已完成' : m.overdue ? '，逾期' : '') + '）';
          }).join('；')
        : '—', 'progress');
      const tasks = cell(row, '');
      p.taskCodes.forEach(function (taskCode, i) {
        if (i) { tasks.appendChild(document.createTextNode('、')); }
        const a = document.createElement('a');
        a.href = 'task.html?code=' + encodeURIComponent(taskCode);
        a.textContent = taskCode;
        tasks.appendChild(a);
      });
      cell(row, p.latestProgress ? p.latestProgress + '（' + api.dateTime(p.latestProgressAt) + '）' : '尚未报送',
        'progress');
      const action = cell(row, '');
      if (canReport(p)) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'report';
        button.textContent = '报送进展';
        button.addEventListener('click', function () { openProgress(p); });
        action.appendChild(button);
      }
    });
    if (!list.length) { cell(body.insertRow(), '尚无重大工程。', 'empty').colSpan = 10; }
  }

  function load() {
    return api.get('/api/my/major-projects').then(function (answer) {
      list = answer;
      render();
    });
  }

  // ---- entering a project ----
  function clearProblems(form) {
    form.querySelectorAll('.field-error').forEach(function (e) { e.textContent = ''; });
    form.querySelectorAll('.invalid').forEach(function (e) { e.classList.remove('invalid'); });
  }

  function showProblems(message) {
    show($('entry-error'), message);
    const detail = message.indexOf('：') >= 0 ? message.slice(message.indexOf('：') + 1) : message;
    detail.split('；').forEach(function (problem) {
      const field = FIELDS.find(function (f) { return problem.indexOf(f[0]) >= 0; });
      if (!field) { return; }
      const box = $('entry').querySelector('.field-error[data-for="' + field[1] + '"]');
      box.textContent = (box.textContent ? box.textContent + '；' : '') + problem.replace(/^项目\d+的?/, '');
      const input = $('entry').querySelector('[name="' + field[1] + '"]');
      if (input) { input.classList.add('invalid'); }
    });
  }

  function addMilestone() {
    const row = $('milestones').tBodies[0].insertRow();
    const n = $('milestones').tBodies[0].rows.length;
    const name = document.createElement('input');
    name.className = 'm-name';
    name.maxLength = 200;
    name.setAttribute('aria-label', '节点' + n + '名称');
    name.placeholder = '如：完成主体工程';
    row.insertCell().appendChild(name);
    const due = document.createElement('input');
    due.type = 'date';
    due.className = 'm-due';
    due.setAttribute('aria-label', '节点' + n + '计划完成日期');
    row.insertCell().appendChild(due);
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = '删除';
    remove.addEventListener('click', function () { row.remove(); });
    row.insertCell().appendChild(remove);
  }

  function showPicked() {
    $('picked-tasks').textContent = pickedTasks.size ? Array.from(pickedTasks).join('、') : '无';
  }

  const tasksOf = api.latest();
  function loadTasks() {
    const plan = $('task-plan').value;
    $('tasks').textContent = '';
    if (!plan) { return; }
    tasksOf('/api/plans/' + encodeURIComponent(plan)).then(function (answer) {
      answer.tasks.forEach(function (t) {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.value = t.code;
        box.checked = pickedTasks.has(t.code);
        box.addEventListener('change', function () {
          if (box.checked) { pickedTasks.add(t.code); } else { pickedTasks.delete(t.code); }
          showPicked();
        });
        label.appendChild(box);
        label.appendChild(document.createTextNode(' ' + t.code + ' ' + t.title + (t.leadUnits ? '（' + t.leadUnits + '）' : '')));
        $('tasks').appendChild(label);
      });
      if (!answer.tasks.length) { $('tasks').textContent = '该计划没有任务。'; }
    }).catch(function (error) { $('tasks').textContent = error.message; });
  }

  function resetEntry() {
    $('entry').reset();
    $('milestones').tBodies[0].textContent = '';
    pickedTasks.clear();
    showPicked();
    $('tasks').textContent = '';
    clearProblems($('entry'));
    show($('entry-error'), '');
  }

  function save(event) {
    event.preventDefault();
    clearProblems($('entry'));
    show($('entry-error'), '');
    const milestones = [];
    $('milestones').querySelectorAll('tbody tr').forEach(function (row) {
      const name = row.querySelector('.m-name').value;
      const due = row.querySelector('.m-due').value;
      if (name.trim() || due) { milestones.push({ name: name, dueOn: due }); }
    });
    const investment = $('p-investment').value;
    const entry = { code: $('p-code').value, name: $('p-name').value, ownerUnit: $('p-owner').value,
      location: $('p-location').value, investmentPlanned: investment === '' ? null : Number(investment),
      startOn: $('p-start').value, endOn: $('p-end').value, milestones: milestones,
      taskCodes: Array.from(pickedTasks) };
    $('save-entry').disabled = true;
    api.post('/api/major-projects', entry).then(function (project) {
      resetEntry();
      $('entry').hidden = true;
      say('已录入重大工程“' + project.name + '”（' + project.code + '）。');
      return load();
    }).catch(function (error) { showProblems(error.message); })
      .then(function () { $('save-entry').disabled = false; });
  }

  // ---- importing a table ----
  function importTable(event) {
    event.preventDefault();
    show($('import-error'), '');
    const file = $('import-file').files[0];
    if (!file) { show($('import-error'), '请选择 .xlsx 表格。'); return; }
    if (!/\.xlsx$/i.test(file.name)) {
      show($('import-error'), '请上传 .xlsx 表格' + (/\.(xls|et|wps)$/i.test(file.name) ? '（旧版表格请先另存为 .xlsx）' : '') + '。');
      return;
    }
    const body = new FormData();
    body.append('file', file);
    $('send-import').disabled = true;
    fetch('/api/major-projects/import', { method: 'POST', credentials: 'same-origin', body: body,
      headers: { 'Accept': 'application/json', 'X-Duban-Request': '1' } })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (answer) {
          if (response.status === 401) { api.toLogin(); throw new Error('登录已过期，请重新登录。'); }
          if (response.status === 413) { throw new Error('文件过大，请拆分后再上传。'); }
          if (!response.ok) { throw new Error(answer.detail || ('导入失败（' + response.status + '）')); }
          return answer;
        });
      })
      .then(function (added) {
        $('import').reset();
        $('import').hidden = true;
        say('已从“' + file.name + '”导入 ' + added.length + ' 个重大工程：'
          + added.map(function (p) { return p.name; }).join('、') + '。');
        return load();
      })
      .catch(function (error) { show($('import-error'), error.message + '（整张表未导入）'); })
      .then(function () { $('send-import').disabled = false; });
  }

  // ---- reporting progress ----
  function openProgress(project) {
    reporting = project;
    $('progress-title').textContent = '报送进展：' + project.name;
    show($('progress-error'), '');
    $('g-content').value = '';
    $('g-spent').value = project.investmentSpent;
    $('g-spent').min = project.investmentSpent;
    const select = $('g-milestone');
    select.textContent = '';
    select.appendChild(new Option('无', ''));
    project.milestones.filter(function (m) { return !m.doneOn; }).forEach(function (m) {
      select.appendChild(new Option(m.name + '（计划' + api.date(m.dueOn) + '）', m.position));
    });
    $('progress').showModal();
  }

  function report(event) {
    event.preventDefault();
    show($('progress-error'), '');
    const spent = $('g-spent').value;
    const milestone = $('g-milestone').value;
    $('send-progress').disabled = true;
    api.post('/api/major-projects/' + encodeURIComponent(reporting.code) + '/progress', {
      content: $('g-content').value, investmentSpent: spent === '' ? null : Number(spent),
      milestoneDone: milestone === '' ? null : Number(milestone)
    }).then(function (project) {
      $('progress').close();
      say('已报送“' + project.name + '”的进展。');
      return load();
    }).catch(function (error) { show($('progress-error'), error.message); })
      .then(function () { $('send-progress').disabled = false; });
  }

  Promise.all([api.get('/api/me'), api.get('/api/units'), api.get('/api/plans')]).then(function (answers) {
    me = answers[0];
    const office = me.supervisionOffice || me.admin;
    answers[1].forEach(function (unit) { $('p-owner').appendChild(new Option(unit.name, unit.name)); });
    answers[2].forEach(function (plan) {
      $('task-plan').appendChild(new Option(plan.title + '（' + plan.code + '）', plan.code));
    });
    document.querySelectorAll('.office-only').forEach(function (e) { e.hidden = !office; });
    $('show-entry').addEventListener('click', function () { $('import').hidden = true; $('entry').hidden = false; });
    $('show-import').addEventListener('click', function () { $('entry').hidden = true; $('import').hidden = false; });
    $('cancel-entry').addEventListener('click', function () { resetEntry(); $('entry').hidden = true; });
    $('cancel-import').addEventListener('click', function () { $('import').reset(); $('import').hidden = true; });
    $('add-milestone').addEventListener('click', addMilestone);
    $('task-plan').addEventListener('change', loadTasks);
    $('entry').addEventListener('submit', save);
    $('import').addEventListener('submit', importTable);
    $('progress-form').addEventListener('submit', report);
    $('cancel-progress').addEventListener('click', function () { $('progress').close(); });
    addMilestone();
    return load().then(function () { say(list.length ? '' : '尚无重大工程。' + (office ? '请录入或从表格导入。' : '')); });
  }).catch(function (error) { say(error.message); });
})();
