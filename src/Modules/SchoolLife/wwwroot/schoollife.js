// School life: progressive enhancement only; every page works without this script.
(function () {
  "use strict";

  // On a phone the week shows one day at a time: open it on today rather than on Monday.
  function showToday() {
    document.querySelectorAll(".week[data-today]").forEach(function (week) {
      var today = document.getElementById(week.getAttribute("data-today"));
      if (today && week.contains(today) && week.scrollWidth > week.clientWidth && !location.hash) {
        week.scrollLeft = today.offsetLeft - week.offsetLeft;
      }
    });
  }

  // Rich-text fields: a small editor (bold, italic, lists, links) over the textarea, which it keeps filled
  // with HTML. The server sanitises whatever arrives (RichText.Sanitize); here only an allow-list of tags
  // is copied into the editor, from an inert document, so nothing in the field ever runs.
  var allowed = { P: 1, BR: 1, STRONG: 1, B: 1, EM: 1, I: 1, U: 1, UL: 1, OL: 1, LI: 1, A: 1, H2: 1, H3: 1, BLOCKQUOTE: 1 };

  function cleanInto(target, source) {
    source.childNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        target.appendChild(document.createTextNode(node.textContent));
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        if (allowed[node.tagName]) {
          var copy = document.createElement(node.tagName);
          var href = node.tagName === "A" ? node.getAttribute("href") : null;
          if (href && /^(https?:|mailto:)/i.test(href)) { copy.setAttribute("href", href); }
          cleanInto(copy, node);
          target.appendChild(copy);
        } else {
          cleanInto(target, node);
        }
      }
    });
  }

  function looksLikeHtml(text) { return /<\s*\/?\s*[a-z][^>]*>/i.test(text); }

  function enhance(area) {
    var labels = (area.getAttribute("data-labels") || "").split("|");
    var label = document.querySelector("label[for='" + area.id + "']");
    var toolbar = document.createElement("div");
    toolbar.className = "rich-editor__toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", labels[0] || "");
    toolbar.setAttribute("aria-controls", area.id + "-editor");
    var editor = document.createElement("div");
    editor.id = area.id + "-editor";
    editor.className = "field__control rich-editor__area";
    editor.contentEditable = "true";
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    if (label) {
      if (!label.id) { label.id = area.id + "-label"; }
      editor.setAttribute("aria-labelledby", label.id);
      label.addEventListener("click", function () { editor.focus(); });
    }
    ["aria-describedby", "aria-invalid"].forEach(function (name) {
      if (area.hasAttribute(name)) { editor.setAttribute(name, area.getAttribute(name)); }
    });

    var value = area.value;
    if (looksLikeHtml(value)) {
      cleanInto(editor, new DOMParser().parseFromString(value, "text/html").body);
    } else {
      value.split(/\n\s*\n/).forEach(function (paragraph) {
        if (!paragraph.trim()) { return; }
        var p = document.createElement("p");
        paragraph.split("\n").forEach(function (line, index) {
          if (index > 0) { p.appendChild(document.createElement("br")); }
          p.appendChild(document.createTextNode(line));
        });
        editor.appendChild(p);
      });
    }

    // Buttons say what they do in words (their visible text is their accessible name, WCAG 2.5.3).
    [["bold", "b", 1], ["italic", "i", 2], ["insertUnorderedList", "span", 3], ["insertOrderedList", "span", 4], ["createLink", "u", 5]].forEach(function (command) {
      var button = document.createElement("button");
      button.type = "button";
      var text = document.createElement(command[1]);
      text.textContent = labels[command[2]] || command[0];
      button.appendChild(text);
      button.addEventListener("click", function () {
        editor.focus();
        if (command[0] === "createLink") {
          var url = window.prompt(labels[6] || "https://", "https://");
          if (url && /^(https?:\/\/|mailto:)/i.test(url)) { document.execCommand("createLink", false, url); }
        } else {
          document.execCommand(command[0], false, null);
        }
      });
      toolbar.appendChild(button);
    });

    area.hidden = true;
    area.parentNode.insertBefore(toolbar, area.nextSibling);
    toolbar.parentNode.insertBefore(editor, toolbar.nextSibling);
    area.form.addEventListener("submit", function () {
      area.value = editor.textContent.trim() ? editor.innerHTML : "";
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    showToday();
    document.querySelectorAll("textarea[data-rich-text]").forEach(enhance);
  });
})();
