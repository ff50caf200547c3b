// Duban: the Camunda Forms renderer (form-js) writes its validation messages in English only. This module, loaded
// through config.js customScripts, turns each known message into Chinese where it appears on the page.
const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `至少填写${m[1]}个字。`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `不能超过${m[1]}个字。`],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于${m[1]}。`],
  [/^Field must match pattern .*\.$/, (m, field) => wrongFormat(field)],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱。'],
  [/^Field must be a valid\s+international phone number\..*$/, () => '请填写有效的电话号码。'],
  [/^Value is not a number\.$/, () => '请填写数字。'],
];

// A value of the wrong form: which field, and what it should look like (the field's own description, e.g.
// "座机或手机，如 0994-2345678 或 13912345678"), instead of a pattern only a programmer reads.
function wrongFormat(field) {
  const label = field && field.querySelector('label');
  const description = field && field.querySelector('.fjs-form-field-description');
  const name = label ? label.textContent.replace(/[*\s]+$/, '').trim() : '';
  const hint = description ? description.textContent.trim() : '';
  return (name ? '“' + name + '”' : '') + '格式不正确' + (hint ? '，应为：' + hint + '。' : '，请按提示填写。');
}

function translate(node) {
  const text = node.nodeValue && node.nodeValue.trim();
  if (!text) {
    return;
  }
  for (const [pattern, chinese] of MESSAGES) {
    const match = text.match(pattern);
    if (match) {
      const field = node.parentElement && node.parentElement.closest('.fjs-form-field');
      node.nodeValue = chinese(match, field);
      return;
    }
  }
}

function translateWithin(root) {
  // form-js adds the error box itself (div.fjs-form-field-error) once a field has an error, or text within it.
  const element = root.nodeType === 1 ? root : root.parentElement;
  if (!element) {
    return;
  }
  const inside = element.closest('.fjs-form-field-error');
  const errors = inside ? [inside] : element.querySelectorAll('.fjs-form-field-error');
  errors.forEach((error) => {
    const walker = document.createTreeWalker(error, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      translate(walker.currentNode);
    }
  });
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.type === 'characterData') {
      if (mutation.target.parentElement && mutation.target.parentElement.closest('.fjs-form-field-error')) {
        translate(mutation.target);
      }
    } else {
      mutation.addedNodes.forEach((node) => translateWithin(node));
    }
  }
}).observe(document.body, { childList: true, subtree: true, characterData: true });
