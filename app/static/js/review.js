/*
 * Kokeilu – workshop-day mode (templates/review/present.html): step through the experiments
 * with the keyboard. ArrowRight or N goes to the next experiment, ArrowLeft or P to the
 * previous one, unless the lead is typing in a field. The visible Previous/Next links
 * (plain ?i=N addresses) do the same without JavaScript.
 */
(function () {
  "use strict";

  var NEXT_KEYS = { ArrowRight: true, n: true, N: true };
  var PREVIOUS_KEYS = { ArrowLeft: true, p: true, P: true };

  function isTyping(element) {
    if (!element) return false;
    if (element.isContentEditable) return true;
    var tag = element.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
  }

  document.addEventListener("keydown", function (event) {
    if (!document.querySelector("[data-present]")) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    if (isTyping(event.target)) return;
    var selector = NEXT_KEYS[event.key] ? "[data-present-next]"
      : PREVIOUS_KEYS[event.key] ? "[data-present-previous]" : null;
    if (!selector) return;
    var link = document.querySelector(selector);
    if (!link) return;
    event.preventDefault();
    window.location.assign(link.href);
  });
})();
