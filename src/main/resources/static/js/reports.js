// The reports page: a date typed into From or To makes the period a custom range, and the chart
// (its data in #chart's data-chart, written by ReportChart) is drawn by ECharts in the page's
// colours — again when they change between light and dark, and when a live update (live.js)
// brings the report anew.
(function () {
  'use strict';
  var period = document.getElementById('period');
  ['from', 'to'].forEach(function (id) {
    var input = document.getElementById(id);
    if (input && period) {
      input.addEventListener('change', function () { period.value = 'custom'; });
    }
  });

  var scheme = window.matchMedia('(prefers-color-scheme: dark)');
  var chart = null;

  function colour(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function draw() {
    if (chart) {
      chart.dispose();
      chart = null;
    }
    var element = document.getElementById('chart');
    if (!element || !window.echarts) {
      return;
    }
    var data = JSON.parse(element.getAttribute('data-chart'));
    var ink = colour('--ink');
    var muted = colour('--muted');
    var line = colour('--line');
    var palette = scheme.matches
      ? ['#6ea2f0', '#81c995', '#f6c26b', '#f28b82', '#c58af9', '#78d9ec', '#fdd663', '#ff8bcb', '#9aa5b6']
      : ['#1f5fbf', '#1e7d3c', '#c77700', '#b3261e', '#7b3fbf', '#00838f', '#9e7c00', '#c2185b', '#5b6575'];
    chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      color: palette,
      backgroundColor: 'transparent',
      animation: false,
      textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', color: muted },
      grid: { left: 8, right: 8, top: data.series.length > 1 ? 48 : 24, bottom: 8, containLabel: true },
      // drawn on the canvas: the pages' CSP allows no inline styles, which an HTML tooltip writes
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
      legend: { show: data.series.length > 1, top: 0, type: 'scroll', textStyle: { color: ink },
                pageTextStyle: { color: muted } },
      xAxis: { type: 'category', data: data.labels, axisLine: { lineStyle: { color: line } },
               axisTick: { show: false }, axisLabel: { color: muted } },
      yAxis: { type: 'value', name: 'hours', nameTextStyle: { color: muted }, axisLabel: { color: muted },
               splitLine: { lineStyle: { color: line } } },
      series: data.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: 'hours', data: s.hours, barMaxWidth: 48,
                 emphasis: { focus: 'series' } };
      })
    });
    element.setAttribute('data-drawn', scheme.matches ? 'dark' : 'light');
  }

  draw();
  scheme.addEventListener('change', draw);
  document.addEventListener('htmx:afterSettle', draw);
  window.addEventListener('resize', function () {
    if (chart) {
      chart.resize();
    }
  });
}());
