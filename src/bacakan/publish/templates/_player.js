/* bacakan reader: progressive enhancement of the native <audio controls>.
   No live regions and no focus moves (the highlight is visual only); no single-key shortcuts. */
(function () {
  "use strict";
  var audio = document.getElementById("narasi");
  var panel = document.getElementById("kontrol");
  var text = document.getElementById("teks");
  if (!audio || !panel || !text) { return; }

  function load(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } }
  function save(key, value) { try { window.localStorage.setItem(key, value); } catch (e) { /* private mode */ } }

  /* Speed, remembered across articles. */
  var speed = document.getElementById("kecepatan");
  var RATE_KEY = "bacakan.kecepatan";
  function knownRate(value) {
    for (var i = 0; i < speed.options.length; i++) { if (speed.options[i].value === value) { return true; } }
    return false;
  }
  var savedRate = load(RATE_KEY);
  if (savedRate !== null && knownRate(savedRate)) { speed.value = savedRate; }
  function applyRate() {
    var rate = parseFloat(speed.value) || 1;
    audio.defaultPlaybackRate = rate;
    audio.playbackRate = rate;
  }
  applyRate();
  audio.addEventListener("loadedmetadata", applyRate); /* a new source resets the rate */
  speed.addEventListener("change", function () { applyRate(); save(RATE_KEY, speed.value); });
  /* Chromium's own "more controls" menu can change the rate too: keep the select honest. */
  audio.addEventListener("ratechange", function () {
    var shown = String(audio.playbackRate);
    if (knownRate(shown) && shown !== speed.value) { speed.value = shown; save(RATE_KEY, shown); }
  });

  /* Back / forward 10 s: seeking without dragging (2.5.7). */
  function seek(to) {
    var end = isFinite(audio.duration) ? audio.duration : to;
    audio.currentTime = Math.max(0, Math.min(to, end));
  }
  var jumps = panel.querySelectorAll("[data-lompat]");
  for (var j = 0; j < jumps.length; j++) {
    jumps[j].addEventListener("click", function (event) {
      seek(audio.currentTime + parseFloat(event.currentTarget.getAttribute("data-lompat")));
    });
  }

  /* Sentences with their exact audio times, in time order. */
  var spans = [];
  var nodes = text.querySelectorAll(".kalimat[data-start][data-end]");
  for (var k = 0; k < nodes.length; k++) {
    var start = parseFloat(nodes[k].getAttribute("data-start"));
    var stop = parseFloat(nodes[k].getAttribute("data-end"));
    if (stop > start) { spans.push({ el: nodes[k], start: start, end: stop }); }
  }
  spans.sort(function (a, b) { return a.start - b.start; });

  var highlight = document.getElementById("sorot");
  var follow = document.getElementById("gulir");
  var HIGHLIGHT_KEY = "bacakan.sorot";
  if (load(HIGHLIGHT_KEY) === "0") { highlight.checked = false; }
  var MAX_PAUSE = 2.0; /* keep the sentence lit through the short pause before the next one */

  function spoken(t) {
    var lo = 0, hi = spans.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (spans[mid].start <= t) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    if (found < 0) { return null; }
    var s = spans[found];
    if (t < s.end) { return s; }
    var next = spans[found + 1];
    if (next && t < next.start && next.start - s.end <= MAX_PAUSE) { return s; }
    return null;
  }

  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var autoScrolling = false;
  var autoScrollTimer = 0;
  function inView(el) {
    var r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= (window.innerHeight || document.documentElement.clientHeight);
  }
  function bringIntoView(el) {
    if (inView(el)) { return; }
    autoScrolling = true;
    window.clearTimeout(autoScrollTimer);
    el.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
    autoScrollTimer = window.setTimeout(function () { autoScrolling = false; }, reduceMotion ? 100 : 1200);
  }
  /* Auto-scroll is opt-in and stops as soon as the reader scrolls by themselves. */
  function readerScrolled() { if (!autoScrolling && follow.checked) { follow.checked = false; } }
  window.addEventListener("wheel", function () { autoScrolling = false; readerScrolled(); }, { passive: true });
  window.addEventListener("touchmove", function () { autoScrolling = false; readerScrolled(); }, { passive: true });
  window.addEventListener("scroll", readerScrolled, { passive: true });
  window.addEventListener("scrollend", function () { autoScrolling = false; });

  var current = null;
  function update() {
    var hit = highlight.checked ? spoken(audio.currentTime) : null;
    if (hit === current) { return; }
    if (current) { current.el.classList.remove("dibaca"); }
    if (hit) {
      hit.el.classList.add("dibaca");
      if (follow.checked) { bringIntoView(hit.el); }
    }
    current = hit;
  }
  var frame = 0;
  function tick() { update(); frame = audio.paused ? 0 : window.requestAnimationFrame(tick); }
  audio.addEventListener("play", function () { if (!frame) { frame = window.requestAnimationFrame(tick); } });
  audio.addEventListener("timeupdate", update);
  audio.addEventListener("seeked", update);
  audio.addEventListener("ended", update);
  highlight.addEventListener("change", function () { save(HIGHLIGHT_KEY, highlight.checked ? "1" : "0"); update(); });
  follow.addEventListener("change", function () { if (follow.checked && current) { bringIntoView(current.el); } });

  /* "Play from here": an opt-in mode, so the text does not add hundreds of Tab stops by default. */
  var mode = document.getElementById("putar-dari-sini");
  var MODE_KEY = "bacakan.putarDariSini";
  function applyMode() {
    text.classList.toggle("bisa-diputar", mode.checked);
    for (var m = 0; m < spans.length; m++) {
      if (mode.checked) {
        spans[m].el.setAttribute("role", "button");
        spans[m].el.setAttribute("tabindex", "0");
      } else {
        spans[m].el.removeAttribute("role");
        spans[m].el.removeAttribute("tabindex");
      }
    }
  }
  if (load(MODE_KEY) === "1") { mode.checked = true; }
  applyMode();
  mode.addEventListener("change", function () { save(MODE_KEY, mode.checked ? "1" : "0"); applyMode(); });
  function playFrom(el) {
    seek(parseFloat(el.getAttribute("data-start")));
    var started = audio.play();
    if (started && started.catch) { started.catch(function () { /* blocked or no source: stay quiet */ }); }
  }
  function sentenceOf(target) {
    var el = target && target.closest ? target.closest(".kalimat[data-start]") : null;
    return mode.checked && el && text.contains(el) ? el : null;
  }
  text.addEventListener("click", function (event) {
    var el = sentenceOf(event.target);
    var selection = window.getSelection ? window.getSelection() : null;
    if (el && (!selection || selection.isCollapsed)) { playFrom(el); }
  });
  text.addEventListener("keydown", function (event) {
    var el = sentenceOf(event.target);
    if (!el || event.target !== el || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); playFrom(el); }
  });

  panel.hidden = false;
  update();
}());
