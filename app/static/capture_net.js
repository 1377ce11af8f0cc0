/* The capture page's network layer: JSON posts that say honestly what went wrong.
 *
 * Every answer is sorted into one of four outcomes, because each asks something different of the
 * rapporteur:
 *   ok          the server answered 2xx with JSON;
 *   refused     the server answered with its own JSON refusal (4xx): show its message;
 *   expired     a real 401, a redirect to the sign-in page, or a CSRF failure that a fresh token
 *               cannot cure: sign in again (the note stays on the page);
 *   unreachable no answer (network down), a gateway's page (502/503/504 from a proxy) or a server
 *               error (500): nothing is wrong with the sign-in; the caller retries automatically.
 * window.CaptureNet.client(tokenUrl, csrfToken) gives { postJSON(url, body) -> Promise<result> }.
 */
(function () {
  "use strict";

  var t = window.I18N.t;
  var EXPIRED = t("Your sign-in expired. Sign in again in another tab; your note is kept on this page and saved after.");
  var UNREACHABLE = t("The server is not reachable — we retry automatically. Your note is kept on this page.");

  function isJson(response) {
    return (response.headers.get("Content-Type") || "").indexOf("application/json") !== -1;
  }

  function result(outcome, status, data) {
    return { ok: outcome === "ok", outcome: outcome, status: status, data: data || {} };
  }

  function expired(status) { return result("expired", status || 401, { error: EXPIRED }); }

  function unreachable(status) { return result("unreachable", status || 0, { error: UNREACHABLE }); }

  // A redirected answer is the sign-in page (the only redirect these endpoints make).
  function classify(response) {
    if (response.status === 401 || (response.redirected && response.ok)) { return Promise.resolve(expired(401)); }
    if (response.status >= 500 || response.status === 0) { return Promise.resolve(unreachable(response.status)); }
    if (!isJson(response)) {
      // A page that is not ours (a proxy's or a captive portal's): not a sign-in problem. A timeout or
      // "too many requests" passes with time; another refusal would not, so it is said, not retried.
      if (response.ok || response.status === 408 || response.status === 429) {
        return Promise.resolve(unreachable(response.status));
      }
      return Promise.resolve(result("refused", response.status, {
        error: t("The server refused this request (HTTP {status}). Your note is kept.", { status: response.status }) }));
    }
    return response.json().catch(function () { return {}; }).then(function (data) {
      return result(response.ok ? "ok" : "refused", response.status, data);
    });
  }

  function client(tokenUrl, initialToken) {
    var csrfToken = initialToken || "";

    function send(url, body) {
      return fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrfToken },
        body: JSON.stringify(body)
      }).then(classify, function () { return unreachable(0); });
    }

    // A fresh CSRF token: "ok", "expired" (signed out) or "unreachable".
    function refreshToken() {
      return fetch(tokenUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) {
          if (response.status === 401 || (response.redirected && response.ok)) { return "expired"; }
          if (!response.ok || !isJson(response)) { return "unreachable"; }
          return response.json().then(function (data) { csrfToken = data.csrf_token; return "ok"; },
                                      function () { return "unreachable"; });
        }, function () { return "unreachable"; });
    }

    function postJSON(url, body, retried) {
      return send(url, body).then(function (r) {
        // A 400 may be a CSRF token from an earlier sign-in: renew it once and try again.
        if (r.status !== 400 || retried) { return r; }
        return refreshToken().then(function (renewed) {
          if (renewed === "ok") { return postJSON(url, body, true); }
          return renewed === "expired" ? expired(401) : unreachable(0);
        });
      });
    }

    return { postJSON: postJSON };
  }

  window.CaptureNet = { client: client, EXPIRED: EXPIRED, UNREACHABLE: UNREACHABLE };
}());
