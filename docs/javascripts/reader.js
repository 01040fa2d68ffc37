/* What the page does for a reader beyond showing text, on every page (mkdocs.yml lists this file
   in extra_javascript, so the offline copy loads it too):

   - Glossary terms (the plugin's a.nd-term, whose title is the definition) open their definition
     in a card: on hover, on keyboard focus, and on a tap, which would otherwise follow the link.
     Escape or a second tap closes it; the card links to the term's glossary entry. Material's own
     tooltips (content.tooltips) are off: they showed the definition at 10 px, on hover and focus
     only, and gave touch no way to open it.
   - Every sub-item of a point's wording (li[id] in blockquote.nd-wording) gets a link to its own
     anchor, like the headings' pilcrows; stylesheets/site.css shows it on hover and focus, and
     always on touch screens.
   - Links to this site are marked (data-nd-local): print shows the address of a link to another
     site only. Material's scripts make every link absolute, so the print rule could no longer
     tell the two kinds apart by their href.
   - The points index's cells get their column's name (data-label), shown when a phone lays the
     table out as cards.
   - The navs that hold Material's copy buttons are no landmarks (see unmarkCodeButtons).

   Without JavaScript a term is a plain link with its definition as a title, relative links print
   no address, and the points index stays a table. */
(function () {
  "use strict";

  var TERM = "a.nd-term";
  var card = null; // the one definition card, made when first needed
  var cardText = null;
  var cardLink = null;
  var term = null; // the term whose definition the card shows
  var how = ""; // "hover", "focus" or "tap"
  var timer = 0;
  var pointer = ""; // the type of the last pointer pressed: a tap is a click from "touch"

  /* --- the definition card ----------------------------------------------------------------- */

  function makeCard() {
    card = document.createElement("div");
    card.className = "nd-definition md-typeset";
    card.hidden = true;
    cardText = document.createElement("p");
    cardText.id = "nd-definition-text";
    var more = document.createElement("p");
    more.className = "nd-definition__more";
    cardLink = document.createElement("a");
    more.appendChild(cardLink);
    card.appendChild(cardText);
    card.appendChild(more);
  }

  /* In the page's main landmark, as all its content is (axe: region); instant navigation
     replaces that, so the card goes back in on the next opening. */
  function attachCard() {
    if (!card) makeCard();
    var main = document.querySelector("main") || document.body;
    if (card.parentNode !== main) main.appendChild(card);
  }

  function definition(link) {
    return link.getAttribute("data-nd-definition") || link.getAttribute("title") || "";
  }

  function open(link, why) {
    clearTimeout(timer);
    var text = definition(link);
    if (!text) return;
    attachCard();
    if (term && term !== link) close();
    term = link;
    how = why;
    cardText.textContent = text;
    cardLink.href = link.href;
    cardLink.textContent = "\u201c" + link.textContent + "\u201d in the glossary";
    link.setAttribute("aria-describedby", cardText.id);
    if (why === "tap") link.setAttribute("aria-expanded", "true");
    card.hidden = false;
    place(link);
  }

  function close() {
    clearTimeout(timer);
    if (!term) return;
    term.removeAttribute("aria-describedby");
    term.removeAttribute("aria-expanded");
    term = null;
    how = "";
    card.hidden = true;
  }

  function closeSoon() {
    clearTimeout(timer);
    timer = setTimeout(close, 300); // time to move the pointer onto the card
  }

  /* Below the term's first line, or above it where there is no room below; within the window's
     width, 8 px from either edge. Positions are the window's, made relative to the box the card
     is placed in (its offset parent). */
  function place(link) {
    var box = link.getClientRects()[0] || link.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    card.style.left = "0px";
    card.style.top = "0px";
    var origin = card.getBoundingClientRect(); // where left: 0 and top: 0 put it
    var left = Math.max(8, Math.min(box.left, width - origin.width - 8));
    var top = box.bottom + 6;
    if (top + origin.height > window.innerHeight && box.top - 6 - origin.height > 0) {
      top = box.top - 6 - origin.height;
    }
    card.style.left = left - origin.left + "px";
    card.style.top = top - origin.top + "px";
  }

  function termOf(target) {
    return target instanceof Element ? target.closest(TERM) : null;
  }

  function onCard(target) {
    return card !== null && target instanceof Node && card.contains(target);
  }

  document.addEventListener("pointerover", function (event) {
    if (event.pointerType !== "mouse") return;
    var link = termOf(event.target);
    if (link) {
      clearTimeout(timer);
      if (term !== link || how !== "hover") {
        if (how === "tap" || how === "focus") return; // opened by a choice, stays as chosen
        timer = setTimeout(function () { open(link, "hover"); }, 150);
      }
    } else if (onCard(event.target)) {
      clearTimeout(timer);
    }
  });

  document.addEventListener("pointerout", function (event) {
    if (event.pointerType !== "mouse" || how === "tap" || how === "focus") return;
    var from = termOf(event.target) || (onCard(event.target) ? card : null);
    if (!from) return;
    var to = event.relatedTarget;
    if (to instanceof Node && (from.contains(to) || onCard(to) || (term && term.contains(to)))) {
      return;
    }
    if (term) closeSoon();
    else clearTimeout(timer);
  });

  document.addEventListener("focusin", function (event) {
    var link = termOf(event.target);
    if (link && link.matches(":focus-visible")) open(link, "focus");
    else if (term && how !== "hover" && !onCard(event.target) && event.target !== term) close();
  });

  document.addEventListener("focusout", function (event) {
    if (how === "focus" && event.target === term && !onCard(event.relatedTarget)) close();
  });

  document.addEventListener(
    "pointerdown",
    function (event) {
      pointer = event.pointerType;
      if (term && !onCard(event.target) && termOf(event.target) !== term) close();
    },
    true
  );

  /* A tap on a term opens its definition instead of leaving the page (captured before
     Material's instant navigation sees the click); a second tap closes it. */
  document.addEventListener(
    "click",
    function (event) {
      var link = termOf(event.target);
      if (!link || pointer !== "touch" || event.detail === 0) return;
      event.preventDefault();
      event.stopPropagation();
      if (term === link && how === "tap") close();
      else open(link, "tap");
    },
    true
  );

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && term) {
      var link = term;
      close();
      if (document.activeElement && onCard(document.activeElement)) link.focus();
    }
  });

  window.addEventListener("resize", function () {
    if (term) place(term);
  });

  /* --- each page ----------------------------------------------------------------------------- */

  /* The definition moves from the title to data-nd-definition (and aria-description, for screen
     readers that read it), so that the browser's own tooltip does not cover the card. */
  function prepareTerms(root) {
    root.querySelectorAll(TERM + "[title]").forEach(function (link) {
      var text = link.getAttribute("title");
      link.setAttribute("data-nd-definition", text);
      link.setAttribute("aria-description", text);
      link.removeAttribute("title");
    });
  }

  function anchorLabel(id) {
    var parts = /^(.*?)-(\d+)-(\d+)$/.exec(id);
    return parts
      ? "Link to " + parts[1].replace(/-/g, " ") + " " + parts[2] + ", sub-item " + parts[3]
      : "Link to this sub-item";
  }

  function addAnchors(root) {
    root.querySelectorAll("blockquote.nd-wording li[id]").forEach(function (item) {
      if (item.querySelector(":scope > a.nd-anchor")) return;
      var link = document.createElement("a");
      link.className = "headerlink nd-anchor";
      link.href = "#" + item.id;
      link.textContent = "\u00b6";
      link.setAttribute("aria-label", anchorLabel(item.id));
      link.title = anchorLabel(item.id);
      item.appendChild(link);
    });
  }

  function markLocalLinks(root) {
    root.querySelectorAll("a[href]").forEach(function (link) {
      if (link.protocol === window.location.protocol && link.host === window.location.host) {
        link.setAttribute("data-nd-local", "");
      }
    });
  }

  function labelIndexCells(root) {
    root.querySelectorAll(".nd-index table").forEach(function (table) {
      var names = Array.prototype.map.call(table.querySelectorAll("thead th"), function (cell) {
        return cell.textContent.trim();
      });
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, index) {
          if (names[index]) cell.setAttribute("data-label", names[index]);
        });
      });
    });
  }

  /* Material puts each code block's copy button (content.code.copy) in a nav of its own, with no
     name: two such landmarks on a page (a point's two citations) are two navigation regions that
     a screen reader cannot tell apart (axe: landmark-unique). A button is no navigation. */
  function unmarkCodeButtons(root) {
    root.querySelectorAll("nav.md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
  }

  function setUp() {
    close();
    var root = document.querySelector("article") || document.body;
    prepareTerms(root);
    addAnchors(root);
    unmarkCodeButtons(root);
    markLocalLinks(document.body);
    labelIndexCells(root);
  }

  window.addEventListener("beforeprint", function () {
    close();
    markLocalLinks(document.body);
  });

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUp); /* Material's instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
