/* Narrowing the timeline to one actor or one point, without reloading the page.
   Without JavaScript the form stays hidden and the whole list reads as it is. The choice is
   kept in the address (?actor=…&point=…), so a narrowed view can be linked to. */
(function () {
  "use strict";

  function setUp() {
    var form = document.querySelector("form.nd-filter");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var events = Array.prototype.slice.call(document.querySelectorAll("article.nd-event"));
    var days = Array.prototype.slice.call(document.querySelectorAll("section.nd-day"));
    var count = form.querySelector(".nd-filter-count");
    var params = new URLSearchParams(window.location.search);
    /* The words come from the page (the plugin's catalog, in the page's language): one message
       per plural category, chosen by the browser's plural rules for that language. */
    var words = JSON.parse(count.dataset.ndWords || "{}");
    var plural = new Intl.PluralRules(document.documentElement.lang || undefined);

    function counted(name, shown) {
      var forms = words[name] || {};
      var message = forms[plural.select(events.length)] || forms.other || "";
      return message.replace("{count}", events.length).replace("{shown}", shown);
    }

    ["actor", "point"].forEach(function (name) {
      var wanted = params.get(name);
      if (wanted && form.elements[name].querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
        form.elements[name].value = wanted;
      }
    });

    function apply() {
      var actor = form.elements.actor.value;
      var point = form.elements.point.value;
      var shown = 0;
      events.forEach(function (event) {
        var points = (event.dataset.points || "").split(" ");
        var visible = (!actor || event.dataset.actor === actor) &&
          (!point || points.indexOf(point) !== -1);
        event.hidden = !visible;
        if (visible) shown += 1;
      });
      days.forEach(function (day) {
        day.hidden = !day.querySelector("article.nd-event:not([hidden])");
      });
      count.textContent = counted(shown === events.length ? "shown_all" : "shown_some", shown);
      var query = new URLSearchParams();
      if (actor) query.set("actor", actor);
      if (point) query.set("point", point);
      var search = query.toString();
      history.replaceState(null, "", (search ? "?" + search : window.location.pathname) + window.location.hash);
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUp); /* Material's instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
