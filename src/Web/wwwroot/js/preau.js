// Préau's only global script: progressive enhancement, every page works without it.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // Move focus to the error summary so screen-reader users hear the errors first.
    var summary = document.querySelector("[data-autofocus]");
    if (summary) { summary.focus(); }

    // Ask for confirmation before destructive actions: <button data-confirm="…">.
    document.querySelectorAll("[data-confirm]").forEach(function (button) {
      button.addEventListener("click", function (event) {
        if (!window.confirm(button.getAttribute("data-confirm"))) { event.preventDefault(); }
      });
    });

    // Print buttons: <button data-print>.
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  });
})();
