// Web Push for installed apps: asks permission only when the user presses the button on the
// notification preferences page, then registers this device's subscription.
(function () {
  "use strict";
  var button = document.querySelector("[data-push-subscribe]");
  var status = document.querySelector("[data-push-status]");
  if (!button || !("serviceWorker" in navigator) || !("PushManager" in window)) { return; }
  button.hidden = false;

  function key(base64) {
    var padded = (base64 + "===".slice((base64.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }

  function token() {
    var input = document.querySelector("input[name='__RequestVerificationToken']");
    return input ? input.value : "";
  }

  button.addEventListener("click", function () {
    Promise.all([navigator.serviceWorker.register("/sw.js"), fetch("/api/v1/notifications/push/key").then(function (r) { return r.json(); })])
      .then(function (results) {
        return results[0].pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key(results[1].publicKey) });
      })
      .then(function (subscription) {
        return fetch("/api/v1/notifications/push/subscriptions", {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", "RequestVerificationToken": token() },
          body: JSON.stringify(subscription.toJSON())
        });
      })
      .then(function (response) { if (status) { status.textContent = response.ok ? button.getAttribute("data-done") : button.getAttribute("data-failed"); } })
      .catch(function () { if (status) { status.textContent = button.getAttribute("data-failed"); } });
  });
})();
