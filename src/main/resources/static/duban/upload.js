// The office's upload page: a plan file becomes a draft (then the review page), a YAML plan is imported at once.
(function () {
  'use strict';

  const form = document.getElementById('upload');
  const status = document.getElementById('status');
  const notices = document.getElementById('notices');
  const button = document.getElementById('send');

  function notice(text, kind) {
    const box = document.createElement('div');
    box.className = 'notice' + (kind ? ' ' + kind : '');
    box.textContent = text;
    notices.replaceChildren(box);
  }

  function problem(response) {
    return response.json().catch(function () { return {}; }).then(function (body) {
      if (response.status === 401) { throw new Error('尚未登录：请先在任务列表（Tasklist）中登录，再打开本页面。'); }
      if (response.status === 403) { throw new Error('只有督查办可以导入计划。'); }
      if (response.status === 413) { throw new Error('文件过大，请压缩图片或拆分后再上传。'); }
      throw new Error(body.detail || ('上传失败（' + response.status + '）'));
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const file = document.getElementById('file').files[0];
    if (!file) { notice('请选择计划文件。', 'error'); return; }
    const name = file.name.toLowerCase();
    if (!/\.(docx|pdf|txt|xlsx|ya?ml)$/.test(name)) {
      notice('不支持该文件类型：请上传 .docx、.pdf、.txt、.xlsx 或 .yaml 文件'
        + (/\.(doc|xls|wps)$/.test(name) ? '（旧版Office文件请先另存为 .docx 或 .xlsx）' : '') + '。', 'error');
      return;
    }
    const yaml = /\.ya?ml$/.test(name);
    const body = new FormData();
    body.append('file', file);
    const code = document.getElementById('code').value.trim();
    if (code && !yaml) { body.append('code', code); }
    button.disabled = true;
    notices.replaceChildren();
    status.textContent = '正在上传并识别“' + file.name + '”…';
    fetch(yaml ? '/api/plans' : '/api/plan-drafts', {
      method: 'POST', credentials: 'same-origin', body: body,
      headers: { 'Accept': 'application/json', 'X-Duban-Request': '1' }
    }).then(function (response) {
      return response.ok ? response.json() : problem(response);
    }).then(function (result) {
      if (yaml) {
        status.textContent = '';
        notice('计划“' + (result.title || result.code) + '”已导入，' + (result.tasks ? result.tasks.length : 0)
          + ' 项任务已分发。');
        button.disabled = false;
        return;
      }
      status.textContent = '已识别 ' + result.taskCount + ' 项任务，正在打开审核页面…';
      location.href = 'review.html?draft=' + encodeURIComponent(result.processInstanceId);
    }).catch(function (error) {
      status.textContent = '';
      notice(error.message, 'error');
      button.disabled = false;
    });
  });
})();
