// 文书: a task's documents (督办通知单, 催办通知单, 整改通知书, 办结报告) to download, on the task page (a list) and
// on the dashboard (a 督办通知单 link on each overdue row).
(function () {
  'use strict';
  const api = window.DubanApi;

  function documentsOf(code) {
    return api.get('/api/plan-tasks/' + encodeURIComponent(code) + '/documents');
  }

  function link(document_, text) {
    const a = document.createElement('a');
    a.href = document_.href;
    a.textContent = text;
    a.setAttribute('download', '');
    return a;
  }

  const extras = document.getElementById('reach-extras');
  if (extras) {
    const code = new URLSearchParams(location.search).get('code');
    if (!code) { return; }
    const heading = document.createElement('h2');
    heading.textContent = '文书';
    const table = document.createElement('table');
    table.id = 'documents';
    table.innerHTML = '<thead><tr><th>文书</th><th>文号</th><th>印发时间</th></tr></thead><tbody></tbody>';
    extras.appendChild(heading);
    extras.appendChild(table);
    instructions(extras, code);
    documentsOf(code).then(function (documents) {
      documents.forEach(function (d) {
        const row = table.tBodies[0].insertRow();
        row.insertCell().appendChild(link(d, d.title));
        row.insertCell().textContent = d.documentNumber;
        row.insertCell().textContent = api.dateTime(d.issuedAt);
      });
      if (!documents.length) { table.tBodies[0].insertRow().insertCell().textContent = '无'; }
    }).catch(function (error) { table.tBodies[0].insertRow().insertCell().textContent = error.message; });
    return;
  }

  // 领导批示: the task's instructions with their acknowledgements; a leader may write one.
  function instructions(box, code) {
    const heading = document.createElement('h2');
    heading.textContent = '领导批示';
    const list = document.createElement('ul');
    list.id = 'instructions';
    box.appendChild(heading);
    box.appendChild(list);
    const path = '/api/plan-tasks/' + encodeURIComponent(code) + '/instructions';
    function show(items) {
      list.textContent = '';
      items.forEach(function (i) {
        const item = document.createElement('li');
        item.textContent = api.dateTime(i.issuedAt) + ' ' + i.leaderName + '批示：' + i.instruction
          + (i.acknowledged ? '（' + api.dateTime(i.acknowledgedAt) + ' 已签收：' + i.acknowledgement + '）' : '（待牵头单位签收）');
        list.appendChild(item);
      });
      if (!items.length) { list.appendChild(document.createElement('li')).textContent = '无'; }
    }
    api.get(path).then(show).catch(function (error) { list.textContent = error.message; });
    api.get('/api/me').then(function (me) {
      if (!me.leader) { return; }
      const form = document.createElement('form');
      form.id = 'instruct';
      const text = document.createElement('textarea');
      text.id = 'instruction-text';
      text.rows = 3;
      text.maxLength = 1000;
      text.required = true;
      text.placeholder = '批示内容（牵头单位将收到并须签收）';
      const button = document.createElement('button');
      button.className = 'primary';
      button.textContent = '作出批示';
      const error = document.createElement('p');
      error.className = 'error';
      error.setAttribute('role', 'alert');
      form.appendChild(text);
      form.appendChild(button);
      form.appendChild(error);
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        api.post(path, { text: text.value }).then(function () {
          text.value = '';
          error.textContent = '';
          return api.get(path).then(show);
        }).catch(function (e) { error.textContent = e.message; });
      });
      box.appendChild(form);
    });
  }

  // The dashboard: each overdue row gets a button that downloads the task's 督办通知单.
  const overdue = document.getElementById('overdue');
  if (!overdue) { return; }
  function decorate() {
    Array.prototype.forEach.call(overdue.tBodies[0].rows, function (row) {
      const code = row.dataset.code;
      const actions = row.cells[row.cells.length - 1];
      if (!code || !actions || actions.querySelector('.notice')) { return; }
      const button = document.createElement('button');
      button.className = 'notice';
      button.textContent = '督办通知单';
      button.addEventListener('click', function () {
        instructions(extras, code);
    documentsOf(code).then(function (documents) {
          const notice = documents.filter(function (d) { return d.kind === 'DISPATCH'; })[0];
          if (notice) { link(notice, '').click(); }
        }).catch(function (error) { window.alert(error.message); });
      });
      actions.appendChild(button);
    });
  }
  new MutationObserver(decorate).observe(overdue.tBodies[0], { childList: true });
  decorate();
})();
