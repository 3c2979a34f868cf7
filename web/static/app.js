// Verisight search page: streams an answer from /api/answer/stream and builds the overview claim by claim.
// The model's draft only ever goes into the collapsed "drafting" area; the overview is built from verified
// `claim` events and rebuilt from the final answer on `done`. All text goes in through textContent, never HTML.
// Keep the markup in step with templates/_answer.html and web/present.py.
(function () {
  "use strict";

  var REASONS = {
    supported: "Supported by a cited source.",
    unsupported: "Not confirmed by the sources.",
    contradicted: "The sources say otherwise.",
    satire: "From a satirical source.",
    unreliable_source: "Only from user-generated or low-credibility sources."
  };
  var BADGES = {
    reliable: "Reliable", unknown: "Unknown reliability", user_generated: "User-generated",
    unreliable: "Unreliable", satire: "Satire"
  };
  var MODES = {
    generated: "Written by {model} from the sources",
    extractive: "Quoted from the sources",
    declined: "Not in the sources"
  };
  function modeLabel(mode, model) {
    return (MODES[mode] || "Overview").replace("{model}", model || "a language model");
  }

  var form = document.getElementById("search-form");
  if (!form || !window.fetch || !window.TextDecoder) { return; }  // the server-rendered page works without us
  var $ = function (id) { return document.getElementById(id); };
  var state = { sources: {}, answerId: "", controller: null, counts: { keep: 0, hedge: 0, drop: 0 } };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function webUrl(url) { return /^https?:\/\//i.test(url || "") ? url : ""; }

  function goHref(sourceId, claimId) {
    if (!state.answerId) {
      var s = state.sources[sourceId];
      return (s && webUrl(s.url)) || "#source-" + sourceId;
    }
    var q = new URLSearchParams({ answer: state.answerId, source: String(sourceId) });
    if (claimId) { q.set("claim", claimId); }
    return "/go?" + q.toString();
  }

  function cachedHref(sourceId, claimId) {
    var q = new URLSearchParams({ answer: state.answerId });
    if (claimId) { q.set("claim", claimId); }
    return "/cached/" + encodeURIComponent(String(sourceId)) + "?" + q.toString() + "#quote";
  }

  function splitDisplay(text) {
    var body = (text || "").replace(/\s*\[\d+(?:\s*,\s*\d+)*\]/g, "").replace(/\s+$/, "");
    var last = body.slice(-1);
    return ".!?".indexOf(last) >= 0 && last ? [body.slice(0, -1), last] : [body, ""];
  }

  function quotes(claim) {
    var out = {};
    ((claim.verdict || {}).evidence || []).forEach(function (ev) {
      if (ev.quote && !(ev.source_id in out)) { out[ev.source_id] = ev.quote; }
    });
    return out;
  }

  function claimSpan(claim) {
    var parts = splitDisplay(claim.display || claim.text);
    var span = el("span", { "class": "claim claim-" + claim.action, id: "claim-" + claim.id,
                            "data-label": (claim.verdict || {}).label || "" });
    if (claim.action === "hedge") { span.appendChild(el("span", { "class": "visually-hidden", text: "Hedged claim: " })); }
    span.appendChild(document.createTextNode(parts[0]));
    var q = quotes(claim);
    (claim.citations || []).forEach(function (n) {
      var src = state.sources[n];
      if (!src) { return; }
      var tipId = "tip-" + claim.id + "-" + n;
      span.appendChild(document.createTextNode(" "));
      span.appendChild(el("a", { "class": "cite", href: "#source-" + n, "data-source": String(n),
                                 "data-claim": claim.id, "aria-describedby": tipId, text: "[" + n + "]" }));
      span.appendChild(el("span", { "class": "tip", role: "tooltip", id: tipId,
                                    text: q[n] ? "\u201c" + q[n] + "\u201d" : (src.title || "") }));
    });
    span.appendChild(document.createTextNode(parts[1]));
    return span;
  }

  function droppedItem(claim) {
    var label = (claim.verdict || {}).label || "";
    var reason = el("span", { "class": "reason" }, [el("strong", { text: REASONS[label] || "Not verified." })]);
    if ((claim.verdict || {}).reason) { reason.appendChild(document.createTextNode(" " + claim.verdict.reason)); }
    var li = el("li", { "class": "dropped-claim", "data-label": label }, [el("q", { text: claim.text }), reason]);
    var evidence = (claim.verdict || {}).evidence || [];
    if (label === "contradicted" && evidence.length) {
      var instead = el("span", { "class": "instead" }, ["What the sources say: "]);
      evidence.slice(0, 2).forEach(function (ev) {
        instead.appendChild(el("q", { text: ev.quote }));
        instead.appendChild(document.createTextNode(" "));
        instead.appendChild(el("a", { "class": "cite", href: "#source-" + ev.source_id, text: "[" + ev.source_id + "]" }));
      });
      li.appendChild(instead);
    }
    return li;
  }

  function sourceCard(s) {
    var label = (s.credibility || {}).label || "unknown";
    var link = el("a", { "class": "source-link", "data-source": String(s.id), rel: "noopener noreferrer",
                         href: goHref(s.id, "") },
                  [el("span", { "class": "visually-hidden", text: "Source " + s.id + ": " }), s.title || s.url]);
    var meta = el("p", { "class": "meta" }, [el("span", { "class": "site", text: s.site || "" })]);
    if (s.published) {
      meta.appendChild(document.createTextNode(" \u00b7 "));
      meta.appendChild(el("time", { datetime: s.published, text: s.published }));
    }
    var actions = null;
    if (state.answerId) {
      actions = el("p", { "class": "source-actions" }, [
        el("a", { "class": "cached-link", "data-source": String(s.id), href: cachedHref(s.id, "") },
           ["Cached copy", el("span", { "class": "visually-hidden", text: " of source " + s.id })]),
        " ", el("span", { "class": "muted", text: "(the stored text, quotes highlighted)" })]);
    }
    var badgeP = el("p", {}, [el("span", { "class": "badge badge-" + label, text: BADGES[label] || label })]);
    var reasons = (s.credibility || {}).reasons || [];
    if (reasons.length) { badgeP.appendChild(el("span", { "class": "reasons", text: " " + reasons.join("; ") })); }
    var h3 = el("h3", { id: "source-" + s.id + "-title" },
                [el("span", { "class": "num", "aria-hidden": "true", text: "[" + s.id + "]" }), " ", link]);
    return el("li", { "class": "source", id: "source-" + s.id, tabindex: "-1" },
              [el("article", { "aria-labelledby": "source-" + s.id + "-title" },
                  actions ? [h3, meta, actions, badgeP] : [h3, meta, badgeP])]);
  }

  function renderSources(list) {
    state.sources = {};
    var ul = $("sources");
    ul.textContent = "";
    (list || []).forEach(function (s) { state.sources[s.id] = s; ul.appendChild(sourceCard(s)); });
  }

  function addClaim(claim) {
    if (claim.action === "drop") {
      $("dropped").appendChild(droppedItem(claim));
      $("dropped-box").hidden = false;
    } else {
      var p = $("overview");
      if (p.childNodes.length) { p.appendChild(document.createTextNode(" ")); }
      p.appendChild(claimSpan(claim));
    }
    state.counts[claim.action] = (state.counts[claim.action] || 0) + 1;
  }

  function status(text) { $("status").textContent = text; }

  function showError(err) {
    var box = $("error");
    box.textContent = (err && err.message) || "Something went wrong.";
    box.hidden = false;
    status("");
    // No empty Overview / Sources skeleton under the error: show the answer box only if something arrived.
    var empty = !$("overview").childNodes.length && !$("sources").childNodes.length && !$("draft").textContent;
    if (empty) { $("answer").hidden = true; }
  }

  function renderPassages(answer) {
    var ol = $("passages");
    ol.textContent = "";
    (answer.passages || []).forEach(function (p) {
      var meta = el("p", { "class": "meta" });
      var name = p.title || p.url || "";
      if (p.source_id) { meta.appendChild(el("a", { href: goHref(p.source_id, ""), text: name })); }
      else { meta.textContent = name; }
      ol.appendChild(el("li", {}, [el("blockquote", { text: p.text || "" }), meta]));
    });
  }

  function finish(answer) {
    // The final answer is authoritative (the policy may change actions once every claim is known): rebuild.
    state.answerId = answer.answer_id;
    $("answer").setAttribute("data-answer-id", answer.answer_id);
    renderSources(answer.sources);
    $("overview").textContent = "";
    $("dropped").textContent = "";
    $("dropped-box").hidden = true;
    state.counts = { keep: 0, hedge: 0, drop: 0 };
    var claims = (answer.overview || {}).claims || [];
    claims.forEach(addClaim);
    $("draft").textContent = (answer.overview || {}).draft || $("draft").textContent;
    var mode = (answer.overview || {}).mode;
    $("ai-label").textContent = modeLabel(mode, (answer.models || {}).llm);
    var notice = (answer.overview || {}).notice || "";
    $("notice").textContent = notice;
    $("notice").hidden = !notice;
    var declined = mode === "declined";
    $("overview").hidden = declined;
    $("declined").hidden = !declined;
    $("drafting").hidden = declined;  // nothing was drafted: the sources do not answer the question
    $("ai-note").hidden = declined;
    if (declined) { renderPassages(answer); }
    var c = state.counts;
    var shown = c.keep + c.hedge;
    status(declined ? "Done: the indexed sources do not answer this; showing the closest passages."
                    : "Done: " + shown + " sentence" + (shown === 1 ? "" : "s") + " shown"
                      + (c.hedge ? " (" + c.hedge + " quoted with who says it)" : "")
                      + (c.drop ? "; " + c.drop + " left out." : "."));
  }

  function reset() {
    state.answerId = "";
    state.counts = { keep: 0, hedge: 0, drop: 0 };
    ["overview", "dropped", "sources", "passages", "draft"].forEach(function (id) { $(id).textContent = ""; });
    $("answer").hidden = false;
    $("answer").setAttribute("data-answer-id", "");
    $("overview").hidden = false;
    $("declined").hidden = true;
    $("drafting").hidden = false;
    $("ai-note").hidden = false;
    $("dropped-box").hidden = true;
    $("error").hidden = true;
    $("drafting").open = false;
    $("ai-label").textContent = "";
    $("notice").hidden = true;
  }

  function handle(kind, data) {
    if (kind === "sources") { renderSources(data); status("Found " + data.length + " source(s); drafting\u2026"); }
    else if (kind === "token") {
      if (!$("draft").textContent) {
        status("The model is drafting (open \u201cDrafting\u201d to watch); each claim appears here once it is checked.");
      }
      $("draft").appendChild(document.createTextNode(data));
    } else if (kind === "claim") {
      addClaim(data);
      status("Verifying claims\u2026 " + (state.counts.keep + state.counts.hedge + state.counts.drop) + " checked so far.");
    } else if (kind === "done") { finish(data); }
    else if (kind === "error") { showError(data.error); }
  }

  function parseBlock(block) {
    var kind = "message", data = [];
    block.split("\n").forEach(function (line) {
      if (line.indexOf("event:") === 0) { kind = line.slice(6).trim(); }
      else if (line.indexOf("data:") === 0) { data.push(line.slice(5).replace(/^ /, "")); }
    });
    if (!data.length) { return; }
    try { handle(kind, JSON.parse(data.join("\n"))); } catch (e) { showError({ message: "Bad event from the server." }); }
  }

  function ask(query) {
    if (state.controller) { state.controller.abort(); }
    var controller = new AbortController();
    state.controller = controller;
    reset();
    status("Searching\u2026");
    fetch("/api/answer/stream?" + new URLSearchParams({ q: query }).toString(),
          { headers: { Accept: "text/event-stream" }, signal: controller.signal })
      .then(function (res) {
        if (!res.ok || !res.body) {
          return res.json().then(function (b) { showError(b.error); }, function () {
            showError({ message: "The server answered " + res.status + "." });
          });
        }
        var reader = res.body.getReader(), decoder = new TextDecoder(), buffer = "";
        function pump() {
          return reader.read().then(function (r) {
            if (r.done) { if (buffer.trim()) { parseBlock(buffer); } return; }
            buffer += decoder.decode(r.value, { stream: true }).replace(/\r\n/g, "\n");
            var at;
            while ((at = buffer.indexOf("\n\n")) >= 0) {
              parseBlock(buffer.slice(0, at));
              buffer = buffer.slice(at + 2);
            }
            return pump();
          });
        }
        return pump();
      })
      .catch(function (e) { if (e.name !== "AbortError") { showError({ message: "The connection failed." }); } });
  }

  form.addEventListener("submit", function (ev) {
    var query = $("q").value.trim();
    ev.preventDefault();
    if (!query) {
      reset();
      $("answer").hidden = true;
      showError({ message: "Type a question first: the search box is empty." });
      $("q").focus();
      return;
    }
    history.pushState({ q: query }, "", "/?" + new URLSearchParams({ q: query }).toString());
    document.title = query + " \u00b7 Verisight";
    ask(query);
  });

  window.addEventListener("popstate", function () { window.location.reload(); });

  // Server-rendered answers already have their id; citations then carry the claim into the card's link.
  state.answerId = $("answer").getAttribute("data-answer-id") || "";
  Array.prototype.forEach.call(document.querySelectorAll(".source-link"), function (a) {
    var id = a.getAttribute("data-source");
    state.sources[id] = { id: id, url: a.getAttribute("data-url") || "" };
  });

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a.cite") : null;
    if (!a) { return; }
    var n = a.getAttribute("data-source"), claimId = a.getAttribute("data-claim") || "";
    var card = $("source-" + n);
    if (!card) { return; }
    var link = card.querySelector(".source-link");
    if (link && state.answerId) { link.setAttribute("href", goHref(n, claimId)); }
    var copy = card.querySelector(".cached-link");
    if (copy && state.answerId) { copy.setAttribute("href", cachedHref(n, claimId)); }
    Array.prototype.forEach.call(document.querySelectorAll(".source.highlight"), function (c) {
      c.classList.remove("highlight");
    });
    card.classList.add("highlight");
    ev.preventDefault();
    history.replaceState(history.state, "", "#source-" + n);
    card.focus();
  });
})();
