/*
 * Kokeilu – the survey kiosk (a tablet at a service point). Loaded only on /k/<token>.
 * Without this file the kiosk still works: each face is a submit button of a plain form, and
 * the thanks page returns to the question by itself (<meta http-equiv="refresh">).
 *
 * With it: a tap stores the answer in a queue in localStorage first, shows the thanks screen,
 * and sends the queue in the background with fetch (CSRF token in the x-csrftoken header). A
 * flaky connection only delays answers: they stay queued (also over a reload) and are resent
 * with a growing pause, and on the browser's "online" event. Each answer carries its own
 * submission id, so an answer sent twice (e.g. the reply was lost) is stored once. The screen
 * resets itself after a few seconds; nothing accumulates, so it can run for hours without a
 * reload.
 */
(function () {
  "use strict";

  var root = document.getElementById("kiosk");
  var form = document.getElementById("kiosk-form");
  var thanks = document.getElementById("kiosk-thanks");
  var queueNote = document.getElementById("kiosk-queue");
  if (!root || !form || !thanks) return;

  var QUEUE_KEY = root.getAttribute("data-queue-key");
  var RESET_MS = (parseInt(root.getAttribute("data-reset-seconds"), 10) || 6) * 1000;
  var MAX_QUEUE = 5000;
  var RETRY_MIN_MS = 2000;
  var RETRY_MAX_MS = 60000;
  var csrfToken = root.getAttribute("data-csrf-token") || "";
  var language = root.getAttribute("data-language") || "fi";
  var resetTimer = null;
  var retryTimer = null;
  var retryMs = RETRY_MIN_MS;
  var sending = false;

  function readQueue() {
    try {
      var items = JSON.parse(window.localStorage.getItem(QUEUE_KEY) || "[]");
      return Array.isArray(items) ? items : [];
    } catch (error) {
      return [];
    }
  }

  function writeQueue(items) {
    try {
      window.localStorage.setItem(QUEUE_KEY, JSON.stringify(items.slice(-MAX_QUEUE)));
    } catch (error) {
      // Storage full or blocked: the answers in memory are still sent while the page is open.
    }
    showQueue(items.length);
  }

  function showQueue(count) {
    if (!queueNote) return;
    queueNote.hidden = count === 0;
    queueNote.textContent = count ? queueNote.getAttribute("data-waiting") + " " + count : "";
  }

  function newId() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID().replace(/-/g, "");
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function body(answer) {
    var params = new URLSearchParams();
    params.set("score", String(answer.score));
    params.set("submission_id", answer.id);
    params.set("lang", answer.lang);
    return params;
  }

  // A new CSRF cookie (e.g. the browser was restarted) comes with a fresh copy of this page.
  function refreshToken() {
    return fetch(window.location.pathname, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var match = /data-csrf-token="([^"]+)"/.exec(html);
        if (match) csrfToken = match[1];
      });
  }

  function scheduleRetry() {
    if (retryTimer) return;
    retryTimer = window.setTimeout(function () {
      retryTimer = null;
      flush();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  }

  function flush() {
    if (sending) return;
    var queue = readQueue();
    if (!queue.length) return;
    sending = true;
    var answer = queue[0];
    fetch(window.location.pathname, {
      method: "POST",
      credentials: "same-origin",
      headers: { "x-csrftoken": csrfToken, "x-kokeilu-kiosk": "1" },
      body: body(answer),
    }).then(function (response) {
      sending = false;
      if (response.status === 403) {
        return refreshToken().then(scheduleRetry, scheduleRetry);
      }
      if (response.status === 429 || response.status >= 500) {
        scheduleRetry();
        return;
      }
      // Stored (200), or refused for good (closed period, revoked address, invalid): the server
      // has counted a refusal, so the answer leaves the queue either way.
      writeQueue(readQueue().filter(function (item) { return item.id !== answer.id; }));
      retryMs = RETRY_MIN_MS;
      flush();
    }, function () {
      sending = false;
      scheduleRetry(); // offline or the connection broke: try again later
    });
  }

  function reset() {
    resetTimer = null;
    thanks.hidden = true;
    form.hidden = false;
    var first = document.getElementById("kiosk-score-1");
    if (first) first.focus();
  }

  function answer(score) {
    var queue = readQueue();
    queue.push({ id: newId(), score: score, lang: language, at: new Date().toISOString() });
    writeQueue(queue);
    form.hidden = true;
    thanks.hidden = false;
    thanks.focus();
    if (resetTimer) window.clearTimeout(resetTimer);
    resetTimer = window.setTimeout(reset, RESET_MS);
    flush();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var button = event.submitter;
    var score = button && button.name === "score" ? parseInt(button.value, 10) : NaN;
    if (score >= 1 && score <= 5) answer(score);
  });

  // Keys 1–5 answer too (a keyboard at the desk); Escape goes back to the question at once.
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (!form.hidden && /^[1-5]$/.test(event.key)) {
      event.preventDefault();
      answer(parseInt(event.key, 10));
    } else if (form.hidden && event.key === "Escape") {
      if (resetTimer) window.clearTimeout(resetTimer);
      reset();
    }
  });

  window.addEventListener("online", function () {
    retryMs = RETRY_MIN_MS;
    flush();
  });
  if (!thanks.hidden) resetTimer = window.setTimeout(reset, RESET_MS);
  showQueue(readQueue().length);
  flush();
})();
