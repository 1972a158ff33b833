// Runs before the app, as a plain script so it can't be slowed by the wasm download:
// 1. paints the owner's chosen theme at once (no flash of the other one), and
// 2. keeps the browser's install offer (beforeinstallprompt) until the app can show its button.
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
})();
