// Duban: the notices (通知) in Tasklist's header: the unread count as a badge, and a list of the latest notices, each
// with a link to its task; opening a notice marks it read. The data is Duban's inbox (/api/inbox), refreshed every
// minute.
const ITEM_CLASS = 'duban-inbox';
let inbox = null;
let loading = null;

function load() {
  if (!loading) {
    loading = fetch('/api/inbox', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null)
      .then((answer) => {
        loading = null;
        inbox = answer;
        draw();
        return answer;
      });
  }
  return loading;
}

function markRead(message) {
  if (message.read) {
    return Promise.resolve();
  }
  message.read = true;
  inbox.unread = Math.max(0, inbox.unread - 1);
  draw();
  return fetch('/api/inbox/' + message.id + '/read', {
    method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Duban-Request': '1' },
  }).catch(() => null);
}

function when(value) {
  return value ? new Date(value).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';
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

function entry(message) {
  const li = element('li', 'duban-inbox-message' + (message.read ? '' : ' unread'));
  li.appendChild(element('div', 'duban-inbox-subject', message.subject));
  li.appendChild(element('div', 'duban-inbox-time', when(message.createdAt)));
  li.appendChild(element('div', 'duban-inbox-body', message.body));
  const actions = element('div', 'duban-inbox-actions');
  if (message.link) {
    const open = element('a', 'duban-inbox-open', '打开任务');
    open.href = message.link;
    open.addEventListener('click', () => {
      markRead(message);
      document.querySelector('.' + ITEM_CLASS).classList.remove('open');
    });
    actions.appendChild(open);
  }
  if (!message.read) {
    const read = element('a', 'duban-inbox-read', '标为已读');
    read.href = '';
    read.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      markRead(message);
    });
    actions.appendChild(read);
  }
  li.appendChild(actions);
  return li;
}

function draw() {
  const item = document.querySelector('.' + ITEM_CLASS);
  if (!item || !inbox) {
    return;
  }
  const badge = item.querySelector('.duban-inbox-badge');
  badge.textContent = inbox.unread > 99 ? '99+' : String(inbox.unread);
  badge.hidden = inbox.unread === 0;
  const list = item.querySelector('.duban-inbox-list');
  list.textContent = '';
  if (!inbox.messages.length) {
    list.appendChild(element('li', 'duban-inbox-empty', '暂无通知'));
  }
  inbox.messages.forEach((message) => list.appendChild(entry(message)));
}

function addInbox() {
  const anchor = document.querySelector('li.start-process-action');
  if (!anchor || anchor.parentNode.querySelector('.' + ITEM_CLASS)) {
    return;
  }
  const item = element('li', ITEM_CLASS);
  const toggle = element('a', 'duban-inbox-toggle', '通知');
  toggle.href = '';
  toggle.setAttribute('role', 'button');
  toggle.appendChild(element('span', 'duban-inbox-badge'));
  toggle.addEventListener('click', (event) => {
    event.preventDefault();
    item.classList.toggle('open');
    if (item.classList.contains('open')) {
      load();
    }
  });
  item.appendChild(toggle);
  item.appendChild(element('ul', 'duban-inbox-list'));
  anchor.parentNode.insertBefore(item, anchor.parentNode.firstChild);
  load();
}

new MutationObserver(addInbox).observe(document.documentElement, { childList: true, subtree: true });
setInterval(() => {
  if (document.querySelector('.' + ITEM_CLASS) && !document.hidden) {
    load();
  }
}, 60000);
