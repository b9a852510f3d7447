// Offline support for routines: pages, styles and scripts a runner has opened are kept, and
// served from the cache when the network is gone. Network first, so edits show when online.
"use strict";
var CACHE = "kneereset-routines-v1";
// Styles, scripts and the icon carry a fingerprint in their names (MapStaticAssets); a new build means new names.
var CACHED = /^\/((routines|exercises|css|js|api\/routines)(\/|$)|favicon\.)/;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin || !CACHED.test(url.pathname)) { return; }
  event.respondWith(fetch(event.request).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(event.request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(event.request, { ignoreSearch: false }).then(function (hit) {
      return hit || caches.match(url.pathname) || new Response("You are offline and this page was not saved yet.", { status: 503, headers: { "Content-Type": "text/plain" } });
    });
  }));
});
