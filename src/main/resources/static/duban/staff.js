// 单位人员: a unit's staff by name. The supervision office keeps everyone's 姓名, 职务 and 联系电话; a person may
// change their own phone; everyone else reads.
(function () {
  'use strict';
  const api = window.DubanApi;
  const $ = function (id) { return document.getElementById(id); };
  let me = null;

  function input(value, editable, label) {
    const field = document.createElement('input');
    field.value = value || '';
    field.readOnly = !editable;
    field.setAttribute('aria-label', label);
    return field;
  }

  function show(people) {
    const body = $('staff').tBodies[0];
    body.textContent = '';
    people.forEach(function (person) {
      const row = body.insertRow();
      row.dataset.user = person.userId;
      const keeper = me.supervisionOffice || me.admin;
      const own = person.userId === me.id;
      const name = input(person.name, keeper, '姓名');
      const position = input(person.position, keeper, '职务');
      const phone = input(person.phone, keeper || own, '联系电话');
      [name, position, phone].forEach(function (field) { row.insertCell().appendChild(field); });
      row.insertCell().textContent = person.userId;
      const actions = row.insertCell();
      if (keeper || own) {
        const save = document.createElement('button');
        save.textContent = '保存';
        save.addEventListener('click', function () {
          $('error').textContent = '';
          $('saved').textContent = '';
          const change = keeper ? { name: name.value, position: position.value, phone: phone.value } : { phone: phone.value };
          api.put('/api/staff/' + encodeURIComponent(person.userId), change).then(function (saved) {
            name.value = saved.name;
            position.value = saved.position || '';
            phone.value = saved.phone || '';
            $('saved').textContent = '已保存：' + saved.name;
          }).catch(function (error) { $('error').textContent = error.message; });
        });
        actions.appendChild(save);
      }
    });
    if (!people.length) {
      const td = body.insertRow().insertCell();
      td.colSpan = 5;
      td.className = 'empty';
      td.textContent = '该单位还没有人员账号。';
    }
  }

  const staffOf = api.latest();
  function load() {
    return staffOf('/api/units/' + encodeURIComponent($('unit').value) + '/staff').then(show);
  }

  Promise.all([api.get('/api/me'), api.get('/api/units')]).then(function (answers) {
    me = answers[0];
    const overseer = me.supervisionOffice || me.leader || me.admin;
    const units = answers[1].filter(function (u) { return overseer || me.groups.indexOf(u.id) >= 0; });
    units.forEach(function (u) {
      const option = document.createElement('option');
      option.value = u.id;
      option.textContent = u.name;
      $('unit').appendChild(option);
    });
    $('hint').textContent = me.supervisionOffice || me.admin
      ? '各单位人员的姓名、职务和联系电话由督查办维护，显示在任务、时间线、台账和通知中。'
      : '人员的姓名和职务由督查办维护；本人可以修改自己的联系电话。';
    if (!units.length) { throw new Error('您不属于任何单位。'); }
    return load();
  }).then(function () {
    $('unit').addEventListener('change', function () {
      load().catch(function (error) { $('error').textContent = error.message; });
    });
    $('status').hidden = true;
    $('staff-section').hidden = false;
  }).catch(function (error) { $('status').textContent = error.message; });
})();
