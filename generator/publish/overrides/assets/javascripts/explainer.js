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

/* A filter form (the claims ledger's, the updates page's): shown only with scripts, applied on
   every change and on submit, and once at the start. */
function showFilter(form, apply) {
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply();
  });
  apply();
}

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
    document.querySelectorAll(".ledger-group").forEach(function (group) {
      group.hidden = !group.querySelector("tbody tr:not([hidden])");
    });
    count.textContent = form.dataset.count.replace("{shown}", shown).replace("{total}", rows.length);
  }
  showFilter(form, apply);
})();

/* Updates page: show the updates of one kind. Without scripts the form stays hidden and every
   update shows. */
(function () {
  var form = document.querySelector("[data-updates-filter]");
  if (!form) return;
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-update-kind]"));
  var count = form.querySelector("[data-updates-count]");
  function apply() {
    var kind = form.querySelector("[data-filter=kind]").value;
    var shown = 0;
    items.forEach(function (item) {
      var keep = !kind || item.dataset.updateKind === kind;
      item.hidden = !keep;
      if (keep) shown += 1;
    });
    count.textContent = form.dataset.count.replace("{shown}", shown).replace("{total}", items.length);
  }
  showFilter(form, apply);
})();

/* Tooltips for glossary terms (<abbr title>) and footnote references: one tooltip element, set up
   on first hover or focus (nothing is done per term at load), tied to its trigger with
   aria-describedby, kept open while the pointer is over it, closed with Escape (WCAG 1.4.13). */
(function () {
  var tip = null;
  var shownFor = null;
  var timer = null;

  // A term outside links takes keyboard focus; a linked term is reached through its link.
  document.querySelectorAll(".md-content abbr[title]").forEach(function (abbr) {
    if (!abbr.closest("a")) abbr.tabIndex = 0;
  });

  function element() {
    if (tip) return tip;
    tip = document.createElement("div");
    tip.id = "explainer-tooltip";
    tip.className = "explainer-tooltip md-typeset";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.addEventListener("mouseenter", function () { clearTimeout(timer); });
    tip.addEventListener("mouseleave", later);
    document.body.appendChild(tip);
    return tip;
  }

  function abbrOf(target) {
    var abbr = target.closest("abbr[title], abbr[data-title]");
    if (!abbr && target.tagName === "A") abbr = target.querySelector("abbr[title], abbr[data-title]");
    if (!abbr) return null;
    if (abbr.title) { // the tooltip replaces the browser's own
      abbr.setAttribute("data-title", abbr.title);
      abbr.removeAttribute("title");
    }
    return abbr;
  }

  function content(trigger) {
    var ref = trigger.closest("a.footnote-ref");
    if (ref) {
      var note = document.getElementById(decodeURIComponent(ref.hash.slice(1)));
      if (!note) return null;
      var copy = note.cloneNode(true);
      copy.querySelectorAll(".footnote-backref").forEach(function (back) { back.remove(); });
      copy.querySelectorAll("a, [tabindex]").forEach(function (link) { link.tabIndex = -1; });
      copy.removeAttribute("id");
      return copy.innerHTML;
    }
    var abbr = abbrOf(trigger);
    if (!abbr) return null;
    var text = document.createElement("p");
    text.textContent = abbr.getAttribute("data-title");
    return text.outerHTML;
  }

  function triggerOf(target) {
    if (!target || !target.closest) return null;
    var el = target.closest("a.footnote-ref, .md-content abbr, .md-content a");
    if (!el || !el.closest(".md-content")) return null;
    if (el.tagName === "A" && !el.classList.contains("footnote-ref") && !el.querySelector("abbr")) {
      return null;
    }
    return el;
  }

  function show(trigger, html) {
    clearTimeout(timer);
    var box = element();
    if (shownFor !== trigger) hide();
    box.innerHTML = html;
    box.hidden = false;
    shownFor = trigger;
    trigger.setAttribute("aria-describedby", box.id);
    var rect = trigger.getBoundingClientRect();
    var width = box.offsetWidth;
    var left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
    var below = rect.bottom + 8 + box.offsetHeight <= window.innerHeight || rect.top < box.offsetHeight + 8;
    var top = below ? rect.bottom + 8 : rect.top - box.offsetHeight - 8;
    box.style.left = left + window.scrollX + "px";
    box.style.top = top + window.scrollY + "px";
  }

  function hide() {
    clearTimeout(timer);
    if (shownFor) shownFor.removeAttribute("aria-describedby");
    shownFor = null;
    if (tip) tip.hidden = true;
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(hide, 200);
  }

  function open(event) {
    var trigger = triggerOf(event.target);
    if (!trigger) return;
    var html = content(trigger);
    if (html) show(trigger, html);
  }

  function close(event) {
    if (shownFor && triggerOf(event.target) === shownFor && !shownFor.contains(event.relatedTarget)) later();
  }

  document.addEventListener("mouseover", open);
  document.addEventListener("focusin", open);
  document.addEventListener("mouseout", close);
  document.addEventListener("focusout", close);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && shownFor) hide();
  });
})();

/* The navigation drawer on narrow screens: a focusable menu button opens it and moves focus into
   it; Escape closes it and returns focus. Closed, its links take no focus (CSS hides it). */
(function () {
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector("[data-drawer-open]");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;
  function set(open) {
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change"));
    button.setAttribute("aria-expanded", String(open));
  }
  button.addEventListener("click", function () {
    set(!toggle.checked);
    if (toggle.checked) {
      var first = drawer.querySelector("a[href], label[tabindex], button");
      if (first) setTimeout(function () { first.focus(); }, 50);
    }
  });
  toggle.addEventListener("change", function () {
    button.setAttribute("aria-expanded", String(toggle.checked));
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      set(false);
      button.focus();
    }
  });
})();

/* Search: say how many results were found (Pagefind's message is not announced by itself). */
(function () {
  var ui = document.querySelector("[data-search-ui]");
  var status = document.querySelector("[data-search-status]");
  if (!ui || !status) return;
  var timer = null;
  new MutationObserver(function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var message = ui.querySelector(".pagefind-ui__message");
      var text = message ? message.textContent.trim() : "";
      if (status.textContent !== text) status.textContent = text;
    }, 400);
  }).observe(ui, { childList: true, subtree: true, characterData: true });
})();
