/* Search dialog: loads Pagefind's UI the first time it opens. Pagefind picks the index of the
   page's language from <html lang>, so results stay in the language being read. */
(function () {
  var dialog = document.querySelector("[data-search-dialog]");
  var opener = document.querySelector("[data-search-open]");
  if (!dialog || !opener) return;
  var bundle = new URL(dialog.getAttribute("data-bundle"), location.href).href;
  var ready = null;

  function load() {
    if (ready) return ready;
    ready = new Promise(function (resolve, reject) {
      var style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = bundle + "pagefind-ui.css";
      document.head.appendChild(style);
      var script = document.createElement("script");
      script.src = bundle + "pagefind-ui.js";
      script.onload = function () {
        resolve(new PagefindUI({
          element: "[data-search-ui]",
          bundlePath: bundle,
          showImages: false,
          showSubResults: true,
          resetStyles: false
        }));
      };
      script.onerror = reject;
      document.head.appendChild(script);
    });
    return ready;
  }

  function open() {
    load().then(function () {
      if (!dialog.open) dialog.showModal();
      var input = dialog.querySelector("input");
      if (input) {
        input.setAttribute("aria-label", dialog.getAttribute("aria-label")); // Pagefind gives none
        input.focus();
      }
    });
  }

  opener.addEventListener("click", open);
  dialog.querySelector("[data-search-close]").addEventListener("click", function () {
    dialog.close();
  });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (!typing && !dialog.open && (event.key === "/" || event.key === "s")) {
      event.preventDefault();
      open();
    }
  });
})();
