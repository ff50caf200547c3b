// 单位通知渠道: the office sets a unit's WeCom and DingTalk robots and its contacts for SMS.
(function () {
  'use strict';
  const api = window.DubanApi;
  const $ = function (id) { return document.getElementById(id); };

  function show(reach) {
    $('wecom').value = reach.wecomWebhook || '';
    $('dingtalk').value = reach.dingtalkWebhook || '';
    $('secret').value = reach.dingtalkSecret || '';
    $('sms').checked = reach.smsEnabled;
    $('contacts').value = reach.contacts.map(function (c) { return c.name + ' ' + c.mobile; }).join('\n');
    $('error').textContent = '';
    $('saved').textContent = '';
  }

  const reachOf = api.latest();
  function load() {
    return reachOf('/api/units/' + encodeURIComponent($('unit').value) + '/reach').then(show);
  }

  function contacts() {
    return $('contacts').value.split('\n').map(function (line) { return line.trim(); })
      .filter(function (line) { return line; })
      .map(function (line) {
        const parts = line.split(/[\s,，、]+/);
        return { name: parts.slice(0, -1).join(' ') || parts[0], mobile: parts.length > 1 ? parts[parts.length - 1] : '' };
      });
  }

  $('reach').addEventListener('submit', function (event) {
    event.preventDefault();
    api.put('/api/units/' + encodeURIComponent($('unit').value) + '/reach', {
      wecomWebhook: $('wecom').value, dingtalkWebhook: $('dingtalk').value, dingtalkSecret: $('secret').value,
      smsEnabled: $('sms').checked, contacts: contacts()
    }).then(function (reach) { show(reach); $('saved').textContent = '已保存'; })
      .catch(function (error) { $('error').textContent = error.message; });
  });
  $('unit').addEventListener('change', function () {
    load().catch(function (error) { $('error').textContent = error.message; });
  });
  api.get('/api/units').then(function (units) {
    units.forEach(function (u) {
      const option = document.createElement('option');
      option.value = u.id;
      option.textContent = u.name;
      $('unit').appendChild(option);
    });
    return load();
  }).then(function () { $('status').hidden = true; $('reach').hidden = false; })
    .catch(function (error) { $('status').textContent = error.message; });
})();
