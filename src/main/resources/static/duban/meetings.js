// 联席会议: the office records a meeting (date, place, chair, participating units, minutes) with its decisions; each
// decision becomes a supervised task dispatched to its lead unit (support units contribute) like a plan task. Past
// meetings are listed with each decision's task, its state and a link to the task's page.
(function () {
  'use strict';
  const api = window.DubanApi;
  const $ = function (id) { return document.getElementById(id); };
  let unitNames = [];

  function say(text) { $('status').hidden = !text; $('status').textContent = text || ''; }
  function show(element, text) { element.hidden = !text; element.textContent = text || ''; }
  function element(tag, text, className) {
    const e = document.createElement(tag);
    if (text) { e.textContent = text; }
    if (className) { e.className = className; }
    return e;
  }
  function checkboxes(container, name) {
    unitNames.forEach(function (unit) {
      const label = element('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = unit;
      box.name = name;
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + unit));
      container.appendChild(label);
    });
  }
  function checked(container) {
    return Array.from(container.querySelectorAll('input[type=checkbox]:checked')).map(function (b) { return b.value; });
  }

  function renumber() {
    $('decisions').querySelectorAll('fieldset.decision').forEach(function (set, i) {
      set.querySelector('legend').textContent = '议定事项' + (i + 1);
    });
  }

  function addDecision() {
    const set = element('fieldset', null, 'decision');
    set.appendChild(element('legend'));
    const title = element('input', null, 'd-title');
    title.maxLength = 200;
    title.placeholder = '如：督促阜康市加快受污染耕地安全利用';
    const text = element('textarea', null, 'd-text');
    text.rows = 2;
    text.maxLength = 2000;
    const lead = element('select', null, 'd-lead');
    lead.appendChild(new Option('请选择', ''));
    unitNames.forEach(function (unit) { lead.appendChild(new Option(unit, unit)); });
    const deadline = element('input', null, 'd-deadline');
    deadline.type = 'date';
    const supports = element('div', null, 'choices units d-supports');
    checkboxes(supports, 'support');
    [['事项名称', title], ['具体要求', text], ['牵头单位', lead], ['完成时限', deadline]].forEach(function (pair) {
      const label = element('label', pair[0] + ' ');
      label.appendChild(pair[1]);
      set.appendChild(label);
    });
    set.appendChild(element('div', '配合单位', 'hint'));
    set.appendChild(supports);
    const remove = element('button', '删除该事项');
    remove.type = 'button';
    remove.addEventListener('click', function () { set.remove(); renumber(); });
    set.appendChild(remove);
    $('decisions').appendChild(set);
    renumber();
  }

  function reset() {
    $('record').reset();
    $('decisions').textContent = '';
    addDecision();
    show($('record-error'), '');
    $('m-date').value = today();
  }
  function today() { return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()); }

  function save(event) {
    event.preventDefault();
    show($('record-error'), '');
    const others = $('m-others').value.split(/[、，,;；\s]+/).filter(function (p) { return p; });
    const head = [];
    if ($('m-place').value.trim()) { head.push('会议地点：' + $('m-place').value.trim()); }
    if ($('m-chair').value.trim()) { head.push('主持人：' + $('m-chair').value.trim()); }
    const minutes = $('m-minutes').value.trim();
    const decisions = Array.from($('decisions').querySelectorAll('fieldset.decision')).map(function (set) {
      return { title: set.querySelector('.d-title').value, text: set.querySelector('.d-text').value,
        leadUnits: set.querySelector('.d-lead').value ? [set.querySelector('.d-lead').value] : [],
        supportUnits: checked(set.querySelector('.d-supports')), deadline: set.querySelector('.d-deadline').value };
    });
    $('save-record').disabled = true;
    api.post('/api/joint-meetings', { title: $('m-title').value, heldOn: $('m-date').value,
      participants: checked($('participants')).concat(others),
      minutes: minutes ? head.concat([minutes]).join('\n') : '', decisions: decisions })
      .then(function (meeting) {
        reset();
        $('record').hidden = true;
        say('已记录“' + meeting.title + '”（' + meeting.code + '），' + meeting.decisions.length + ' 项议定事项已交办。');
        return load();
      })
      .catch(function (error) { show($('record-error'), error.message); })
      .then(function () { $('save-record').disabled = false; });
  }

  function render(meetings) {
    const section = $('meetings');
    section.textContent = '';
    meetings.forEach(function (m) {
      const box = element('article', null, 'meeting');
      box.dataset.code = m.code;
      box.appendChild(element('h3', m.title));
      box.appendChild(element('div', api.date(m.heldOn) + ' · ' + m.code + ' · 参会：' + m.participants.join('、'), 'code'));
      const minutes = element('details');
      minutes.appendChild(element('summary', '会议纪要'));
      minutes.appendChild(element('div', m.minutes, 'minutes'));
      box.appendChild(minutes);
      const table = element('table');
      table.createTHead().innerHTML = '<tr><th>任务</th><th>议定事项</th><th>牵头单位</th><th>配合单位</th>'
        + '<th>完成时限</th><th>状态</th></tr>';
      const body = table.createTBody();
      m.decisions.forEach(function (d) {
        const row = body.insertRow();
        row.dataset.code = d.taskCode;
        const a = element('a', d.taskCode);
        a.href = 'task.html?code=' + encodeURIComponent(d.taskCode);
        row.insertCell().appendChild(a);
        row.insertCell().textContent = d.title;
        row.insertCell().textContent = d.leadUnits.join('、');
        row.insertCell().textContent = d.supportUnits.join('、') || '—';
        row.insertCell().textContent = api.date(d.deadline);
        row.insertCell().textContent = d.stateText || '—';
      });
      box.appendChild(table);
      section.appendChild(box);
    });
    if (!meetings.length) { section.appendChild(element('p', '尚无联席会议记录。', 'hint')); }
  }

  function load() { return api.get('/api/joint-meetings').then(render); }

  Promise.all([api.get('/api/me'), api.get('/api/units')]).then(function (answers) {
    const me = answers[0];
    const office = me.supervisionOffice || me.admin;
    unitNames = answers[1].map(function (u) { return u.name; });
    checkboxes($('participants'), 'participant');
    document.querySelectorAll('.office-only').forEach(function (e) { e.hidden = !office; });
    $('m-date').value = today();
    $('show-record').addEventListener('click', function () { $('record').hidden = false; });
    $('cancel-record').addEventListener('click', function () { reset(); $('record').hidden = true; });
    $('add-decision').addEventListener('click', addDecision);
    $('record').addEventListener('submit', save);
    addDecision();
    return load().then(function () { say(''); });
  }).catch(function (error) { say(error.message); });
})();
