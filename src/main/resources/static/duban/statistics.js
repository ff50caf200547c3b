// 督办统计: a month, quarter or year's figures, the trend over 12 periods, by unit and plan, the 红黄绿灯, the export.
(function () {
  'use strict';
  const api = window.DubanApi;
  const $ = function (id) { return document.getElementById(id); };
  const FIGURES = [['dispatched', '下达任务', '#1f3a5f'], ['closed', '销号', '#3a8f5c'], ['closedOnTime', '按期销号', '#6fbf73'],
    ['overdueAtEnd', '期末逾期未办结', '#d93025'], ['urges', '催办次数', '#f29900'], ['rectifications', '整改次数', '#8e44ad'],
    ['accountabilityCases', '问责案件', '#6d1a14']];
  const QUARTERS = ['一', '二', '三', '四'];
  let chart;

  function periods(kind) {
    const now = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
    const list = [];
    let year = now.getFullYear();
    let index = kind === 'month' ? now.getMonth() + 1 : kind === 'quarter' ? Math.floor(now.getMonth() / 3) + 1 : 1;
    for (let i = 0; i < (kind === 'year' ? 10 : 24); i++) {
      if (kind === 'month') { list.push([year + '-' + String(index).padStart(2, '0'), year + '年' + index + '月']); }
      else if (kind === 'quarter') { list.push([year + '-Q' + index, year + '年第' + QUARTERS[index - 1] + '季度']); }
      else { list.push([String(year), year + '年']); }
      if (kind === 'year' || index === 1) { year--; index = kind === 'month' ? 12 : kind === 'quarter' ? 4 : 1; }
      else { index--; }
    }
    return list;
  }

  function fillKeys() {
    const select = $('key');
    select.textContent = '';
    periods($('kind').value).forEach(function (p) {
      const option = document.createElement('option');
      option.value = p[0];
      option.textContent = p[1];
      select.appendChild(option);
    });
  }

  function light(cell, code, name, reason) {
    const dot = document.createElement('span');
    dot.className = 'light light-' + code;
    dot.title = reason || '';
    cell.appendChild(dot);
    cell.appendChild(document.createTextNode(name || ''));
  }

  function table(id, items, fill) {
    const body = $(id).tBodies[0];
    body.textContent = '';
    items.forEach(function (item) { fill(body.insertRow(), item); });
    if (!items.length) {
      const td = body.insertRow().insertCell();
      td.colSpan = $(id).tHead.rows[0].cells.length;
      td.className = 'empty';
      td.textContent = '本期无数据';
    }
  }

  function num(row, value) {
    const td = row.insertCell();
    td.className = 'num';
    td.textContent = value;
  }

  function params() {
    return { period: $('kind').value, key: $('key').value, plan: $('plan').value };
  }

  // Only the answer to the latest choice is shown: an earlier, slower answer must not overwrite it.
  let latest = 0;

  function load() {
    const query = api.query(params());
    const request = ++latest;
    $('export').href = '/api/statistics.xlsx' + query;
    return api.get('/api/statistics' + query).then(function (report) {
      if (request !== latest) { return; }
      $('period').textContent = report.period.label + '（' + api.date(report.period.firstDay) + '至'
        + api.date(report.period.lastDay) + '）';
      const cards = $('cards');
      cards.textContent = '';
      FIGURES.forEach(function (f) {
        const card = document.createElement('div');
        card.className = 'card';
        card.dataset.figure = f[0];
        card.style.borderTopColor = f[2];
        const label = document.createElement('span');
        label.className = 'label';
        label.textContent = f[1];
        const value = document.createElement('strong');
        value.textContent = report.totals[f[0]];
        card.appendChild(label);
        card.appendChild(value);
        cards.appendChild(card);
      });
      // The chart measures its box when drawn: the page must be visible by then.
      $('status').hidden = true;
      $('stats').hidden = false;
      chart = chart || echarts.init($('chart-trend'), null, { renderer: 'svg' });
      chart.setOption({ animation: false, title: { text: '近12期趋势', left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 40, right: 20, top: 40, bottom: 50 },
        xAxis: { type: 'category', data: report.trend.map(function (p) { return p.label; }) },
        yAxis: { type: 'value', minInterval: 1 },
        series: FIGURES.slice(0, 5).map(function (f) {
          return { name: f[1], type: f[0] === 'dispatched' || f[0] === 'closed' ? 'bar' : 'line', itemStyle: { color: f[2] },
            data: report.trend.map(function (p) { return p.counts[f[0]]; }) };
        }) }, true);
      table('units', report.byUnit, function (row, line) {
        light(row.insertCell(), line.light, line.lightName, line.lightReason);
        row.insertCell().textContent = line.name;
        ['dispatched', 'closed', 'closedOnTime', 'overdueAtEnd', 'urges', 'rectifications', 'accountabilityCases']
          .forEach(function (k) { num(row, line.counts[k]); });
      });
      table('plans', report.byPlan, function (row, line) {
        row.insertCell().textContent = line.name;
        ['dispatched', 'closed', 'closedOnTime', 'overdueAtEnd', 'urges'].forEach(function (k) { num(row, line.counts[k]); });
      });
      table('tasks', report.tasks, function (row, task) {
        light(row.insertCell(), task.light, task.lightName, task.reason);
        const cell = row.insertCell();
        const link = document.createElement('a');
        link.href = 'task.html?code=' + encodeURIComponent(task.taskCode);
        link.textContent = task.title;
        cell.appendChild(link);
        const code = document.createElement('div');
        code.className = 'code';
        code.textContent = task.taskCode;
        cell.appendChild(code);
        row.insertCell().textContent = task.leadUnits;
        row.insertCell().textContent = task.state;
        row.insertCell().textContent = api.date(task.deadline);
        num(row, task.timesUrged);
        row.insertCell().textContent = task.reason;
      });
      $('status').hidden = true;
      $('stats').hidden = false;
    });
  }

  function run(promise) {
    return promise.catch(function (error) { $('status').hidden = false; $('status').textContent = error.message; });
  }

  const given = new URLSearchParams(location.search);
  if (given.get('period')) { $('kind').value = given.get('period'); }
  fillKeys();
  if (given.get('key')) { $('key').value = given.get('key'); }
  $('kind').addEventListener('change', function () { fillKeys(); run(load()); });
  $('key').addEventListener('change', function () { run(load()); });
  $('plan').addEventListener('change', function () { run(load()); });
  window.addEventListener('resize', function () { if (chart) { chart.resize(); } });
  run(api.get('/api/dashboard/filters').then(function (filters) {
    filters.plans.forEach(function (p) {
      const option = document.createElement('option');
      option.value = p.code;
      option.textContent = p.title || p.code;
      $('plan').appendChild(option);
    });
    if (given.get('plan')) { $('plan').value = given.get('plan'); }
    return load();
  }));
})();
