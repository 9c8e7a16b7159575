// The integration admin's chart of a map (docs/web-ui.md): queue depth, lag and rows applied per second, from the
// server's samples (GET data-samples, JSON), redrawn as new samples come. Chart.js is loaded before this file.
(function () {
  'use strict';
  function series(samples, key) {
    return samples.map(function (s) { return s[key]; });
  }
  function draw(canvas) {
    return fetch(canvas.dataset.samples, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (reply) { return reply.ok ? reply.json() : Promise.reject(reply.status); })
      .then(function (answer) {
        var samples = answer.samples;
        var empty = document.getElementById('chart-empty');
        if (empty) {
          empty.hidden = samples.length > 0;
        }
        var labels = series(samples, 'label');
        var data = [series(samples, 'queueDepth'), series(samples, 'lagSeconds'), series(samples, 'appliedPerSecond')];
        var chart = Chart.getChart(canvas);
        if (chart) {
          chart.data.labels = labels;
          chart.data.datasets.forEach(function (dataset, i) { dataset.data = data[i]; });
          chart.update();
        } else {
          new Chart(canvas, {
            type: 'line',
            data: {
              labels: labels,
              datasets: [
                {label: 'Queue depth (changes)', data: data[0], yAxisID: 'count', borderColor: '#2153c7',
                  backgroundColor: '#2153c7', stepped: true, pointRadius: 1},
                {label: 'Lag (s)', data: data[1], yAxisID: 'seconds', borderColor: '#a4262c',
                  backgroundColor: '#a4262c', pointRadius: 1},
                {label: 'Applied per second (rows)', data: data[2], yAxisID: 'count', borderColor: '#1f7a3d',
                  backgroundColor: '#1f7a3d', pointRadius: 1}
              ]
            },
            options: {
              animation: false, maintainAspectRatio: false, interaction: {mode: 'index', intersect: false},
              scales: {
                count: {type: 'linear', position: 'left', beginAtZero: true, title: {display: true, text: 'changes, rows/s'}},
                seconds: {type: 'linear', position: 'right', beginAtZero: true, title: {display: true, text: 'lag (s)'},
                  grid: {drawOnChartArea: false}}
              }
            }
          });
        }
        return answer.intervalSeconds;
      });
  }
  document.querySelectorAll('canvas[data-samples]').forEach(function (canvas) {
    function again(seconds) {
      window.setTimeout(function () { draw(canvas).then(again, function () { again(seconds); }); },
        Math.max(1, seconds || 15) * 1000);
    }
    draw(canvas).then(again, function () { again(15); });
  });
})();
