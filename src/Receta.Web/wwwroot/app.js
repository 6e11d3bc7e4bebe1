// Receta in the browser, beyond plain HTML: registers the service worker (sw.js), which keeps the
// pages last seen for when there is no connection, and keeps what is logged without a connection
// (entries, work sessions, habit ticks and skips from the dashboard's and a goal page's forms) until
// it can be sent; and moves between a chart's points with the arrow keys. Every page works without
// this script: the forms post as they always do, and a chart's points show on tap, hover and focus.
(() => {
    'use strict';

    if ('serviceWorker' in navigator) {
        navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => { /* pages work without it */ });
    }

    const account = document.body.dataset.account;
    const status = document.querySelector('[data-queue]');
    const SENT = 'receta-sent';

    // The queue: one IndexedDB store, each item under its Idempotency-Key, so sending it twice
    // (two tabs, a lost answer) makes the server do it once.
    const open = () => new Promise((resolve, reject) => {
        const request = indexedDB.open('receta', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('queue', { keyPath: 'key' });
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
    });
    const withQueue = async (mode, use) => {
        const db = await open();
        return new Promise((resolve, reject) => {
            const transaction = db.transaction('queue', mode);
            const request = use(transaction.objectStore('queue'));
            transaction.oncomplete = () => resolve(request.result);
            transaction.onerror = () => reject(transaction.error);
        });
    };
    const waiting = async () => (await withQueue('readonly', queue => queue.getAll()))
        .filter(item => item.account === account)
        .sort((a, b) => a.at - b.at);

    const tell = text => {
        status.textContent = text;
        status.hidden = false;
    };
    const list = (template, labels) => template.replace('{0}', labels.join('; '));

    // The day of the phone where it was done: sent tomorrow, it still counts for today.
    const today = () => {
        const now = new Date();
        const two = n => String(n).padStart(2, '0');
        return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
    };

    const language = document.documentElement.lang || 'en';
    const shown = field => {
        if (field.type === 'number') {
            return new Intl.NumberFormat(language, { maximumFractionDigits: 6 }).format(Number(field.value));
        }
        if (field.type === 'date') {
            const [year, month, day] = field.value.split('-').map(Number);
            return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(year, month - 1, day));
        }
        return field.value;
    };

    // What a form says to the API: each control marked data-offline-field="{json name}" (a number as
    // a number, an empty number as null, other empty fields left out), the phone's today when no date
    // was asked for; told by its data-offline-label, each "{json name}" in it replaced by what was typed.
    // A button can carry its own API address and label (a habit's tick and skip share one form).
    const queue = async (form, source) => {
        const body = {};
        let label = source.dataset.offlineLabel;
        for (const field of [...form.elements].filter(element => element.dataset.offlineField)) {
            const name = field.dataset.offlineField;
            const value = field.value.trim();
            if (field.type === 'number') {
                body[name] = value === '' ? null : Number(value);
            } else if (value !== '') {
                body[name] = value;
            }
            label = label.replace(`{${name}}`, value === '' ? '' : shown(field));
        }
        body.date ??= today();
        const item = {
            key: crypto.randomUUID(),
            account,
            at: Date.now(),
            url: source.dataset.offlineApi,
            body,
            label: label.trim(),
        };
        await withQueue('readwrite', store => store.put(item));
        form.reset();
        tell(list(status.dataset.queued, (await waiting()).map(i => i.label)));
    };

    // Oldest first, with the key each was queued under. An answer removes the item (a refusal is
    // told); no connection, a server error, a signed-out session or a send still running for the
    // same key leave it for the next time.
    let sending = false;
    const send = async () => {
        if (sending || !navigator.onLine) {
            return;
        }
        sending = true;
        try {
            const items = await waiting();
            if (items.length === 0) {
                return;
            }
            const antiforgery = await fetch('/api/v1/auth/antiforgery', { credentials: 'same-origin' });
            if (!antiforgery.ok) {
                return;
            }
            const token = await antiforgery.json();
            const sent = [];
            const refused = [];
            for (const item of items) {
                const response = await fetch(item.url, {
                    method: 'POST',
                    credentials: 'same-origin',
                    headers: { 'Content-Type': 'application/json', [token.headerName]: token.token, 'Idempotency-Key': item.key },
                    body: JSON.stringify(item.body),
                });
                const later = response.status === 401 || response.status === 429 || response.status >= 500
                    || (response.status === 409 && response.headers.has('Retry-After'));
                if (later) {
                    break;
                }
                if (response.ok) {
                    sent.push(item.label);
                } else {
                    const problem = await response.json().catch(() => ({}));
                    refused.push(`${item.label} (${problem.detail || problem.title || response.status})`);
                }
                await withQueue('readwrite', store => store.delete(item.key));
            }
            if (sent.length || refused.length) {
                // The page shows what was sent once it is read again with it.
                sessionStorage.setItem(SENT, JSON.stringify({ sent, refused }));
                location.reload();
            }
        } catch {
            // No connection after all: everything stays queued.
        } finally {
            sending = false;
        }
    };

    // Posts the form as the browser would have, with the button pressed (form.submit() leaves it out).
    const post = (form, submitter) => {
        if (submitter && submitter.name) {
            const pressed = Object.assign(document.createElement('input'), { type: 'hidden', name: submitter.name, value: submitter.value });
            form.append(pressed);
        }
        form.submit();
    };

    if (account && status && 'indexedDB' in window) {
        document.addEventListener('submit', event => {
            const form = event.target;
            const source = [event.submitter, form].find(element => element && element.dataset.offlineApi);
            if (source && !navigator.onLine) {
                event.preventDefault();
                // A phone that cannot keep it (storage full or refused) posts it as without this
                // script, and the browser says it is offline: never dropped without a word.
                queue(form, source).catch(() => post(form, event.submitter));
            } else if (!navigator.onLine && form.method === 'post') {
                // Anything else needs the server: the page stays as it is, with what was typed in it,
                // rather than the browser's "no internet" page.
                event.preventDefault();
                tell(status.dataset.needsConnection);
            }
        });
        const told = sessionStorage.getItem(SENT);
        if (told) {
            sessionStorage.removeItem(SENT);
            const { sent, refused } = JSON.parse(told);
            tell([
                sent.length ? list(status.dataset.sent, sent) : '',
                refused.length ? list(status.dataset.refused, refused) : '',
            ].join(' ').trim());
        }
        waiting().then(items => {
            if (items.length && !navigator.onLine) {
                tell(list(status.dataset.queued, items.map(i => i.label)));
            }
        });
        window.addEventListener('online', send);
        send();
    }

    // A line chart's points (LineChart.razor): only one is in the tab order; the arrow keys move to the
    // one before or after, Home and End to the ends, and Tab comes back to the one left focused.
    document.addEventListener('keydown', event => {
        const point = event.target instanceof Element && event.target.closest('[data-chart-point]');
        if (!point) {
            return;
        }
        const points = [...point.parentNode.querySelectorAll('[data-chart-point]')];
        const at = points.indexOf(point);
        const to = points[{ ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: points.length - 1 }[event.key]];
        if (to) {
            event.preventDefault();
            point.tabIndex = -1;
            to.tabIndex = 0;
            to.focus();
        }
    });

    // Signing out forgets the pages kept for this account on this phone.
    document.addEventListener('submit', event => {
        if (event.target.matches('form[action="/signout"]') && !event.defaultPrevented && 'caches' in window) {
            caches.delete('receta-pages');
        }
    });
})();
