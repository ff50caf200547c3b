// 年度考核: the performance office opens, closes and publishes a year and exports its ranking; a unit sees its own score.
(function () {
  'use strict';
  var api = window.DubanApi;
  var status = document.getElementById('status');

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    row.appendChild(td);
    return td;
  }
  function fail(error) { status.textContent = error.message; }
  function button(td, label, action) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', action);
    td.appendChild(b);
  }

  function showRanking(year) {
    api.get('/api/assessments/' + year + '/ranking').then(function (units) {
      var section = document.getElementById('ranking');
      document.getElementById('ranking-title').textContent = year + '年度考核排名';
      document.getElementById('export').href = '/api/assessments/' + year + '/ranking.xlsx';
      var body = section.querySelector('tbody');
      body.textContent = '';
      units.forEach(function (unit) {
        var row = document.createElement('tr');
        cell(row, unit.groupName);
        cell(row, unit.rank);
        cell(row, unit.unitName);
        cell(row, Number(unit.score).toFixed(2));
        cell(row, unit.reasons.join('；'));
        body.appendChild(row);
      });
      section.hidden = false;
    }).catch(fail);
  }

  function act(year, step, done) {
    api.post('/api/assessments/' + year + '/' + step, {}).then(function () {
      loadYears(done);
      showRanking(year);
    }).catch(fail);
  }

  function loadYears(message) {
    return api.get('/api/assessments').then(function (years) {
      document.getElementById('office').hidden = false;
      var body = document.querySelector('#years tbody');
      body.textContent = '';
      years.forEach(function (year) {
        var row = document.createElement('tr');
        row.dataset.year = year.year;
        cell(row, year.year);
        cell(row, year.stateText);
        cell(row, year.planCodes.length ? year.planCodes.join('、') : '全部计划');
        var actions = cell(row, '');
        button(actions, '查看排名', function () { showRanking(year.year); });
        if (year.state === 'OPEN') {
          button(actions, '结束年度并评分', function () { act(year.year, 'closure', year.year + '年度已评分。'); });
        }
        if (year.state === 'SCORED') {
          button(actions, '发布排名', function () { act(year.year, 'publication', year.year + '年度排名已发布。'); });
        }
        body.appendChild(row);
      });
      status.textContent = message || ('共 ' + years.length + ' 个考核年度。');
    });
  }

  document.getElementById('open').addEventListener('submit', function (event) {
    event.preventDefault();
    var plans = document.getElementById('plans').value.split(/[,，、\s]+/).filter(function (p) { return p; });
    var year = Number(document.getElementById('year').value);
    api.post('/api/assessments', { year: year, planCodes: plans }).then(function () {
      loadYears(year + '年度考核已开启。');
      showRanking(year);
    }).catch(fail);
  });

  document.getElementById('my').addEventListener('submit', function (event) {
    event.preventDefault();
    var year = document.getElementById('my-year').value;
    var out = document.getElementById('my-score');
    api.get('/api/assessments/' + year + '/my-score').then(function (units) {
      out.textContent = '';
      if (!units.length) { out.textContent = '本单位在该年度没有考核得分。'; }
      units.forEach(function (unit) {
        var p = document.createElement('p');
        p.textContent = unit.unitName + '：' + Number(unit.score).toFixed(2) + '分，' + unit.groupName + '第'
          + unit.rank + '名';
        out.appendChild(p);
        var list = document.createElement('ul');
        unit.reasons.forEach(function (reason) {
          var li = document.createElement('li');
          li.textContent = reason;
          list.appendChild(li);
        });
        out.appendChild(list);
      });
    }).catch(function (error) { out.textContent = error.message; });
  });

  loadYears().catch(function () {
    // Not the performance office: a unit sees its own score only.
    document.getElementById('mine').hidden = false;
    status.textContent = '请选择年度查看本单位的考核得分与说明。';
  });
})();
