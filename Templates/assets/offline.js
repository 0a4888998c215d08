/*
 * Registers the handbook's service worker, so that a reader who has opened the handbook from a
 * web server can keep reading it without a network. Not on file://, where there is nothing to
 * register and the files are on the disk already.
 */
(function () {
  'use strict';
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(window.location.protocol)) return;
  var script = document.currentScript;
  if (!script) return;
  var root = new URL('..', script.src);
  // The web app manifest is linked here rather than in the page: from the disk, Chromium
  // refuses to load it and logs an error.
  var manifest = document.createElement('link');
  manifest.rel = 'manifest';
  manifest.href = new URL('manifest.webmanifest', root).href;
  document.head.appendChild(manifest);
  window.addEventListener('load', function () {
    navigator.serviceWorker.register(new URL('sw.js', root).href, {scope: root.href}).catch(function () {
      // Offline reading is a bonus: a site served where workers are not allowed still works.
    });
  });
})();
