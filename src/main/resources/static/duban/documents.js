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
