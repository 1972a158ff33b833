// Runs before the app, as a plain script so it can't be slowed by the wasm download:
// 1. paints the owner's chosen theme at once (no flash of the other one), and
// 2. keeps the browser's install offer (beforeinstallprompt) until the app can show its button,
// 3. turns the start-up screen in index.html (#boot) into a way out when the app can't start.
// The theme is `theme` in the JSON of localStorage "ratbond/device" (src/store/device.rs).
(function () {
  'use strict';
  var root = document.documentElement;
  var dark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  function chosen() {
    try {
      var prefs = JSON.parse(window.localStorage.getItem('ratbond/device') || '{}');
      return prefs && prefs.theme;
    } catch (e) {
      return null;
    }
  }

  // The app passes the owner's choice in, so it shows even when storage refused to keep it.
  var choice = null;
  function apply(newChoice) {
    if (newChoice) choice = newChoice;
    var theme = choice || chosen();
    if (theme !== 'light' && theme !== 'dark') theme = dark && dark.matches ? 'dark' : 'light';
    root.setAttribute('data-theme', theme);
    var bar = theme === 'dark' ? '#1f1a17' : '#f6efe6';
    var metas = document.querySelectorAll('meta[name="theme-color"]');
    for (var i = 0; i < metas.length; i++) metas[i].setAttribute('content', bar);
  }

  window.ratbondApplyTheme = apply;
  apply();
  if (dark && dark.addEventListener) dark.addEventListener('change', function () { apply(); });
  window.addEventListener('storage', function (e) {
    if (e.key === 'ratbond/device' || e.key === null) {
      choice = null;
      apply();
    }
  });

  function installChanged() {
    window.dispatchEvent(new Event('ratbond-install'));
  }
  window.addEventListener('beforeinstallprompt', function (e) {
    e.preventDefault();
    window.ratbondInstall = e;
    installChanged();
  });
  window.addEventListener('appinstalled', function () {
    window.ratbondInstall = null;
    installChanged();
  });

  // The app removes #boot when it starts; while it is still there, an error or a long wait
  // means the owner would be left looking at "Getting ready…" for ever.
  root.classList.add('js');
  function stuck(failed) {
    var boot = document.getElementById('boot');
    if (!boot) return;
    document.getElementById('boot-wait').hidden = true;
    document.getElementById('boot-stuck').hidden = false;
    if (failed) {
      document.getElementById('boot-stuck-slow').hidden = true;
      document.getElementById('boot-stuck-failed').hidden = false;
    }
  }
  window.addEventListener('error', function () { stuck(true); });
  window.addEventListener('unhandledrejection', function () { stuck(true); });
  document.addEventListener('DOMContentLoaded', function () {
    if (typeof WebAssembly !== 'object') stuck(true);
  });
  setTimeout(function () { stuck(false); }, 20000);

  // When the app starts it hides #boot (data-leaving, src/platform.rs). Chromium times a paint
  // after the task that painted it, and forgets it if the node is gone by then: remove the
  // screen only once the first Largest Contentful Paint has been reported (or the app's
  // one-second fallback does it).
  var painted = false;
  var leaving = false;
  function leave() {
    var boot = document.getElementById('boot');
    if (painted && leaving && boot) boot.remove();
  }
  try {
    if (PerformanceObserver.supportedEntryTypes.indexOf('largest-contentful-paint') < 0) throw 0;
    new PerformanceObserver(function () {
      painted = true;
      leave();
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch (e) {
    painted = true;
  }
  new MutationObserver(function (list, observer) {
    observer.disconnect();
    leaving = true;
    leave();
  }).observe(root, { subtree: true, attributes: true, attributeFilter: ['data-leaving'] });
  document.addEventListener('click', function (e) {
    if (e.target && e.target.id === 'boot-retry') window.location.reload();
  });
})();
