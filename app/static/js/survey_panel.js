/*
 * Kokeilu – the survey panel on the experiment page (templates/surveys/experiment_panel.html).
 * The panel is loaded by htmx after the page; when a measure is added, changed or removed with
 * htmx, the panel reloads too, so that its "new survey for this measure" links stay current.
 */
(function () {
  "use strict";
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    if (!target || target.id !== "section-measures" || !window.htmx) return;
    var panel = document.getElementById("surveys-panel");
    if (panel) window.htmx.trigger(panel, "measures-changed");
  });
})();
