// Receta's service worker: plain JavaScript, no build step. Pages come from the network whenever
// it answers; the dashboard and the goal pages last seen are kept, and shown when it does not,
// under the banner "offline — last updated {time}". Static files (the script, the manifest, the
// icons) are served from the cache and refreshed behind. Nothing here sends anything: the
// offline queue is app.js's, in the page.
'use strict';

const PAGES = 'receta-pages';
const FILES = 'receta-files-v1';
const KEPT_AT = 'X-Receta-Kept-At';

self.addEventListener('install', event => {
    event.waitUntil(caches.open(FILES).then(files => files.addAll(['/manifest.webmanifest'])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
    event.waitUntil((async () => {
        for (const name of await caches.keys()) {
            if (name !== PAGES && name !== FILES) {
                await caches.delete(name);
            }
        }
        await self.clients.claim();
    })());
});

self.addEventListener('fetch', event => {
    const request = event.request;
    const url = new URL(request.url);
    if (url.origin !== self.location.origin || request.method !== 'GET' || url.pathname.startsWith('/api/')) {
        return;
    }
    if (request.mode === 'navigate') {
        event.respondWith(page(request, url));
    } else if (url.pathname !== '/sw.js') {
        event.respondWith(file(event, request));
    }
});

// The pages worth having on the bus: the dashboard and each goal's page (any asOf).
const keeps = url => url.pathname === '/' || /^\/goals\/[^/]+$/.test(url.pathname);

// A signed-out page means whoever comes next on this phone must not see the last account's pages.
const signedOut = url => url.pathname === '/signin' || url.pathname === '/signup';

const page = async (request, url) => {
    try {
        const response = await fetch(request);
        if (signedOut(url)) {
            await caches.delete(PAGES);
        } else if (response.status === 200 && response.type === 'basic' && keeps(url)) {
            const headers = new Headers(response.headers);
            headers.set(KEPT_AT, String(Date.now()));
            const kept = new Response(await response.clone().blob(), { status: 200, headers });
            await (await caches.open(PAGES)).put(url.href, kept);
        }
        return response;
    } catch (offline) {
        const pages = await caches.open(PAGES);
        const kept = (await pages.match(url.href)) || (await pages.match(new URL('/', url).href));
        return kept ? banner(kept) : Response.error();
    }
};

// The kept page with its banner shown, its time written in the page's own language.
const banner = async kept => {
    const html = await kept.text();
    const at = new Date(Number(kept.headers.get(KEPT_AT)));
    const language = (/<html lang="([^"]+)"/.exec(html) || [])[1] || 'en';
    const when = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
    const shown = html
        .replace(' data-offline-banner hidden>', ' data-offline-banner>')
        .replace('{updated}', `<time datetime="${at.toISOString()}">${when}</time>`);
    return new Response(shown, { status: 200, headers: kept.headers });
};

const file = async (event, request) => {
    const files = await caches.open(FILES);
    const cached = await files.match(request);
    const fresh = fetch(request).then(response => {
        if (response.status === 200 && response.type === 'basic') {
            return files.put(request, response.clone()).then(() => response);
        }
        return response;
    });
    if (cached) {
        event.waitUntil(fresh.catch(() => undefined));
        return cached;
    }
    return fresh;
};
