// Duban: links from Tasklist's header to Duban's own pages: 已办 for everyone, 督办看板 for the supervision office and
// leaders, 计划导入 (the upload page) and 年度计划 for the supervision office, 年度考核 for it and the performance office. Loaded through config.js customScripts; the header is drawn after login, so the links are added whenever
// it appears.
const LINK_CLASS = 'duban-link';
let me = null;

function whoAmI() {
  if (!me) {
    me = fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null)
      .then((user) => {
        if (!user) {
          me = null;
        }
        return user;
      });
  }
  return me;
}

function startProcessItem() {
  // Tasklist's own header actions: 键盘快捷键, 新建任务, 发起流程.
  return document.querySelector('li.start-process-action');
}

function link(item, href, text) {
  const li = document.createElement('li');
  li.className = LINK_CLASS;
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  li.appendChild(a);
  item.parentNode.insertBefore(li, item);
}

function addLinks() {
  const item = startProcessItem();
  if (!item || item.parentNode.querySelector('.' + LINK_CLASS)) {
    return;
  }
  whoAmI().then((user) => {
    if (!user || item.parentNode.querySelector('.' + LINK_CLASS)) {
      return;
    }
    if (user.supervisionOffice) {
      link(item, '/duban/upload.html', '计划导入');
      link(item, '/duban/annual-plan.html', '年度计划');
      link(item, '/duban/meetings.html', '联席会议');
    }
    if (user.supervisionOffice || (user.groups || []).indexOf('performance-office') >= 0) {
      link(item, '/duban/assessment.html', '年度考核');
    }
    if (user.supervisionOffice || user.leader) {
      link(item, '/duban/dashboard.html', '督办看板');
    }
    // Every unit: the office follows all major projects, an owner unit reports its own projects' progress.
    link(item, '/duban/projects.html', '重大工程');
    link(item, '/duban/staff.html', '单位人员');
    link(item, '/duban/done.html', '已办');
  });
}

new MutationObserver(addLinks).observe(document.documentElement, { childList: true, subtree: true });
