// Duban: task cards that say what is urgent. Each card in Tasklist's list gets the plan, the absolute deadline
// (2026年12月31日), the working days left or overdue, the escalation level and the urges, from /api/task-cards; the
// engine's relative due date ("截止 9 年前"), the process name (督办任务) and the bare priority give way to them.
// Lists are sorted by due date (earliest first) unless the user picked another order.
const CARD_CLASS = 'duban-card';
const cache = new Map();
const CACHE_MS = 30000;
let scheduled = null;

function taskIdOf(item) {
  const link = item.querySelector('h4.task a');
  const href = link && link.getAttribute('href');
  const match = href && href.match(/[?&]task=([^&]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

function fresh(id) {
  const entry = cache.get(id);
  return entry && Date.now() - entry.at < CACHE_MS;
}

function text(tag, className, content) {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = content;
  return element;
}

function render(item, card) {
  const old = item.querySelector('.' + CARD_CLASS);
  if (old) {
    old.remove();
  }
  item.classList.remove('duban-overdue', 'duban-planned');
  if (!card) {
    return;
  }
  const box = document.createElement('div');
  box.className = CARD_CLASS;
  box.dataset.taskId = card.taskId;
  if (card.planTitle) {
    item.classList.add('duban-planned');
    box.appendChild(text('div', 'duban-card-plan', card.planTitle));
  }
  if (card.dueText) {
    const due = text('div', 'duban-card-due', '截止 ' + card.dueText);
    due.appendChild(text('span', card.overdue ? 'duban-card-late' : 'duban-card-left', card.overdue
      ? '已逾期 ' + card.workingDaysOverdue + ' 个工作日'
      : (card.workingDaysLeft === 0 ? '今日到期' : '剩余 ' + card.workingDaysLeft + ' 个工作日')));
    box.appendChild(due);
  }
  const marks = document.createElement('div');
  marks.className = 'duban-card-marks';
  if (card.levelName && card.level !== 'NONE') {
    marks.appendChild(text('span', 'duban-card-level', card.levelName));
  }
  if (card.stateName) {
    marks.appendChild(text('span', 'duban-card-state', card.stateName));
  }
  if (card.timesUrged > 0) {
    marks.appendChild(text('span', 'duban-card-urged', '已催办 ' + card.timesUrged + ' 次'));
  }
  if (marks.childNodes.length) {
    box.appendChild(marks);
  }
  if (card.overdue) {
    item.classList.add('duban-overdue');
  }
  const names = item.querySelector('.names');
  if (names) {
    names.insertAdjacentElement('afterend', box);
  } else {
    (item.firstElementChild || item).appendChild(box);
  }
}

function decorate() {
  scheduled = null;
  const items = Array.from(document.querySelectorAll('.tasks-list li.task'));
  const missing = [];
  items.forEach((item) => {
    const id = taskIdOf(item);
    if (!id) {
      return;
    }
    const shown = item.querySelector('.' + CARD_CLASS);
    if (fresh(id)) {
      if (!shown || shown.dataset.taskId !== id) {
        render(item, cache.get(id).card);
      }
    } else {
      missing.push(id);
    }
  });
  if (!missing.length) {
    return;
  }
  const now = Date.now();
  missing.forEach((id) => cache.set(id, { at: now, card: (cache.get(id) || {}).card || null }));
  fetch('/api/task-cards?ids=' + encodeURIComponent(missing.slice(0, 100).join(',')),
    { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : []))
    .catch(() => [])
    .then((cards) => {
      const at = Date.now();
      cards.forEach((card) => cache.set(card.taskId, { at: at, card: card }));
      items.forEach((item) => {
        const id = taskIdOf(item);
        if (id && missing.includes(id) && item.isConnected) {
          render(item, (cache.get(id) || {}).card);
        }
      });
    });
}

// Tasklist sends its own order (newest first) unless the address names one: the default here is the due date.
function sortByDueDate() {
  const hash = window.location.hash || '';
  if (!hash.startsWith('#/') || hash.startsWith('#/login')) {
    return;
  }
  const query = hash.indexOf('?');
  const params = new URLSearchParams(query < 0 ? '' : hash.slice(query + 1));
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]));
  window.location.replace('#/?' + params.toString());
}

window.addEventListener('hashchange', sortByDueDate);
sortByDueDate();

new MutationObserver((mutations) => {
  const ours = mutations.every((m) => Array.from(m.addedNodes).concat(Array.from(m.removedNodes))
    .every((node) => node.nodeType === 1 && node.classList && node.classList.contains(CARD_CLASS)));
  if (!ours && !scheduled) {
    scheduled = setTimeout(decorate, 50);
  }
}).observe(document.documentElement, { childList: true, subtree: true });
