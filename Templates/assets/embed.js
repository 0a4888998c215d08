/*
 * In an embedded page: tell the parent page how tall this page is, whenever that changes, so an
 * intranet can size the iframe. Works in a sandboxed frame (allow-scripts only): posting a
 * message needs no access to the parent.
 */
(function () {
  'use strict';
  if (window.parent === window) return;
  var last = -1;
  function send() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({type: 'handbook:height', height: height}, '*');
  }
  if ('ResizeObserver' in window) new ResizeObserver(send).observe(document.documentElement);
  window.addEventListener('load', send);
  send();
})();
