// Live badges (messages, notifications) through SignalR, with a minimal client of its JSON protocol over
// WebSocket (no negotiation, no fallback transport): a few hundred bytes instead of the 50 KB client.
// Pages work without it: the counts are server-rendered; this only refreshes them when the server says so.
(function () {
  "use strict";
  var badges = document.querySelectorAll("[data-badge]");
  if (!badges.length || !("WebSocket" in window)) { return; }
  var separator = "\u001e";
  var delay = 1000;
  var ping = null;

  function refresh() {
    fetch("/api/v1/notifications/badges", { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (counts) {
        if (!counts) { return; }
        badges.forEach(function (badge) {
          var count = counts[badge.getAttribute("data-badge")];
          if (typeof count !== "number") { return; }
          badge.firstChild.nodeValue = String(count);
          badge.hidden = count === 0;
        });
      })
      .catch(function () { /* Offline: the next page load shows the counts. */ });
  }

  function connect() {
    var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/hubs/notifications");
    socket.onopen = function () {
      delay = 1000;
      socket.send(JSON.stringify({ protocol: "json", version: 1 }) + separator);
      // Keep-alive: the server closes a connection silent for 30 s.
      ping = setInterval(function () { socket.send(JSON.stringify({ type: 6 }) + separator); }, 15000);
    };
    socket.onmessage = function (event) {
      String(event.data).split(separator).forEach(function (frame) {
        if (!frame) { return; }
        var message = JSON.parse(frame);
        if (message.type === 1 && message.target === "changed") { refresh(); }
        if (message.type === 7) { socket.close(); }
      });
    };
    socket.onclose = function () {
      clearInterval(ping);
      // Back off up to a minute; a signed-out page (401) simply stops trying after a few attempts.
      delay = Math.min(delay * 2, 60000);
      setTimeout(connect, delay);
      refresh();
    };
  }

  connect();
})();
