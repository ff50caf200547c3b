// 已办: the signed-in user's tasks finished in the last 30 days (uses the Tasklist login).
(function () {
  'use strict';
  const PROCESSES = { 'plan-task': '督办任务', 'plan-intake': '计划导入', 'accountability': '问责' };
  const status = document.getElementById('status');
  const table = document.getElementById('done');

  function when(value) {
    return value ? new Date(value).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';
  }

  fetch('/api/my/done-tasks', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (response) {
      if (response.status === 401) {
        window.sessionStorage.setItem('duban.returnTo', window.location.pathname);
        window.sessionStorage.setItem('duban.loginReason', '登录已过期，请重新登录；登录后将回到原来的页面。');
        window.location.assign('/camunda/app/tasklist/default/#/login');
        throw new Error('登录已过期或尚未登录，正在转到登录页面。');
      }
      if (!response.ok) { throw new Error('加载失败（' + response.status + '）'); }
      return response.json();
    })
    .then(function (tasks) {
      const body = table.querySelector('tbody');
      tasks.forEach(function (task) {
        const row = body.insertRow();
        const name = row.insertCell();
        if (task.taskCode) {
          // A plan task's row opens its page: where it stands and who has reported.
          const link = document.createElement('a');
          link.href = 'progress.html?code=' + encodeURIComponent(task.taskCode);
          link.textContent = task.name;
          name.appendChild(link);
        } else {
          name.textContent = task.name;
        }
        [PROCESSES[task.process] || task.process, task.now || '', when(task.started), when(task.finished)]
          .forEach(function (text) { row.insertCell().textContent = text; });
      });
      status.textContent = tasks.length ? '共 ' + tasks.length + ' 项。' : '近30天没有办结的任务。';
      table.hidden = tasks.length === 0;
    })
    .catch(function (error) { status.textContent = error.message; });
})();
