/* Review area: live queue and one-click decisions (no inline scripts: the CSP forbids them).
 *
 * The queue polls a JSON endpoint with a `since` cursor and inserts new ideas at the top; decisions
 * are posted with fetch and the server's re-rendered idea replaces the old one. Without this script
 * every form still works with a full page load.
 */
(function () {
  "use strict";
  var t = window.I18N.t, tn = window.I18N.tn;

  var POLL_MS = 4000;
  var MAX_BACKOFF_MS = 30000;
  var queue = document.getElementById("review-queue");
  var live = document.getElementById("review-live");
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrfToken = csrfMeta ? csrfMeta.getAttribute("content") : "";

  function announce(message, isError) {
    if (!live) { return; }
    live.textContent = message;
    live.classList.toggle("review-live-error", !!isError);
  }

  function fromHtml(html) {
    // Server-rendered, autoescaped markup for one idea.
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  function isBusy(element) {
    // Never swap an idea under a co-chair who is typing in it or has a panel open.
    return element.contains(document.activeElement) || element.querySelector("details[open]") !== null;
  }

  function replaceIdea(id, html) {
    var current = document.getElementById("idea-" + id);
    if (!current) { return; }
    var fresh = fromHtml(html);
    if (fresh) { current.replaceWith(fresh); }
  }

  /* ---- one-click decisions ---- */
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("js-action") || !window.fetch) { return; }
    event.preventDefault();
    var submitter = event.submitter || form.querySelector("button[type=submit]");
    var action = (submitter && submitter.getAttribute("formaction")) || form.getAttribute("action");
    var body = new FormData(form);
    if (submitter && submitter.name) { body.append(submitter.name, submitter.value); }
    var article = form.closest(".review-idea");
    if (submitter) { submitter.disabled = true; }
    fetch(action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken, "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      if (!result.ok || !result.data.ok) {
        announce(result.data.error || t("That did not work. Try again."), true);
        if (submitter) { submitter.disabled = false; }
        return;
      }
      if (article && result.data.html) {
        var fresh = fromHtml(result.data.html);
        if (fresh) { article.replaceWith(fresh); }
      }
      announce(result.data.message || t("Saved."), false);
    }).catch(function () {
      announce(t("No connection: the decision was not saved. Try again when the network is back."), true);
      if (submitter) { submitter.disabled = false; }
    });
  });

  /* ---- live queue ---- */
  if (!queue || !queue.dataset.pollUrl || !window.fetch) { return; }
  var cursor = queue.dataset.cursor || "0";
  var at = queue.dataset.at || "";
  var delay = POLL_MS;
  var arrived = 0;

  function pollUrl() {
    var url = new URL(queue.dataset.pollUrl, window.location.href);
    url.searchParams.set("since", cursor);
    if (at) { url.searchParams.set("at", at); }
    if (queue.dataset.next) { url.searchParams.set("next", queue.dataset.next); }
    return url.toString();
  }

  function insertNew(items) {
    if (!items.length) { return; }
    var empty = queue.querySelector(".review-empty");
    if (empty) { empty.remove(); }
    items.forEach(function (item) {
      if (document.getElementById("idea-" + item.id)) { return; }
      var element = fromHtml(item.html);
      if (!element) { return; }
      element.classList.add("review-new");
      queue.insertBefore(element, queue.firstElementChild);
      arrived += 1;
    });
    announce(tn("{n} new idea arrived since you opened this page.", "{n} new ideas arrived since you opened this page.", arrived), false);
  }

  function applyChanges(changed) {
    changed.forEach(function (item) {
      var current = document.getElementById("idea-" + item.id);
      if (!current || isBusy(current)) { return; }
      if (item.matches && item.html) { replaceIdea(item.id, item.html); }
      else if (!item.matches) { current.classList.add("review-decided"); }
    });
  }

  function poll() {
    if (document.hidden) { window.setTimeout(poll, delay); return; }
    fetch(pollUrl(), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("poll " + response.status); }
        return response.json();
      })
      .then(function (data) {
        cursor = String(data.cursor);
        at = data.at || at;
        queue.dataset.cursor = cursor;
        insertNew(data.items || []);
        applyChanges(data.changed || []);
        delay = POLL_MS;
      })
      .catch(function () {
        delay = Math.min(delay * 2, MAX_BACKOFF_MS);
        announce(t("Connection lost; new ideas will appear when it is back."), true);
      })
      .then(function () { window.setTimeout(poll, delay); });
  }

  window.setTimeout(poll, POLL_MS);
})();
