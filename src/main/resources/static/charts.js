// The round's charts, drawn with Apache ECharts (served from its WebJar) from the round's statistics
// (GET /api/rounds/{id}/statistics): submitted and scored, the grades (beside last year's), each category's average
// share of its maximum, the checks most often failed. The same numbers stand in a table under the charts.
(function () {
  var box = document.querySelector('.charts[data-statistics]');
  if (!box || !window.echarts || !window.fetch) {
    return;
  }
  var charts = [];
  var font = {fontFamily: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif', fontSize: 12};

  function draw(id, option) {
    var element = document.getElementById(id);
    if (!element) {
      return;
    }
    var chart = window.echarts.init(element, null, {renderer: 'canvas'});
    option.textStyle = font;
    option.animation = false;
    chart.setOption(option);
    charts.push(chart);
  }

  fetch(box.getAttribute('data-statistics'), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (s) {
      if (!s) {
        return;
      }
      var c = s.counts;
      draw('chart-status', {
        tooltip: {trigger: 'item'},
        legend: {bottom: 0},
        series: [{type: 'pie', radius: ['40%', '68%'], center: ['50%', '44%'], label: {formatter: '{b}\n{c}'},
          data: [
            {name: '已评分', value: c.scored, itemStyle: {color: '#1d7a3a'}},
            {name: '无法评分', value: c.failed, itemStyle: {color: '#b00020'}},
            {name: '未提交', value: c.missing, itemStyle: {color: '#9aa5b1'}}
          ].filter(function (d) { return d.value > 0; })}]
      });
      var grades = s.grades.map(function (g) { return g.grade; });
      var series = [{name: '本年', type: 'bar', data: s.grades.map(function (g) { return g.count; }),
        itemStyle: {color: '#8b1a1a'}, label: {show: true, position: 'top'}}];
      if (s.change) {
        series.push({name: '上年', type: 'bar', data: s.grades.map(function (g) { return g.lastYear; }),
          itemStyle: {color: '#9aa5b1'}, label: {show: true, position: 'top'}});
      }
      draw('chart-grades', {
        tooltip: {trigger: 'axis'}, legend: {bottom: 0, show: !!s.change},
        grid: {left: 8, right: 16, top: 32, bottom: 40, containLabel: true},
        xAxis: {type: 'category', data: grades}, yAxis: {type: 'value', minInterval: 1, name: '单位数'},
        series: series
      });
      draw('chart-categories', {
        tooltip: {trigger: 'axis', valueFormatter: function (v) { return v + '%'; }},
        grid: {left: 8, right: 48, top: 16, bottom: 8, containLabel: true},
        xAxis: {type: 'value', max: 100, axisLabel: {formatter: '{value}%'}},
        yAxis: {type: 'category', data: s.categories.map(function (x) { return x.name + '（' + x.max + '）'; }), inverse: true},
        series: [{type: 'bar', data: s.categories.map(function (x) { return x.percent; }), itemStyle: {color: '#1f6feb'},
          label: {show: true, position: 'right', formatter: '{c}%'}}]
      });
      var failed = s.mostFailed;
      draw('chart-failed', {
        tooltip: {trigger: 'axis'}, legend: {bottom: 0},
        grid: {left: 8, right: 24, top: 16, bottom: 40, containLabel: true},
        xAxis: {type: 'value', minInterval: 1, name: '份'},
        yAxis: {type: 'category', inverse: true, data: failed.map(function (f) {
          var name = f.id + ' ' + f.name;
          return name.length > 10 ? name.substring(0, 10) + '…' : name;
        })},
        series: [
          {name: '未通过', type: 'bar', stack: 'n', data: failed.map(function (f) { return f.failed; }), itemStyle: {color: '#b00020'}},
          {name: '部分通过', type: 'bar', stack: 'n', data: failed.map(function (f) { return f.partial; }), itemStyle: {color: '#8a4600'}}
        ]
      });
      box.setAttribute('data-drawn', String(charts.length));
    });

  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
