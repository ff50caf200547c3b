// Duban: never lose what was typed. Every change in a task's form (Camunda Forms) is kept in the browser's local
// storage under the task's id; when the same task's form appears again (after switching to another task, a reload,
// or logging in again after the session expired) the values come back, with a note saying so. A draft is kept for
// 30 days; a task that was completed never shows again, so its draft is not used.
const PREFIX = 'duban.draft.';
const KEEP_MS = 30 * 24 * 3600 * 1000;
const NOTE_CLASS = 'duban-draft-note';

function taskId() {
  const match = (window.location.hash || '').match(/[?&]task=([^&]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

function fields(container) {
  return Array.from(container.querySelectorAll('input, textarea'))
    .filter((element) => !element.readOnly && !element.disabled && element.type !== 'hidden'
      && element.type !== 'file' && element.type !== 'button' && element.type !== 'submit');
}

function keyOf(element, index) {
  // form-js gives its inputs ids that change with every rendering; a field's place in the form does not.
  const field = element.closest('.fjs-form-field');
  const label = field && field.querySelector('label');
  return index + ':' + (label ? label.textContent.trim() : '') + ':' + element.type
    + (element.type === 'radio' || element.type === 'checkbox' ? ':' + element.value : '');
}

function read(id) {
  try {
    const draft = JSON.parse(window.localStorage.getItem(PREFIX + id) || 'null');
    return draft && Date.now() - draft.at < KEEP_MS ? draft : null;
  } catch (e) {
    return null;
  }
}

function save(container, id) {
  const values = {};
  let filled = false;
  fields(container).forEach((element, index) => {
    const key = keyOf(element, index);
    if (element.type === 'radio' || element.type === 'checkbox') {
      values[key] = element.checked;
      filled = filled || element.checked;
    } else {
      values[key] = element.value;
      filled = filled || element.value !== '';
    }
  });
  try {
    if (filled) {
      window.localStorage.setItem(PREFIX + id, JSON.stringify({ at: Date.now(), values: values }));
    } else {
      window.localStorage.removeItem(PREFIX + id);
    }
  } catch (e) {
    // Storage full or forbidden: the form works as before.
  }
}

function setValue(element, value) {
  const prototype = element.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value').set.call(element, value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
  element.dispatchEvent(new Event('change', { bubbles: true }));
}

function restore(container, id) {
  const draft = read(id);
  if (!draft) {
    return;
  }
  let restored = false;
  fields(container).forEach((element, index) => {
    const key = keyOf(element, index);
    if (!(key in draft.values)) {
      return;
    }
    const value = draft.values[key];
    if (element.type === 'radio' || element.type === 'checkbox') {
      if (value && !element.checked) {
        element.click();
        restored = true;
      }
    } else if (value !== '' && element.value === '') {
      setValue(element, value);
      restored = true;
    }
  });
  if (restored && !container.parentNode.querySelector('.' + NOTE_CLASS)) {
    const note = document.createElement('div');
    note.className = 'alert alert-info ' + NOTE_CLASS;
    note.setAttribute('role', 'status');
    note.textContent = '已恢复上次未提交的填写内容（保存于本机浏览器），请核对后提交。';
    container.parentNode.insertBefore(note, container);
  }
}

function prune() {
  try {
    for (let i = window.localStorage.length - 1; i >= 0; i--) {
      const key = window.localStorage.key(i);
      if (key && key.startsWith(PREFIX)) {
        const draft = JSON.parse(window.localStorage.getItem(key) || 'null');
        if (!draft || Date.now() - draft.at >= KEEP_MS) {
          window.localStorage.removeItem(key);
        }
      }
    }
  } catch (e) {
    // Nothing to prune.
  }
}

let restoring = false;

function keepDraft(event) {
  const container = !restoring && event.target.closest && event.target.closest('.fjs-container');
  const id = taskId();
  if (container && id) {
    save(container, id);
  }
}

function watch() {
  const id = taskId();
  const container = document.querySelector('.fjs-container');
  if (!id || !container) {
    return;
  }
  // Fields form-js has drawn (and made editable, once the task is claimed) since the draft was last put back.
  const editable = fields(container);
  if (!editable.length || editable.every((element) => element.dataset.dubanDraft === id)) {
    return;
  }
  editable.forEach((element) => {
    element.dataset.dubanDraft = id;
  });
  // Tasklist draws the form, then loads the task's variables into it, which empties the fields again: the draft
  // is put back into fields that are (still or again) empty a few times while the form settles.
  [0, 400, 1200, 2500, 4000].forEach((delay) => setTimeout(() => {
    const current = document.querySelector('.fjs-container');
    if (!current || taskId() !== id) {
      return;
    }
    restoring = true;
    try {
      restore(current, id);
    } finally {
      restoring = false;
    }
  }, delay));
}

prune();
document.addEventListener('input', keepDraft, true);
document.addEventListener('change', keepDraft, true);
new MutationObserver(watch).observe(document.documentElement, { childList: true, subtree: true, attributes: true,
  attributeFilter: ['readonly', 'disabled'] });
