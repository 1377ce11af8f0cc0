/* The page's messages in its language, for the other scripts (window.I18N).
 *
 * The server renders <script type="application/json" id="i18n"> with every message of the scripts,
 * translated (see app/i18n.py). t("Saved {time}", {time: "10:02"}) looks a message up and fills its
 * {placeholders}; tn(singular, plural, n, params) picks the plural form with the page's plural rules;
 * numbers are formatted with Intl.NumberFormat in the page's language (50 000 in French).
 */
(function () {
  "use strict";
  var lang = document.documentElement.lang || "en";
  var source = document.getElementById("i18n");
  var messages = {};
  try { messages = source ? JSON.parse(source.textContent) : {}; } catch (e) { messages = {}; }
  var numbers = new Intl.NumberFormat(lang);
  var plurals = new Intl.PluralRules(lang);

  function fill(text, params) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      if (!params || !(name in params)) { return whole; }
      var value = params[name];
      return typeof value === "number" ? numbers.format(value) : String(value);
    });
  }

  function t(message, params) {
    var found = messages[message];
    return fill(typeof found === "string" && found ? found : message, params);
  }

  function tn(singular, plural, n, params) {
    var forms = messages[singular];
    var one = plurals.select(n) === "one";
    var text = Array.isArray(forms) ? forms[one ? 0 : 1] : (one ? singular : plural);
    var all = { n: n };
    Object.keys(params || {}).forEach(function (k) { all[k] = params[k]; });
    return fill(text, all);
  }

  function time(date) {
    return (date || new Date()).toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
  }

  window.I18N = { lang: lang, t: t, tn: tn, number: function (n) { return numbers.format(n); }, time: time };
}());
