// Offline support for routines: pages, styles and scripts a runner has opened are kept, and
// served from the cache when the network is gone. Network first, so edits show when online.
// The runner's private player (/m/{token}/play/{slug}) and run coach (/m/{token}/run/{stage}) are kept too: this Cache Storage lives in
// this browser only (the pages' Cache-Control: no-store still keeps them out of shared caches),
// and a private page is only ever answered for its own full address, which holds its token.
"use strict";
var CACHE = "kneereset-routines-v1";
// Styles, scripts and the icon carry a fingerprint in their names (MapStaticAssets); a new build means new names.
var PUBLIC = /^\/((routines|exercises|css|js|api\/routines)(\/|$)|favicon\.)/;
var PRIVATE = /^\/m\/[A-Za-z0-9_-]+\/(play|routines|run)\/[a-z0-9-]+$/;

function kept(url) {
  return url.origin === self.location.origin && (PUBLIC.test(url.pathname) || PRIVATE.test(url.pathname));
}

function offline() {
  return new Response("You are offline and this page was not saved yet.", { status: 503, headers: { "Content-Type": "text/plain" } });
}

function store(request, response) {
  // Only a page or file as it is: never an error, and never where a redirect led.
  if (!response.ok || response.redirected || response.type !== "basic") { return Promise.resolve(); }
  return caches.open(CACHE).then(function (cache) { return cache.put(request, response); });
}

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

// The player asks for its page and its files to be kept as soon as it opens: the page was
// fetched before this worker controlled it, and offline it must not depend on a second visit.
self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "keep" || !Array.isArray(data.urls)) { return; }
  var urls = data.urls.map(function (u) { return new URL(u, self.location.origin); }).filter(kept);
  event.waitUntil(Promise.all(urls.map(function (url) {
    return fetch(url.href, { credentials: "same-origin" }).then(function (response) { return store(url.href, response); });
  })).then(function () {
    if (event.source) { event.source.postMessage({ type: "kept" }); }
  }, function () { /* offline already, or a file failed: the next visit keeps it */ }));
});

self.addEventListener("fetch", function (event) {
  var url = new URL(event.request.url);
  if (event.request.method !== "GET" || !kept(url)) { return; }
  event.respondWith(fetch(event.request).then(function (response) {
    var copy = response.clone();
    event.waitUntil(store(event.request, copy));
    return response;
  }).catch(function () {
    return caches.match(event.request).then(function (hit) {
      // A private page answers for its own full address only; a public one also without its query.
      if (hit || PRIVATE.test(url.pathname)) { return hit || offline(); }
      return caches.match(url.origin + url.pathname).then(function (bare) { return bare || offline(); });
    });
  }));
});
