// Calls to Duban's API with the Tasklist login; every change carries the header that guards against CSRF.
window.DubanApi = (function () {
  'use strict';
  const LOGIN = '登录已过期或尚未登录，正在转到登录页面；登录后将回到本页面。';
  const TASKLIST_LOGIN = '/camunda/app/tasklist/default/#/login';

  // Not (or no longer) signed in: to Tasklist's login page, which sends the user back here afterwards
  // (Tasklist's scripts/duban-links.js reads duban.returnTo) and says why on top of the form.
  function toLogin() {
    try {
      window.sessionStorage.setItem('duban.returnTo', window.location.pathname + window.location.search
        + window.location.hash);
      window.sessionStorage.setItem('duban.loginReason', '登录已过期，请重新登录；登录后将回到原来的页面。');
    } catch (e) { /* private mode: the user logs in and opens the page again */ }
    window.location.assign(TASKLIST_LOGIN);
  }

  function problem(response) {
    return response.json().catch(function () { return {}; }).then(function (body) {
      if (response.status === 401) { toLogin(); throw new Error(LOGIN); }
      throw new Error(body.detail || ('请求失败（' + response.status + '）'));
    });
  }

  function get(path) {
    return fetch(path, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : problem(response); });
  }

  function send(method, path, body) {
    return fetch(path, {
      method: method, credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'Content-Type': 'application/json', 'X-Duban-Request': '1' },
      body: JSON.stringify(body)
    }).then(function (response) { return response.ok ? response.json() : problem(response); });
  }

  function query(params) {
    const search = new URLSearchParams();
    Object.keys(params).forEach(function (key) {
      if (params[key] !== '' && params[key] !== null && params[key] !== undefined) { search.set(key, params[key]); }
    });
    const text = search.toString();
    return text ? '?' + text : '';
  }

  function date(value) {
    if (!value) { return ''; }
    const parts = String(value).slice(0, 10).split('-');
    return parts[0] + '年' + Number(parts[1]) + '月' + Number(parts[2]) + '日';
  }

  function dateTime(value) {
    return value ? new Date(value).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';
  }

  // A page that reloads on a choice (a unit, a plan) shows only the answer to the latest choice: an earlier, slower
  // answer must not overwrite it. latest() gives a getter that never settles for answers overtaken by a newer request.
  function latest() {
    let ticket = 0;
    return function (path) {
      const mine = ++ticket;
      return get(path).then(function (answer) {
        return mine === ticket ? answer : new Promise(function () {});
      });
    };
  }

  return { toLogin: toLogin, get: get, latest: latest, post: function (path, body) { return send('POST', path, body); },
    put: function (path, body) { return send('PUT', path, body); }, query: query, date: date, dateTime: dateTime };
})();
