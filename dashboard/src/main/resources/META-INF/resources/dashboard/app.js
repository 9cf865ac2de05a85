// The dashboard's entry: hash routes (#/runs, #/runs/<id>, #/trends), one view at a time, and the live indicator.
import {runsView} from './runs.js';
import {runView} from './run.js';
import {trendsView} from './trends.js';
import {html} from './format.js';

const main = document.getElementById('main');
const live = document.getElementById('live');
let current = null;

const LIVE_TEXT = {
    live: 'live', connecting: 'connecting\u2026', reconnecting: 'live updates lost, reconnecting\u2026',
    closed: '', off: ''
};

/** What the views tell the header about their event stream. */
export function setLive(state) {
    live.dataset.state = state;
    live.textContent = LIVE_TEXT[state] ?? state;
}

function parse() {
    const hash = location.hash.replace(/^#/, '') || '/runs';
    const [path, q] = hash.split('?');
    const params = Object.fromEntries(new URLSearchParams(q || ''));
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    return {parts, params};
}

function route() {
    if (current && current.dispose) {
        current.dispose();
    }
    setLive('off');
    const {parts, params} = parse();
    const section = parts[0] || 'runs';
    document.querySelectorAll('[data-nav]').forEach(a => {
        if (a.dataset.nav === section && parts.length <= 1) {
            a.setAttribute('aria-current', 'page');
        } else {
            a.removeAttribute('aria-current');
        }
    });
    main.innerHTML = '<p class="loading">Loading\u2026</p>';
    if (section === 'runs' && parts.length === 1) {
        current = runsView(main, params, setLive);
    } else if (section === 'runs' && parts.length === 2) {
        current = runView(main, parts[1], setLive);
    } else if (section === 'trends') {
        current = trendsView(main, params);
    } else {
        current = null;
        main.innerHTML = html`<h1>Not found</h1><p>There is no page <code>${location.hash}</code>.
            <a href="#/runs">See the runs</a>.</p>`.text;
    }
}

window.addEventListener('hashchange', route);
route();

// A bug in a view must not leave a blank page: say what broke, keep the navigation.
function broken(message) {
    const box = document.createElement('div');
    box.className = 'error-box';
    box.setAttribute('role', 'alert');
    box.textContent = 'The dashboard hit an error: ' + message + '. Reload the page to try again.';
    main.prepend(box);
}

window.addEventListener('error', e => broken(e.message));
window.addEventListener('unhandledrejection', e => broken(e.reason && e.reason.message ? e.reason.message : String(e.reason)));
