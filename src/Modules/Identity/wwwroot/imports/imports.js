// Progress of a running import (progressive enhancement: without it, the page's "Actualiser" link does the same).
(function () {
  "use strict";
  var box = document.querySelector("[data-import-progress]");
  if (!box || !window.fetch) { return; }
  var url = box.getAttribute("data-import-progress");
  var status = box.getAttribute("data-status");
  var bar = box.querySelector("progress");
  var text = box.querySelector("[data-progress-text]");

  function next(delay) { window.setTimeout(tick, delay); }

  function tick() {
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (progress) {
        if (!progress) { next(5000); return; }
        if (progress.status !== status) { window.location.reload(); return; }
        if (progress.total > 0) { bar.max = progress.total; bar.value = progress.processed; }
        text.textContent = progress.text;
        next(2000);
      })
      .catch(function () { next(5000); });
  }

  next(2000);
})();
