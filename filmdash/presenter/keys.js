// Presenter mode's keyboard. Fixed code, no data: it clicks the page's hidden buttons (a rerun of
// the script, no reload) and, for ?autoplay=N, advances every N seconds and loops. The presenter
// takes over from autoplay with any key the deck answers to (it pauses); P pauses and resumes.
(function () {
  var doc = window.parent && window.parent.document ? window.parent.document : document;
  var win = doc.defaultView || window;
  if (win.__filmdashPresenter) return;
  win.__filmdashPresenter = true;
  function click(key) {
    var button = doc.querySelector(".st-key-" + key + " button");
    if (button) { button.click(); return true; }
    return false;
  }
  function state() {
    var el = doc.querySelector(".present-state");
    return el ? {slide: +el.dataset.slide, total: +el.dataset.total} : null;
  }
  var digits = "", digitTimer = null;
  // ?autoplay=N: a plain decimal from 0.2 to 86400 seconds, as screen.py reads it (AUTOPLAY_MIN/MAX);
  // parseFloat alone took "1e400" as Infinity, which setInterval runs as a delay of 0
  var raw = (new URLSearchParams(win.location.search).get("autoplay") || "").trim();
  var seconds = /^[0-9]{1,6}(\.[0-9]{1,3})?$/.test(raw) ? parseFloat(raw) : NaN;
  var autoplayMs = seconds >= 0.2 && seconds <= 86400 ? seconds * 1000 : 0, paused = false;
  function jump() {
    var s = state(), n = parseInt(digits, 10);
    digits = "";
    if (s && n >= 1) click("present_goto_" + Math.min(n, s.total));
  }
  doc.addEventListener("keydown", function (event) {
    if (!state() || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA")) return;
    var key = event.key, s = state();
    if (key === "ArrowRight" || key === "PageDown" || key === " ") click("present_next");
    else if (key === "ArrowLeft" || key === "PageUp") click("present_prev");
    else if (key === "Home") click("present_goto_1");
    else if (key === "End") click("present_goto_" + s.total);
    else if (/^[0-9]$/.test(key)) {
      digits += key;
      clearTimeout(digitTimer);
      if (parseInt(digits + "0", 10) > s.total) jump(); else digitTimer = setTimeout(jump, 600);
    }
    else if (key === "f" || key === "F") {
      if (doc.fullscreenElement) doc.exitFullscreen(); else doc.documentElement.requestFullscreen().catch(function () {});
    }
    else if (key === "l" || key === "L") click("present_lang");
    else if (key === "d" || key === "D") doc.body.classList.toggle("present-tools-open");
    else if ((key === "p" || key === "P") && autoplayMs) { setPaused(!paused); event.preventDefault(); return; }
    else return;
    if (autoplayMs) setPaused(true);  // the presenter has taken over: the booth loop waits for P
    event.preventDefault();
  });
  // A chart's point labels that would sit on another text at this screen size are hidden (plotly drops
  // crowded tick labels the same way): every label left is legible, none is drawn over another.
  function overlaps(a, b) {
    return Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 &&
           Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
  }
  function declutter(gd) {
    var fixed = [], labels = [];
    gd.querySelectorAll("svg text").forEach(function (el) {
      if (!el.textContent.trim()) return;
      var isLabel = el.closest(".textpoint, .bartext") !== null;
      if (isLabel) el.style.visibility = "";
      var box = el.getBoundingClientRect();
      if (box.width === 0) return;
      (isLabel ? labels : fixed).push({el: el, box: box});
    });
    var kept = fixed.map(function (f) { return f.box; });
    labels.forEach(function (label) {
      if (kept.some(function (box) { return overlaps(box, label.box); })) label.el.style.visibility = "hidden";
      else kept.push(label.box);
    });
  }
  win.setInterval(function () {
    doc.querySelectorAll(".st-key-present_stage .js-plotly-plot").forEach(function (gd) {
      if (gd.__presentDeclutter || typeof gd.on !== "function") return;
      gd.__presentDeclutter = true;
      gd.on("plotly_afterplot", function () { declutter(gd); });
      declutter(gd);
    });
  }, 150);
  function advance() {
    var app = doc.querySelector('[data-testid="stApp"]');
    if (app && app.dataset.testScriptState === "running") return;  // never queue clicks on a busy server
    click("present_loop");
  }
  // Paused: no timer at all. Resumed: a whole period before the next advance, so the slide the
  // presenter left on gets its full time.
  function setPaused(value) {
    paused = value;
    if (win.__filmdashAutoplay) { win.clearInterval(win.__filmdashAutoplay); win.__filmdashAutoplay = null; }
    if (!paused) win.__filmdashAutoplay = win.setInterval(advance, autoplayMs);
    doc.documentElement.dataset.presentAutoplay = paused ? "paused" : "playing";
  }
  if (autoplayMs) setPaused(false);
})();
