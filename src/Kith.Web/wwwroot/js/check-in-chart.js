// Draws each check-in chart from the JSON block named by its canvas's data-chart-for.
// One line per series: ONS4 shows its four answers separately, never a sum. The table below is the full alternative.
(function () {
  'use strict';
  if (typeof window.Chart === 'undefined') {
    return;
  }
  var colours = ['#005eb8', '#007f3b', '#d5281b', '#330072', '#ffb81c'];
  document.querySelectorAll('canvas[data-chart-for]').forEach(function (canvas) {
    var source = document.getElementById(canvas.getAttribute('data-chart-for'));
    if (!source) {
      return;
    }
    var data = JSON.parse(source.textContent);
    new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: data.labels,
        datasets: data.series.map(function (s, i) {
          return { label: s.label, data: s.data, borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length], spanGaps: true };
        })
      },
      options: {
        animation: false,
        scales: { y: { min: data.min, max: data.max, ticks: { stepSize: 1 } } }
      }
    });
  });
})();
