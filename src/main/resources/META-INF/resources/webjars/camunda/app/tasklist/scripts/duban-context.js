// Duban: what a decision on a supervised task needs to know, on top of its form (signing, reporting, inspection,
// extension, closure): the deadline the plan set and the one in force now, the working days left or overdue, the
// level, the urges and the rectifications; the office and leaders also get a link to the task's whole history.
const BOX_CLASS = 'duban-context';
let me = null;

function taskId() {
  const match = (window.location.hash || '').match(/[?&]task=([^&]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

function json(path) {
  return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
}

function chinese(day) {
  if (!day) {
    return '';
  }
  const parts = String(day).split('-');
  return parts[0] + '年' + Number(parts[1]) + '月' + Number(parts[2]) + '日';
}

function fact(list, label, value, className) {
  const dt = document.createElement('dt');
  dt.textContent = label;
  const dd = document.createElement('dd');
  dd.textContent = value;
  if (className) {
    dd.className = className;
  }
  list.appendChild(dt);
  list.appendChild(dd);
}

function draw(container, card, user) {
  const box = document.createElement('div');
  box.className = BOX_CLASS;
  box.dataset.taskId = card.taskId;
  const title = document.createElement('h4');
  title.textContent = '督办信息';
  box.appendChild(title);
  const list = document.createElement('dl');
  fact(list, '原定完成时限', chinese(card.originalDeadline));
  fact(list, '当前完成时限', chinese(card.deadline));
  fact(list, '时限状态', card.taskWorkingDaysOverdue > 0 ? '已逾期 ' + card.taskWorkingDaysOverdue + ' 个工作日'
    : (card.overdue ? '已逾期 ' + card.workingDaysOverdue + ' 个工作日' : '剩余 ' + card.workingDaysLeft + ' 个工作日'),
  card.taskWorkingDaysOverdue > 0 || card.overdue ? 'late' : '');
  fact(list, '问责等级', card.levelName || '正常');
  fact(list, '催办次数', String(card.timesUrged));
  fact(list, '整改次数', String(card.rectifications));
  box.appendChild(list);
  if (user && (user.supervisionOffice || user.leader) && card.taskCode) {
    const link = document.createElement('a');
    link.href = '/duban/task.html?code=' + encodeURIComponent(card.taskCode);
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = '查看任务档案（完整时间线）';
    box.appendChild(link);
  }
  if (card.taskCode) {
    // Every unit of the task: which support and implementing units have reported, and where the task stands.
    const progress = document.createElement('a');
    progress.className = 'duban-progress-link';
    progress.href = '/duban/progress.html?code=' + encodeURIComponent(card.taskCode);
    progress.target = '_blank';
    progress.rel = 'noopener';
    progress.textContent = '查看办理进度（配合单位、落实单位报送情况）';
    box.appendChild(progress);
  }
  container.parentNode.insertBefore(box, container);
}

function show() {
  const id = taskId();
  const container = document.querySelector('.fjs-container');
  if (!id || !container || container.dataset.dubanContext === id) {
    return;
  }
  container.dataset.dubanContext = id;
  const old = container.parentNode.querySelector('.' + BOX_CLASS);
  if (old && old.dataset.taskId !== id) {
    old.remove();
  }
  if (!me) {
    me = json('/api/me');
  }
  Promise.all([json('/api/task-cards?ids=' + encodeURIComponent(id)), me]).then(([cards, user]) => {
    const card = cards && cards.find((c) => c.taskId === id && c.taskCode);
    if (!card || taskId() !== id || !container.isConnected || container.parentNode.querySelector('.' + BOX_CLASS)) {
      return;
    }
    draw(container, card, user);
  });
}

new MutationObserver(show).observe(document.documentElement, { childList: true, subtree: true });
