/*
 * API tokens page: a "Copy the token" button next to a newly created token.
 * Without JavaScript the button stays hidden and the token can be selected and copied by hand.
 */
(function () {
  "use strict";

  function announce(button) {
    var status = button.parentNode.querySelector("[data-copied-message]");
    if (status) status.textContent = status.dataset.copiedMessage || "";
  }

  document.querySelectorAll("button[data-copy-from]").forEach(function (button) {
    var field = document.getElementById(button.dataset.copyFrom);
    if (!field) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      field.focus();
      field.select();
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(field.value).then(function () {
          announce(button);
        }, function () {
          // Refused (e.g. no permission): the token is selected, ready for Ctrl+C.
          if (document.execCommand && document.execCommand("copy")) announce(button);
        });
      } else if (document.execCommand && document.execCommand("copy")) {
        announce(button);
      }
    });
  });
})();
