// Duban: the evidence files (佐证材料) of a supervised task, under its form. Every step shows the plan task's files
// to whoever may read them (its units, the office, leaders), each a download; the steps that take files (report,
// contribution, local report, verification) let the unit working them add files and delete its own until the step is
// submitted. The data is Duban's API (/api/tasks/{taskId}/evidence); the server checks every rule again.
const PANEL_CLASS = 'duban-evidence';

function taskId() {
  const match = (window.location.hash || '').match(/[?&]task=([^&]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function size(bytes) {
  return bytes >= 1024 * 1024 ? (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '') + ' MB' : Math.max(1, Math.ceil(bytes / 1024)) + ' KB';
}

function when(value) {
  return value ? new Date(value).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';
}

function problem(response) {
  return response.json().then((body) => (body && body.detail) || '操作失败（' + response.status + '）')
    .catch(() => '操作失败（' + response.status + '）');
}

function load(id) {
  return fetch('/api/tasks/' + encodeURIComponent(id) + '/evidence', {
    credentials: 'same-origin', headers: { Accept: 'application/json' },
  }).then((response) => (response.ok ? response.json() : null)).catch(() => null);
}

function draw(panel, id, listing) {
  panel.textContent = '';
  panel.appendChild(element('h4', null, '佐证材料'));
  const status = element('p', 'duban-evidence-status');
  status.setAttribute('role', 'status');
  if (listing.files.length === 0) {
    panel.appendChild(element('p', 'duban-evidence-empty', '暂无佐证材料。'));
  } else {
    const list = element('ul', 'duban-evidence-files');
    listing.files.forEach((file) => {
      const item = element('li');
      const link = element('a', 'duban-evidence-file', file.fileName);
      link.href = file.href;
      link.setAttribute('download', file.fileName);
      item.appendChild(link);
      item.appendChild(element('span', 'duban-evidence-meta',
        ' ' + size(file.size) + '　' + file.unitName + '　' + file.stepName + '　' + when(file.uploadedAt)));
      if (listing.deletable.indexOf(file.id) >= 0) {
        const remove = element('button', 'btn btn-link btn-xs duban-evidence-delete', '删除');
        remove.type = 'button';
        remove.addEventListener('click', () => {
          remove.disabled = true;
          fetch(file.href, {
            method: 'DELETE', credentials: 'same-origin',
            headers: { Accept: 'application/json', 'X-Duban-Request': '1' },
          }).then((response) => (response.ok ? refresh(panel, id) : problem(response).then((text) => {
            status.textContent = text;
            remove.disabled = false;
          })));
        });
        item.appendChild(remove);
      }
      list.appendChild(item);
    });
    panel.appendChild(list);
  }
  if (listing.canAdd) {
    const label = element('label', 'duban-evidence-add', '选择文件上传：');
    const input = element('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = '.pdf,.jpg,.jpeg,.png,.gif,.bmp,.tif,.tiff,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.wps,.et,.dps';
    label.appendChild(input);
    panel.appendChild(label);
    panel.appendChild(element('p', 'duban-evidence-hint',
      '可上传' + listing.accepted + '，每个文件不超过' + size(listing.maxFileSize) + '，每步最多'
      + listing.maxFilesPerStep + '个。提交后不能再删除。'));
    input.addEventListener('change', () => {
      const files = Array.from(input.files || []);
      input.disabled = true;
      status.textContent = '正在上传…';
      files.reduce((done, file) => done.then((problems) => {
        const body = new FormData();
        body.append('file', file, file.name);
        return fetch('/api/tasks/' + encodeURIComponent(id) + '/evidence', {
          method: 'POST', credentials: 'same-origin', body,
          headers: { Accept: 'application/json', 'X-Duban-Request': '1' },
        }).then((response) => (response.ok ? problems : problem(response).then((text) => problems.concat(text))))
          .catch(() => problems.concat('“' + file.name + '”上传失败：网络中断，请重试。'));
      }), Promise.resolve([])).then((problems) => refresh(panel, id).then(() => {
        const now = panel.querySelector('.duban-evidence-status');
        if (now) {
          now.textContent = problems.length ? problems.join(' ') : '已上传 ' + files.length + ' 个文件。';
        }
      }));
    });
  }
  panel.appendChild(status);
}

function refresh(panel, id) {
  return load(id).then((listing) => {
    if (listing && taskId() === id && panel.isConnected) {
      draw(panel, id, listing);
    }
  });
}

function show() {
  const id = taskId();
  const container = document.querySelector('.fjs-container');
  if (!id || !container || container.dataset.dubanEvidence === id) {
    return;
  }
  container.dataset.dubanEvidence = id;
  const old = container.parentNode.querySelector('.' + PANEL_CLASS);
  if (old) {
    old.remove();
  }
  load(id).then((listing) => {
    if (!listing || taskId() !== id || !container.isConnected
      || (!listing.stepTakesFiles && listing.files.length === 0)) {
      return;
    }
    const panel = element('div', PANEL_CLASS);
    panel.dataset.taskId = id;
    container.parentNode.insertBefore(panel, container.nextSibling);
    draw(panel, id, listing);
  });
}

new MutationObserver(show).observe(document.documentElement, { childList: true, subtree: true });
