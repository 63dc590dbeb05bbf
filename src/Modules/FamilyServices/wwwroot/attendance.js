// Offline-tolerant attendance marking (issue 5, item 4). The sheet is a plain form that works without
// this script; with it, each mark is kept in localStorage with an id of its own and the time it was made,
// shown at once, and sent to the sync endpoint now or as soon as the connection is back. The server
// ignores a mark it already received (same id) and keeps the most recent mark of a child and day.
(function () {
  "use strict";
  var root = document.querySelector("[data-attendance]");
  if (!root || !window.fetch || !window.localStorage || !window.JSON) { return; }

  var KEY = "preau.attendance.pending";
  var url = root.getAttribute("data-sync-url");
  var service = root.getAttribute("data-service");
  var day = root.getAttribute("data-day");
  var labels = JSON.parse(root.getAttribute("data-labels") || "{}");
  var status = root.querySelector("[data-sync-status]");
  var syncing = false;
  var signedOut = false;

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { return []; }
  }

  function store(marks) {
    try { localStorage.setItem(KEY, JSON.stringify(marks)); } catch (e) { /* storage full: the mark stays on screen only */ }
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function now() {
    var d = new Date();
    return ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2);
  }

  function lineOf(childId) {
    return root.querySelector("li[data-child='" + childId + "']");
  }

  function show(line, state, message) {
    if (!line) { return; }
    var target = line.querySelector("[data-state]");
    if (target && labels[state] !== undefined) { target.textContent = labels[state]; }
    line.querySelectorAll("button[name='mark'][aria-pressed]").forEach(function (button) {
      var value = button.value.split("|")[0];
      var pressed = value === state || (value === "Present" && state === "PresentWithoutReservation");
      button.setAttribute("aria-pressed", pressed ? "true" : "false");
    });
    var note = line.querySelector("[data-message]");
    if (note) { note.textContent = message || ""; }
  }

  function report() {
    if (!status) { return; }
    var count = load().length;
    if (signedOut) {
      status.textContent = root.getAttribute("data-text-signin");
    } else if (count > 0) {
      status.textContent = root.getAttribute("data-text-pending").replace("{0}", count);
    } else {
      status.textContent = root.getAttribute("data-text-saved");
    }
    status.className = "sync-status" + (count > 0 || signedOut ? " sync-status--pending" : "");
  }

  function sync() {
    var pending = load();
    report();
    if (syncing || pending.length === 0 || navigator.onLine === false) { return; }
    syncing = true;
    var batch = pending.slice(0, 200);
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({ marks: batch })
    }).then(function (response) {
      signedOut = response.status === 401;
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.json();
    }).then(function (body) {
      var done = {};
      (body.results || []).forEach(function (result) {
        done[result.id] = true;
        if (result.serviceId === service && result.day === day) {
          show(lineOf(result.childId), result.state || "NotMarked", result.outcome === "rejected" ? result.message : "");
        }
      });
      store(load().filter(function (mark) { return !done[mark.id]; }));
    }).catch(function () {
      // Offline or the server is unreachable: the marks stay in storage for the next attempt.
    }).then(function () {
      syncing = false;
      report();
      if (load().length > 0 && navigator.onLine !== false && !signedOut && batch.length === 200) { sync(); }
    });
  }

  var form = root.querySelector("form[data-mark-form]");
  if (form) {
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || button.name !== "mark") { return; }
      event.preventDefault();
      var parts = button.value.split("|");
      var line = lineOf(parts[1]);
      var arrived = line && line.querySelector("[data-arrived]");
      var left = line && line.querySelector("[data-left]");
      if (button.hasAttribute("data-arrive") && arrived && !arrived.value) { arrived.value = now(); }
      if (button.hasAttribute("data-leave") && left) { left.value = now(); }
      var pending = load();
      pending.push({
        id: newId(),
        serviceId: service,
        childId: parts[1],
        day: day,
        mark: parts[0],
        arrivedAt: arrived && arrived.value ? arrived.value : null,
        leftAt: left && left.value ? left.value : null,
        markedAt: new Date().toISOString()
      });
      store(pending);
      show(line, parts[0]);
      sync();
    });
  }

  // Marks left from an earlier visit (the tablet lost the connection and the page was reloaded): show, then send.
  load().forEach(function (mark) {
    if (mark.serviceId === service && mark.day === day) { show(lineOf(mark.childId), mark.mark); }
  });
  window.addEventListener("online", sync);
  window.setInterval(sync, 30000);
  sync();
})();
