// Duban: an expired session. Duban's own pages (dashboard, task page, 已办) send a user whose session expired to
// this login page with a reason (sessionStorage duban.loginReason) and where to go back to (duban.returnTo); the
// reason is shown on top of the login form and, once signed in, the user is taken back there.
const REASON = 'duban.loginReason';
const RETURN_TO = 'duban.returnTo';

function stored(key) {
  try {
    return window.sessionStorage.getItem(key);
  } catch (e) {
    return null;
  }
}

function onLoginPage() {
  return (window.location.hash || '').startsWith('#/login');
}

function showReason() {
  const reason = stored(REASON);
  const form = document.querySelector('form[name="signinForm"], .signin form, form');
  if (!reason || !onLoginPage() || !form || document.querySelector('.duban-login-reason')) {
    return;
  }
  const note = document.createElement('div');
  note.className = 'alert alert-warning duban-login-reason';
  note.setAttribute('role', 'alert');
  note.textContent = reason;
  form.parentNode.insertBefore(note, form);
}

function goBack() {
  const target = stored(RETURN_TO);
  if (!target || onLoginPage() || !document.querySelector('.task-filter, [cam-tasks], .tasks-list')) {
    return;
  }
  window.sessionStorage.removeItem(RETURN_TO);
  window.sessionStorage.removeItem(REASON);
  // Only Duban's own pages on this server: never an address someone else put there.
  if (/^\/duban\/[\w.-]+\.html(\?[^#]*)?(#.*)?$/.test(target)) {
    window.location.assign(target);
  }
}

new MutationObserver(() => {
  showReason();
  goBack();
}).observe(document.documentElement, { childList: true, subtree: true });
