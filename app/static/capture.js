/* Capture page: autosave to the encrypted server draft, preview, restore, split, submit.
 *
 * Raw notes never go to localStorage or any other browser storage: unsaved text stays in
 * memory and is retried; the server's encrypted draft is the only copy that persists.
 * Everything from the server is inserted with textContent, never as HTML.
 */
(function () {
  "use strict";

  var root = document.getElementById("capture");
  if (!root) { return; }
  var t = window.I18N.t, tn = window.I18N.tn;

  var note = document.getElementById("note");
  var saveStatus = document.getElementById("save-status");
  var charCount = document.getElementById("char-count");
  var noteError = document.getElementById("note-error");
  var previewSection = document.getElementById("preview");
  var previewNote = document.getElementById("preview-note");
  var previewSummary = document.getElementById("preview-summary");
  var removalList = document.getElementById("removal-list");
  var flagsSection = document.getElementById("flags-section");
  var flagList = document.getElementById("flag-list");
  var restoreMessage = document.getElementById("restore-message");
  var cleanText = document.getElementById("clean-text");
  var ideaList = document.getElementById("idea-list");
  var submitButton = document.getElementById("submit-button");
  var storedSection = document.getElementById("stored");
  var storedSummary = document.getElementById("stored-summary");
  var storedList = document.getElementById("stored-list");
  var cleanIdeasSection = document.getElementById("clean-ideas-section");
  var useCleanIdeas = document.getElementById("use-clean-ideas");
  var cleanSource = document.getElementById("clean-source");
  var uncertainSummary = document.getElementById("uncertain-summary");
  var KINDS = ["proposal", "finding", "concern", "question", "commitment", "figure"];
  var KIND_LABELS = { proposal: t("proposal"), finding: t("finding"), concern: t("concern"),
                      question: t("question"), commitment: t("commitment"), figure: t("figure") };

  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrfToken = csrfMeta ? csrfMeta.getAttribute("content") : "";
  var maxChars = parseInt(root.dataset.maxChars, 10) || 50000;
  var autosaveMs = (parseInt(root.dataset.autosaveSeconds, 10) || 4) * 1000;

  var state = {
    submissionKey: root.dataset.submissionKey,
    lastSaved: note.value,      // what the server's draft holds
    saving: false,
    failures: 0,
    segments: [],
    restored: {},               // term -> true
    kept: {},                   // flagged text -> true
    cleanDirty: false,
    previewedNote: null,
    cleanIdeas: [],             // {text, kind, support, start, end} from the preview, as edited
    sourceText: "",             // the anonymized note the clean ideas' offsets point into
    textIdeas: [],              // the server's split of the anonymized text (clean-text mode)
    confirmed: {},              // uncertain removals the rapporteur looked at and kept removed
    submitting: false
  };

  // ---- helpers -------------------------------------------------------------------------

  var net = window.CaptureNet.client(root.dataset.tokenUrl, csrfToken);
  var postJSON = net.postJSON;
  var UNREACHABLE = window.CaptureNet.UNREACHABLE;

  // Seconds to wait before retry number n (1, 2, 4, 8, then every 15 s).
  function backoff(n) { return Math.min(1000 * Math.pow(2, n), 15000); }

  function timeNow() { return window.I18N.time(new Date()); }

  function show(el, message) { el.textContent = message; el.hidden = !message; }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function updateCount() {
    var n = note.value.length;
    charCount.textContent = tn("{n} / {max} character", "{n} / {max} characters", maxChars, { n: n, max: maxChars });
    charCount.classList.toggle("over-limit", n > maxChars);
  }

  // ---- autosave ------------------------------------------------------------------------

  function setStatus(text, kind) {
    saveStatus.textContent = text;
    saveStatus.className = "save-status" + (kind ? " save-" + kind : "");
  }

  function autosave() {
    if (state.saving || state.submitting || note.value === state.lastSaved) { return; }
    var text = note.value;
    state.saving = true;
    postJSON(root.dataset.draftUrl, { text: text }).then(function (r) {
      state.saving = false;
      if (r.ok) {
        state.lastSaved = text;
        state.failures = 0;
        setStatus((r.data.empty ? t("Draft cleared {time}", { time: timeNow() }) : t("Saved {time}", { time: timeNow() })), "ok");
        show(noteError, r.data.warning || "");
      } else if (r.outcome === "unreachable") {
        state.failures += 1;
        setStatus(r.status ? t("Not saved yet — the server is not reachable, we retry") : t("Offline — will retry"),
                  "offline");
      } else {
        var refusal = r.data.error || t("the server refused the draft");
        setStatus(t("Not saved — {reason}", { reason: refusal }), "error");
      }
    });
  }

  setInterval(autosave, autosaveMs);
  window.addEventListener("online", autosave);
  window.addEventListener("beforeunload", function (event) {
    if (note.value !== state.lastSaved) { event.preventDefault(); event.returnValue = ""; }
  });

  // ---- splitting: the server's one rule (POST /capture/split), asked as the text is edited ---------

  function squash(s) { return s.split(/\s+/).filter(Boolean).join(" "); }

  var splitTimer = null;

  function requestSplit() {
    clearTimeout(splitTimer);
    var text = cleanText.value;
    splitTimer = setTimeout(function () {
      postJSON(root.dataset.splitUrl, { text: text }).then(function (r) {
        if (text !== cleanText.value) { return; }   // edited again meanwhile: a newer answer follows
        if (r.ok) { state.textIdeas = r.data.ideas || []; renderIdeas(); }
        else if (r.outcome === "unreachable") { setTimeout(requestSplit, backoff(1)); }
      });
    }, 250);
  }

  // ---- preview -------------------------------------------------------------------------

  function key(s) { return s.trim().toLowerCase(); }

  function compose() {
    return state.segments.map(function (s) {
      if (s.kind === "text") { return s.text; }
      if (s.kind === "redact" && s.restorable && state.restored[key(s.text)]) { return s.text; }
      if (s.kind === "flag" && state.kept[key(s.text)]) { return s.text; }
      return s.placeholder;
    }).join("");
  }

  function usingCleanIdeas() { return useCleanIdeas.checked && !cleanIdeasSection.hidden; }

  function ideasToSubmit() {
    if (!usingCleanIdeas()) { return { texts: state.textIdeas, meta: null, fromText: true }; }
    var chosen = state.cleanIdeas.filter(function (idea) { return idea.text.trim(); });
    return { texts: chosen.map(function (idea) { return squash(idea.text); }),
             meta: chosen.map(function (idea) {
               return { kind: idea.kind, support: idea.support, source: sourceSentence(idea) };
             }) };
  }

  // The anonymized sentence an idea came from (stored only if the conference keeps sources).
  function sourceSentence(idea) {
    var t = state.sourceText, a = idea.start, b = idea.end;
    if (!t || a === undefined || b === undefined) { return ""; }
    while (a > 0 && !/[\n.?!]/.test(t.charAt(a - 1))) { a -= 1; }
    while (b < t.length && !/[\n.?!]/.test(t.charAt(b - 1))) { b += 1; }
    return t.slice(a, b).trim();
  }

  function updateSubmitButton() {
    var n = ideasToSubmit().texts.length;
    submitButton.disabled = n === 0;
    submitButton.textContent = tn("Submit {n} idea", "Submit {n} ideas", n);
  }

  function renderIdeas() {
    ideaList.textContent = "";
    if (usingCleanIdeas()) {
      state.cleanIdeas.forEach(function (idea, i) { ideaList.appendChild(cleanIdeaEditor(idea, i)); });
    } else {
      state.textIdeas.forEach(function (idea) { ideaList.appendChild(el("li", "idea-item", idea)); });
    }
    updateSubmitButton();
  }

  // ---- clean ideas: edit, kind, support, drop, source highlight -------------------------

  function showSource(idea) {
    var text = state.sourceText;
    cleanSource.textContent = "";
    if (!idea) { cleanSource.appendChild(document.createTextNode(text)); return; }
    cleanSource.appendChild(document.createTextNode(text.slice(0, idea.start)));
    var mark = el("mark", "source", text.slice(idea.start, idea.end));
    cleanSource.appendChild(mark);
    cleanSource.appendChild(document.createTextNode(text.slice(idea.end)));
    if (mark.scrollIntoView) { mark.scrollIntoView({ block: "nearest" }); }
  }

  function splitIdea(idea, at) {
    var first = idea.text.slice(0, at).trim(), second = idea.text.slice(at).trim();
    if (!first || !second) { return; }
    idea.text = first;
    var copy = { text: second, kind: idea.kind, support: 0, start: idea.start, end: idea.end };
    state.cleanIdeas.splice(state.cleanIdeas.indexOf(idea) + 1, 0, copy);
    renderIdeas();
  }

  function mergeWithNext(idea) {
    var at = state.cleanIdeas.indexOf(idea), next = state.cleanIdeas[at + 1];
    if (!next) { return; }
    idea.text = idea.text.trim() + " " + next.text.trim();
    idea.support = Math.max(idea.support, next.support);  // the same people may have backed both
    idea.start = Math.min(idea.start, next.start);
    idea.end = Math.max(idea.end, next.end);
    state.cleanIdeas.splice(at + 1, 1);
    renderIdeas();
  }

  function cleanIdeaEditor(idea, i) {
    var li = el("li", "idea-item clean-idea");
    var text = el("textarea", "clean-idea-text");
    text.value = idea.text;
    text.setAttribute("aria-label", t("Idea {n}", { n: i + 1 }));
    text.addEventListener("input", function () { idea.text = text.value; updateSubmitButton(); });
    var kind = el("select", "clean-idea-kind");
    kind.setAttribute("aria-label", t("Kind of idea {n}", { n: i + 1 }));
    KINDS.forEach(function (k) {
      var option = el("option", "", KIND_LABELS[k] || k);
      option.value = k;
      option.selected = k === idea.kind;
      kind.appendChild(option);
    });
    kind.addEventListener("change", function () { idea.kind = kind.value; });
    var support = el("input", "clean-idea-support");
    support.type = "number"; support.min = "0"; support.max = "500"; support.step = "1";
    support.value = String(idea.support || 0);
    support.setAttribute("aria-label", t("People in the room who supported idea {n}", { n: i + 1 }));
    support.addEventListener("input", function () {
      var n = parseInt(support.value, 10);
      idea.support = isNaN(n) ? 0 : Math.max(0, Math.min(500, n));
    });
    var drop = el("button", "secondary small clean-idea-drop", t("Drop"));
    drop.type = "button";
    drop.setAttribute("aria-label", t("Drop idea {n}", { n: i + 1 }));
    drop.addEventListener("click", function () {
      state.cleanIdeas.splice(state.cleanIdeas.indexOf(idea), 1);
      renderIdeas();
      showSource(null);
    });
    var split = el("button", "secondary small clean-idea-split", t("Split at cursor"));
    split.type = "button";
    split.setAttribute("aria-label", t("Split idea {n} at the cursor", { n: i + 1 }));
    split.addEventListener("click", function () { splitIdea(idea, text.selectionStart); });
    var merge = el("button", "secondary small clean-idea-merge", t("Merge with next"));
    merge.type = "button";
    merge.setAttribute("aria-label", t("Merge idea {n} with the next one", { n: i + 1 }));
    merge.disabled = i === state.cleanIdeas.length - 1;
    merge.addEventListener("click", function () { mergeWithNext(idea); });
    var controls = el("div", "clean-idea-controls");
    // The sentence is cut around the number field; French puts it at the same place.
    var supportLabel = el("label", "", t("Supported by") + " ");
    supportLabel.appendChild(support);
    supportLabel.appendChild(document.createTextNode(" " + t("in the room")));
    controls.appendChild(kind);
    controls.appendChild(supportLabel);
    controls.appendChild(split);
    controls.appendChild(merge);
    controls.appendChild(drop);
    li.appendChild(text);
    li.appendChild(controls);
    li.addEventListener("focusin", function () { showSource(idea); });
    li.addEventListener("mouseenter", function () { showSource(idea); });
    return li;
  }

  function applyDecisions() {
    if (!state.cleanDirty) {
      var composed = compose();
      if (composed !== cleanText.value) { cleanText.value = composed; requestSplit(); }
      renderIdeas();
    } else {
      show(restoreMessage, t("Your edited text was kept. Use “Rebuild from the preview” to apply this change."));
    }
    renderPreviewNote();
  }

  function describe(s) {
    return t("Removed {label}: {reason}", { label: s.label_name, reason: s.reason });
  }

  function renderPreviewNote() {
    previewNote.textContent = "";
    state.segments.forEach(function (s, i) {
      if (s.kind === "text") { previewNote.appendChild(document.createTextNode(s.text)); return; }
      var restored = s.kind === "redact" && state.restored[key(s.text)];
      var kept = s.kind === "flag" && state.kept[key(s.text)];
      var mark = el("mark", s.kind === "flag" ? "flagged" : (restored ? "restored" : "redacted"));
      mark.tabIndex = 0;
      mark.id = "seg-" + i;
      mark.dataset.reason = s.kind === "flag" ? t("To confirm — {label}: {reason}", { label: s.label_name, reason: s.reason }) : describe(s);
      mark.title = mark.dataset.reason;
      mark.setAttribute("aria-label", (restored || kept ? s.text : s.placeholder) + ". " + mark.dataset.reason);
      mark.textContent = (restored || kept || s.kind === "flag") ? s.text : s.placeholder;
      previewNote.appendChild(mark);
    });
  }

  function percent(confidence) { return Math.round((confidence === undefined ? 1 : confidence) * 100); }

  // An uncertain removal: removed by default; the rapporteur looks, then keeps it removed or restores it.
  function uncertainChoice(s) {
    var box = el("span", "uncertain-choice");
    if (state.confirmed[key(s.text)]) {
      box.appendChild(el("span", "confirmed", t("Removal confirmed")));
      return box;
    }
    box.appendChild(el("span", "uncertain-note", t("Uncertain: check that the idea keeps its substance.") + " "));
    var confirm = el("button", "secondary small confirm-removal", t("Keep removed"));
    confirm.type = "button";
    confirm.setAttribute("aria-label", t("Keep “{term}” removed", { term: s.text }));
    confirm.addEventListener("click", function () { state.confirmed[key(s.text)] = true; renderLists(); });
    box.appendChild(confirm);
    return box;
  }

  function restoreButton(s) {
    var restored = state.restored[key(s.text)];
    var button = el("button", "secondary small", restored ? t("Undo restore") : t("Restore"));
    button.type = "button";
    // Several Restore buttons on one list: each names its term for screen readers.
    button.setAttribute("aria-label", restored ? t("Undo restore of “{term}”", { term: s.text })
      : t("Restore “{term}”", { term: s.text }));
    button.addEventListener("click", function () { toggleRestore(s); });
    return button;
  }

  function removalItem(s) {
    var li = el("li", "removal" + (s.uncertain ? " uncertain" : ""));
    li.appendChild(el("span", "placeholder", s.placeholder));
    li.appendChild(document.createTextNode(" — " + s.label_name + ": " + s.reason + " "));
    li.appendChild(el("span", "confidence", t("(confidence {n}%)", { n: percent(s.confidence) }) + " "));
    li.appendChild(el("span", "removed-original", "(" + t("“{term}”", { term: s.text }) + ")"));
    li.appendChild(document.createTextNode(" "));
    if (s.uncertain && !state.restored[key(s.text)]) { li.appendChild(uncertainChoice(s)); li.appendChild(document.createTextNode(" ")); }
    if (s.restorable) { li.appendChild(restoreButton(s)); }
    else { li.appendChild(el("span", "muted", t("cannot be restored"))); }
    return li;
  }

  function flagItem(s, i) {
    var item = el("li", "flag");
    item.appendChild(el("span", "flag-text", t("“{term}”", { term: s.text })));
    item.appendChild(document.createTextNode(" — " + s.label_name + ": " + s.reason + " "));
    var group = el("span", "flag-choice");
    ["remove", "keep"].forEach(function (choice) {
      var label = el("label");
      var radio = document.createElement("input");
      radio.type = "radio";
      radio.name = "flag-" + i;
      radio.value = choice;
      radio.checked = (choice === "keep") === !!state.kept[key(s.text)];
      radio.addEventListener("change", function () {
        if (choice === "keep") { state.kept[key(s.text)] = true; } else { delete state.kept[key(s.text)]; }
        applyDecisions();
      });
      label.appendChild(radio);
      label.appendChild(document.createTextNode(" " + (choice === "remove" ? t("Remove") : t("Keep"))));
      group.appendChild(label);
    });
    item.appendChild(group);
    return item;
  }

  function renderLists() {
    removalList.textContent = "";
    flagList.textContent = "";
    var seenFlags = {}, removals = 0, toCheck = 0;
    state.segments.forEach(function (s, i) {
      if (s.kind === "redact") {
        removals += 1;
        if (s.uncertain && !state.confirmed[key(s.text)] && !state.restored[key(s.text)]) { toCheck += 1; }
        removalList.appendChild(removalItem(s));
      } else if (s.kind === "flag" && !seenFlags[key(s.text)]) {
        seenFlags[key(s.text)] = true;
        flagList.appendChild(flagItem(s, i));
      }
    });
    if (!removals) { removalList.appendChild(el("li", "muted", t("Nothing was removed."))); }
    show(uncertainSummary, toCheck ? tn("{n} uncertain removal to check: it is removed unless you restore it.",
      "{n} uncertain removals to check: they are removed unless you restore them.", toCheck) : "");
    flagsSection.hidden = flagList.children.length === 0;
  }

  function restoreAnswered(k, r) {
    if (r.ok && r.data.allowed) {
      state.restored[k] = true;
      show(restoreMessage, t("Restored. The restore is recorded for the co-chairs when you submit."));
      restoreMessage.className = "flash flash-success";
    } else {
      show(restoreMessage, r.data.error || t("This term cannot be restored."));
      restoreMessage.className = "flash flash-error";
    }
    renderLists();
    applyDecisions();
  }

  function toggleRestore(segment, attempt) {
    var k = key(segment.text);
    attempt = attempt || 0;
    if (state.restored[k] && !attempt) {
      delete state.restored[k];
      show(restoreMessage, "");
      renderLists();
      applyDecisions();
      return;
    }
    var previewed = state.previewedNote;
    postJSON(root.dataset.restoreUrl, { term: segment.text, note: previewed || note.value }).then(function (r) {
      if (r.outcome === "unreachable" && attempt < 8 && previewed === state.previewedNote) {
        show(restoreMessage, UNREACHABLE);
        restoreMessage.className = "flash flash-error";
        setTimeout(function () { toggleRestore(segment, attempt + 1); }, backoff(attempt));
        return;
      }
      restoreAnswered(k, r);
    });
  }

  // ---- warm start: Preview waits until this server has its models loaded ----------------------
  var previewButton = document.getElementById("preview-button");
  var readyStatus = document.getElementById("ready-status");
  var serverReady = false;

  function checkReady() {
    fetch(root.dataset.readyUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (response.ok) {
          serverReady = true;
          previewButton.disabled = false;
          readyStatus.hidden = true;
          return;
        }
        setTimeout(checkReady, 1000);
      })
      .catch(function () { setTimeout(checkReady, 2000); });
  }

  function runPreview() {
    if (!serverReady) { readyStatus.hidden = false; return; }
    show(noteError, "");
    if (!note.value.trim()) { show(noteError, t("The note is empty: type what the group said, then preview it.")); return; }
    if (note.value.length > maxChars) {
      show(noteError, t("The note is {n} characters long; the limit is {max}. Split it and submit it in parts. " +
        "Your draft is kept.", { n: note.value.length, max: maxChars }));
      return;
    }
    autosave();
    requestPreview(note.value, 0);
  }

  function showPreview(text, data) {
    state.segments = data.segments;
    state.restored = {};
    state.kept = {};
    state.confirmed = {};
    state.cleanDirty = false;
    state.previewedNote = text;
    state.sourceText = data.text || "";
    state.textIdeas = data.ideas || [];
    cleanText.value = data.text || "";
    state.cleanIdeas = (data.clean_ideas || []).map(function (idea) {
      return { text: idea.text, kind: idea.kind, support: idea.support || 0, start: idea.start, end: idea.end };
    });
    cleanIdeasSection.hidden = state.cleanIdeas.length === 0;
    useCleanIdeas.checked = state.cleanIdeas.length > 0;
    showSource(null);
    show(restoreMessage, "");
    previewSummary.textContent = tn("{n} removal", "{n} removals", data.removed) +
      (data.flagged ? ", " + tn("{n} detail to confirm", "{n} details to confirm", data.flagged) : "") + ". " +
      t("Hover or focus a highlight to see why.");
    renderLists();
    applyDecisions();
    storedSection.hidden = true;
    previewSection.hidden = false;
    previewNote.focus();
  }

  function requestPreview(text, attempt) {
    previewSummary.textContent = t("Anonymizing…");
    postJSON(root.dataset.previewUrl, { text: text }).then(function (r) {
      if (r.ok) { show(noteError, ""); showPreview(text, r.data); return; }
      if (r.outcome === "unreachable" && attempt < 12) {
        // Nothing is wrong with the sign-in: say so, and ask again while the note is the same.
        show(noteError, UNREACHABLE);
        setTimeout(function () { if (note.value === text) { requestPreview(text, attempt + 1); } }, backoff(attempt));
        return;
      }
      show(noteError, r.data.error || t("The preview failed. Your draft is kept."));
    });
  }

  // ---- submit --------------------------------------------------------------------------

  function clearPreview() {
    state.segments = [];
    state.restored = {};
    state.kept = {};
    previewNote.textContent = "";
    removalList.textContent = "";
    flagList.textContent = "";
    cleanText.value = "";
    ideaList.textContent = "";
    state.cleanIdeas = [];
    state.sourceText = "";
    cleanSource.textContent = "";
    cleanIdeasSection.hidden = true;
    previewSection.hidden = true;
  }

  function showStored(data) {
    storedList.textContent = "";
    data.ideas.forEach(function (idea) {
      var item = el("li", "idea-item", idea.text);
      if (idea.lang) { item.lang = idea.lang; }   // each idea in its own language, for screen readers
      storedList.appendChild(item);
    });
    storedSummary.textContent = tn("{n} idea stored", "{n} ideas stored", data.stored) +
      (data.removed_again ? " (" + tn("{n} more item removed by the final check", "{n} more items removed by the final check",
        data.removed_again) + ")" : "") + ".";
    storedSection.hidden = false;
  }

  function submitted(data) {
    state.submitting = false;
    state.submissionKey = data.next_submission_key;
    note.value = "";
    state.lastSaved = "";   // the server destroyed the draft
    updateCount();
    clearPreview();
    show(noteError, "");
    showStored(data);
    setStatus(t("Submitted {time}", { time: timeNow() }), "ok");
    note.focus();
  }

  function submitPayload() {
    var chosen = ideasToSubmit();
    if (!chosen.texts.length) { return null; }
    var payload = { submission_key: state.submissionKey, restored: Object.keys(state.restored),
                    kept: Object.keys(state.kept) };
    // Clean-text mode: the server splits the text by its one rule.
    if (chosen.fromText) { payload.ideas_text = cleanText.value; } else { payload.ideas = chosen.texts; }
    if (chosen.meta) { payload.idea_meta = chosen.meta; }
    // A restored term is vetted again in the note it was restored in.
    if (payload.restored.length && state.previewedNote) { payload.note = state.previewedNote; }
    return payload;
  }

  // The same payload and submission key on every attempt: a retry can never store the ideas twice.
  function submitIdeas(attempt, payload) {
    payload = payload || submitPayload();
    if (!payload) { show(noteError, t("There are no ideas to submit.")); return; }
    state.submitting = true;
    submitButton.disabled = true;
    submitButton.textContent = attempt ? t("Retrying…") : t("Submitting…");
    postJSON(root.dataset.submitUrl, payload).then(function (r) {
      if (r.ok) { submitted(r.data); return; }
      if (r.outcome === "unreachable" && attempt < 40) {
        show(noteError, UNREACHABLE);
        setTimeout(function () { submitIdeas(attempt + 1, payload); }, backoff(attempt));
        return;
      }
      state.submitting = false;
      renderIdeas();
      show(noteError, r.data.error || t("The ideas could not be stored. Your draft is kept."));
    });
  }

  // ---- wiring --------------------------------------------------------------------------

  note.addEventListener("input", function () {
    updateCount();
    if (!previewSection.hidden && state.previewedNote !== null && note.value !== state.previewedNote) {
      previewSummary.textContent = t("The note changed since this preview: press Ctrl+Enter to preview again.");
    }
  });
  note.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); runPreview(); }
  });
  cleanText.addEventListener("input", function () { state.cleanDirty = true; requestSplit(); });
  useCleanIdeas.addEventListener("change", renderIdeas);
  cleanText.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!state.submitting) { submitIdeas(0); }
    }
  });
  previewButton.addEventListener("click", runPreview);
  document.getElementById("rebuild-button").addEventListener("click", function () {
    state.cleanDirty = false;
    show(restoreMessage, "");
    applyDecisions();
  });
  document.getElementById("cancel-preview").addEventListener("click", function () {
    previewSection.hidden = true;
    note.focus();
  });
  submitButton.addEventListener("click", function () { if (!state.submitting) { submitIdeas(0); } });
  document.getElementById("note-form").addEventListener("submit", function (event) {
    event.preventDefault();   // with the script running, submitting goes through the preview
    runPreview();
  });

  updateCount();
  checkReady();
}());
