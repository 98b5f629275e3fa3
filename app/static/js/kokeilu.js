/*
 * Kokeilu – progressive enhancement. Loaded with `defer` after htmx.min.js.
 * Every page must work without this file; it only saves clicks and adds prompts.
 * CSP forbids inline handlers, so everything is wired here by delegation on
 * `document`, which also covers content that htmx swaps in later.
 */
(function () {
  "use strict";

  // (a) Confirm before destructive submits: <form data-confirm="Poistetaanko?">
  // (a submit button may carry its own data-confirm, which wins).
  // Listening in the *capture* phase on document runs before htmx's own submit
  // listener on the form, so one check covers plain and hx-boost'ed forms alike;
  // stopping the event on "Cancel" means htmx never sends the request.
  // For non-form htmx triggers use htmx's hx-confirm instead (not both on one form,
  // or the user is asked twice).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var message = (submitter && submitter.dataset.confirm) || form.dataset.confirm;
    if (message && !window.confirm(message)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // (b) <select data-autosubmit>: submit on change. requestSubmit() (not submit())
  // fires the submit event, so validation, data-confirm and hx-boost still apply.
  document.addEventListener("change", function (event) {
    var select = event.target;
    if (!select.matches || !select.matches("select[data-autosubmit]")) return;
    var form = select.form || select.closest("form");
    if (!form) return;
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  });

  // ...and hide the now-redundant submit button(s). Done by JS, so users without
  // JS still get the button. Runs for the page and for every htmx swap.
  function hideRedundantButtons(root) {
    if (!root.querySelectorAll) return;
    root.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      var form = select.form || select.closest("form");
      if (!form) return;
      form.querySelectorAll(".js-hide").forEach(function (el) { el.hidden = true; });
    });
  }
  hideRedundantButtons(document);
  document.addEventListener("htmx:load", function (event) { hideRedundantButtons(event.target); });

  // (d) Inline validation: in <form data-validate>, leaving a changed field asks the
  // server to check it (the form's own action with _validate=<name>: nothing is saved)
  // and swaps in that field's error message. The form itself still submits normally.
  document.addEventListener("change", function (event) {
    var field = event.target;
    var form = field.form;
    if (!form || !form.hasAttribute("data-validate") || !field.name || !window.htmx) return;
    // The field's error element is the one of its aria-describedby ids that ends in "-error".
    var errorId = (field.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
      return /-error$/.test(id);
    })[0];
    var error = errorId && document.getElementById(errorId);
    if (!error) return;
    window.htmx.ajax("POST", form.getAttribute("action") || window.location.pathname, {
      source: field,
      target: error,
      swap: "outerHTML",
      values: { _validate: field.name, _error_id: errorId },
    });
  });

  // (e) The experiment page saves one section at a time with htmx, which bumps the experiment's
  // version. The other sections' forms must then carry the new version, or their next save
  // would be refused as a conflict with the user's own change.
  document.addEventListener("htmx:afterSwap", function (event) {
    var section = event.detail.target && event.detail.target.closest
      ? document.getElementById(event.detail.target.id) : null;
    var version = section && section.getAttribute("data-experiment-version");
    if (!version) return;
    document.querySelectorAll("input.js-experiment-version").forEach(function (input) {
      input.value = version;
    });
  });

  // (f) <details data-open-wide>: open on wide screens, where there is room beside the list;
  // on phones it stays closed so that the results are not pushed below a long form.
  if (window.matchMedia && window.matchMedia("(min-width: 60rem)").matches) {
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
      details.open = true;
    });
  }

  // (c) Tell the user when an htmx request fails: by default htmx swaps nothing
  // on 4xx/5xx or network errors, so the click would otherwise seem ignored.
  // The text comes from the (translated) data-message of <div id="htmx-error" role="alert">.
  function showError() {
    var box = document.getElementById("htmx-error");
    if (!box) return;
    box.hidden = false;
    box.textContent = box.dataset.message || "";
    if (box.scrollIntoView) box.scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("htmx:responseError", showError);
  document.addEventListener("htmx:sendError", showError);

  // Clear the old message when a new request starts, so the next failure is
  // announced again by screen readers (role="alert" speaks on content change).
  document.addEventListener("htmx:beforeRequest", function () {
    var box = document.getElementById("htmx-error");
    if (box) box.textContent = "";
  });
})();
