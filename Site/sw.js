/*
 * The service worker of this edition of the site, written by handbook build. Its template is
 * given the cache's version and the list of files only: no text of the handbook reaches it.
 * Once a reader has opened the handbook from a web server, it keeps working without a network:
 * every file is cached on installation, under a name that changes with the site's content, old
 * caches are removed when a new edition takes over, and the site's own files are served from
 * the cache first.
 */
'use strict';

var PREFIX = 'handbook-' + self.registration.scope + '-';
var CACHE = PREFIX + '673ea5d358fcaefd';
var FILES = ["assets/embed.js","assets/epub.css","assets/favicon.svg","assets/handbook.css","assets/offline.js","assets/reading.js","assets/search.js","changes.html","chapters/boundaries-with-patients.html","chapters/comment-debate-and-concerns.html","chapters/confidentiality.html","chapters/identity-and-anonymity.html","chapters/images-and-recordings.html","chapters/introduction.html","chapters/lessons-from-real-cases.html","chapters/privacy-and-visibility.html","chapters/professional-standards.html","chapters/reviews-and-criticism.html","chapters/sources.html","chapters/the-rise-in-calls-for-advice.html","chapters/trolling-and-abuse.html","chapters/what-you-can-gain.html","index.html","manifest.webmanifest","page.css","print.html","rule-previews.js","rules/ABU-1.html","rules/ABU-2.html","rules/ABU-3.html","rules/ABU-4.1.html","rules/ABU-4.2.html","rules/ABU-4.html","rules/ACC-1.html","rules/ACC-2.html","rules/ACC-3.html","rules/BND-1.html","rules/BND-2.html","rules/BND-3.1.html","rules/BND-3.2.html","rules/BND-3.html","rules/BND-4.html","rules/BND-5.html","rules/COM-1.html","rules/COM-2.html","rules/COM-3.html","rules/COM-4.html","rules/CONF-1.html","rules/CONF-2.1.html","rules/CONF-2.2.html","rules/CONF-2.html","rules/CONF-3.html","rules/CONF-4.html","rules/GAIN-1.html","rules/GAIN-2.html","rules/GAIN-3.1.html","rules/GAIN-3.2.html","rules/GAIN-3.html","rules/GAIN-4.html","rules/GAIN-5.html","rules/IMG-1.html","rules/IMG-2.html","rules/IMG-3.html","rules/IMG-4.html","rules/PRIV-1.html","rules/PRIV-2.1.html","rules/PRIV-2.2.html","rules/PRIV-2.3.html","rules/PRIV-2.html","rules/PRIV-3.html","rules/PRIV-4.html","rules/PRO-1.html","rules/PRO-2.html","rules/PRO-3.html","rules/PRO-4.1.html","rules/PRO-4.2.html","rules/PRO-4.html","rules/PRO-5.1.html","rules/PRO-5.2.html","rules/PRO-5.html","rules/REV-1.html","rules/REV-2.html","rules/REV-3.html","rules/REV-4.html","rules/index.html","search-index-1.js","search-index.js","search.html","tips/before-you-post.html","tips/everyday-habits.html","tips/if-you-are-criticised-or-abused.html","tips/setting-up-your-accounts.html","tips/sharing-cases-and-images.html"];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(FILES.map(function (file) { return new URL(file, self.registration.scope).href; }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.href.indexOf(self.registration.scope) !== 0) return;
  if (url.pathname.slice(-1) === '/') url.pathname += 'index.html';
  url.search = '';
  url.hash = '';
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(url.href).then(function (hit) { return hit || fetch(request); });
  }));
});
