/*
 * The strategy rollup: charts from data-* attributes (Chart.js, vendored), folding department
 * rows along the tree, and the print button. The page works without this file: every number
 * is also in a table, every row is shown, and the browser's own print prints the print view.
 */
(function () {
  "use strict";

  var charts = [];

  function parse(text) {
    try { return JSON.parse(text || "[]"); } catch (error) { return []; }
  }

  function drawCharts(root) {
    if (!window.Chart || !root.querySelectorAll) return;
    root.querySelectorAll("canvas[data-rollup-chart]").forEach(function (canvas) {
      if (canvas.dataset.drawn) return;
      canvas.dataset.drawn = "1";
      var kind = canvas.dataset.rollupChart;
      var percent = canvas.hasAttribute("data-percent");
      var series = parse(canvas.dataset.series);
      var stacked = kind === "stacked";
      var valueAxis = { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } };
      if (percent) {
        valueAxis.max = 100;
        valueAxis.ticks.callback = function (value) { return value + " %"; };
      }
      var scales = stacked
        ? { x: valueAxis, y: { stacked: true } }
        : { x: {}, y: valueAxis };
      var chart = new window.Chart(canvas, {
        type: kind === "line" ? "line" : "bar",
        data: {
          labels: parse(canvas.dataset.labels),
          datasets: series.map(function (item) {
            return {
              label: item.label,
              data: item.data,
              backgroundColor: item.colour,
              borderColor: item.colour,
              borderWidth: kind === "line" ? 2 : 0,
              tension: 0.2
            };
          })
        },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          indexAxis: stacked ? "y" : "x",
          scales: scales,
          plugins: { legend: { display: series.length > 1, position: "bottom" } }
        }
      });
      charts.push(chart);
    });
  }

  // Folding: a parent's toggle hides or shows every row below it in the same table.
  function descendants(table, id) {
    var found = [];
    var queue = [String(id)];
    while (queue.length) {
      var parent = queue.shift();
      table.querySelectorAll('tr[data-parent="' + parent + '"]').forEach(function (row) {
        found.push(row);
        queue.push(row.dataset.department);
      });
    }
    return found;
  }

  function setExpanded(table, button, expanded) {
    button.setAttribute("aria-expanded", expanded ? "true" : "false");
    descendants(table, button.dataset.toggle).forEach(function (row) {
      row.hidden = !expanded;
      var own = row.querySelector("button[data-toggle]");
      if (own) own.setAttribute("aria-expanded", expanded ? "true" : "false");
    });
  }

  function prepareTrees(root) {
    if (!root.querySelectorAll) return;
    root.querySelectorAll("table[data-rollup-tree]").forEach(function (table) {
      if (table.dataset.folded) return;
      table.dataset.folded = "1";
      table.querySelectorAll("button[data-toggle]").forEach(function (button) {
        button.hidden = false;
      });
      // Start with the top level (and the chosen department's own units) open.
      table.querySelectorAll("tr[data-depth]").forEach(function (row) {
        var button = row.querySelector("button[data-toggle]");
        if (button && Number(row.dataset.depth) >= 0 && row.dataset.depth !== "0") {
          setExpanded(table, button, false);
        }
      });
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-toggle]");
    if (button) {
      var table = button.closest("table");
      setExpanded(table, button, button.getAttribute("aria-expanded") !== "true");
      return;
    }
    if (event.target.closest && event.target.closest("button[data-print]")) window.print();
  });

  function enhance(root) {
    drawCharts(root);
    prepareTrees(root);
    if (root.querySelectorAll) {
      root.querySelectorAll("button[data-print]").forEach(function (button) { button.hidden = false; });
    }
  }

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:afterSwap", function (event) { enhance(document); });
  window.addEventListener("beforeprint", function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
