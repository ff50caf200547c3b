// The public progress page (信息公开): no login; shows only what the office published for the plan in ?plan=.
(function () {
  'use strict';
  var status = document.getElementById('status');
  var plan = new URLSearchParams(window.location.search).get('plan');
  if (!plan) {
    status.textContent = '请在地址中指明计划（?plan=计划编号）。';
    return;
  }
  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    row.appendChild(td);
  }
  fetch('/public/plans/' + encodeURIComponent(plan), {credentials: 'omit', headers: {Accept: 'application/json'}})
    .then(function (response) {
      if (!response.ok) {
        throw new Error(response.status === 404 ? '未找到公开的计划。' : '暂时无法加载，请稍后再试。');
      }
      return response.json();
    })
    .then(function (view) {
      document.getElementById('title').textContent = view.title + ' · 工作进展公开';
      document.title = view.title + ' · 工作进展公开';
      var summary = document.getElementById('summary');
      summary.textContent = Object.keys(view.byState).map(function (state) {
        return state + ' ' + view.byState[state] + ' 项';
      }).join('，') + (view.issuer ? '（' + view.issuer + '）' : '');
      summary.hidden = false;
      var body = document.querySelector('#tasks tbody');
      view.tasks.forEach(function (task) {
        var row = document.createElement('tr');
        cell(row, task.code);
        cell(row, task.title);
        cell(row, task.leadUnits.join('、'));
        cell(row, task.deadline);
        cell(row, task.state);
        body.appendChild(row);
      });
      document.getElementById('tasks').hidden = false;
      status.textContent = '共 ' + view.tasks.length + ' 项任务。';
    })
    .catch(function (error) {
      status.textContent = error.message;
    });
})();
