// 佐证材料: a task's evidence files on the task page, each a download, with the unit and step that attached it.
(function () {
  'use strict';
  const api = window.DubanApi;
  const extras = document.getElementById('reach-extras');
  const code = new URLSearchParams(location.search).get('code');
  if (!extras || !code) { return; }

  function size(bytes) {
    return bytes >= 1024 * 1024 ? (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '') + ' MB' : Math.max(1, Math.ceil(bytes / 1024)) + ' KB';
  }

  const heading = document.createElement('h2');
  heading.textContent = '佐证材料';
  const table = document.createElement('table');
  table.id = 'evidence';
  table.innerHTML = '<thead><tr><th>文件</th><th>单位</th><th>环节</th><th>大小</th><th>上传时间</th></tr></thead><tbody></tbody>';
  extras.insertBefore(table, extras.firstChild);
  extras.insertBefore(heading, table);
  api.get('/api/plan-tasks/' + encodeURIComponent(code) + '/evidence').then(function (files) {
    files.forEach(function (file) {
      const row = table.tBodies[0].insertRow();
      const link = document.createElement('a');
      link.href = file.href;
      link.textContent = file.fileName;
      link.setAttribute('download', file.fileName);
      row.insertCell().appendChild(link);
      row.insertCell().textContent = file.unitName;
      row.insertCell().textContent = file.stepName;
      row.insertCell().textContent = size(file.size);
      row.insertCell().textContent = api.dateTime(file.uploadedAt);
    });
    if (!files.length) { table.tBodies[0].insertRow().insertCell().textContent = '无'; }
  }).catch(function (error) { table.tBodies[0].insertRow().insertCell().textContent = error.message; });
})();
