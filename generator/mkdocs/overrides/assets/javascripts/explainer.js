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

/* Claims ledger: filter the rows by cited source and kind of source. Without scripts the form
   stays hidden and every row shows. */
(function () {
  var form = document.querySelector("[data-ledger-filter]");
  if (!form) return;
  var rows = Array.prototype.filter.call(document.querySelectorAll("tbody tr"), function (row) {
    return row.querySelector(".ledger-cite");
  });
  var count = form.querySelector("[data-ledger-count]");
  function apply() {
    var doc = form.querySelector("[data-filter=doc]").value;
    var type = form.querySelector("[data-filter=type]").value;
    var shown = 0;
    rows.forEach(function (row) {
      var cites = Array.prototype.slice.call(row.querySelectorAll(".ledger-cite"));
      var keep = cites.some(function (cite) {
        return (!doc || cite.dataset.doc === doc) && (!type || cite.dataset.type === type);
      });
      row.hidden = !keep;
      if (keep) shown += 1;
    });
    document.querySelectorAll(".md-typeset table").forEach(function (table) {
      var visible = table.querySelector("tbody tr:not([hidden])");
      var wrapper = table.closest(".md-typeset__scrollwrap") || table;
      wrapper.hidden = !visible;
      var heading = wrapper.previousElementSibling;
      if (heading && /^H[2-6]$/.test(heading.tagName)) heading.hidden = !visible;
    });
    count.textContent = form.dataset.count.replace("{shown}", shown).replace("{total}", rows.length);
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
