// The runs list: filters (status, image tag, branch), paging, and live updates from GET /api/events.
import {follow, getJson, query} from './api.js';
import {duration, html, raw, shortCommit, time} from './format.js';
import {errorBox, statusBadge} from './common.js';

const STATUSES = ['running', 'passed', 'failed', 'error', 'cancelled'];
const PAGE_SIZE = 20;

export function runsView(root, params, setLive) {
    const filters = {
        status: STATUSES.includes(params.status) ? params.status : '',
        image_tag: params.image_tag || '',
        branch: params.branch || '',
        page: Math.max(0, parseInt(params.page || '0', 10) || 0)
    };
    let disposed = false;
    let loading = null;
    let again = false;
    let retry = null;
    let changed = new Set();
    const refused = new Map();

    root.innerHTML = html`
        <h1>Runs</h1>
        <form class="filters" id="filters" role="search" aria-label="Filter runs">
            <label>Status
                <select name="status">
                    <option value="">any</option>
                    ${STATUSES.map(s => html`<option value="${s}" ${s === filters.status ? raw('selected') : ''}>${s}</option>`)}
                </select>
            </label>
            <label>Image tag <input name="image_tag" value="${filters.image_tag}" size="16" autocomplete="off"></label>
            <label>Branch <input name="branch" value="${filters.branch}" size="16" autocomplete="off"></label>
            <button type="submit">Apply</button>
            <a href="#/runs" class="clear">Clear filters</a>
        </form>
        <p id="runs-news" class="visually-hidden" role="status"></p>
        <div id="runs-body" aria-busy="true"><p class="loading">Loading runs\u2026</p></div>`.text;

    root.querySelector('#filters').addEventListener('submit', e => {
        e.preventDefault();
        const form = new FormData(e.target);
        location.hash = '#/runs' + query({status: form.get('status'), image_tag: form.get('image_tag').trim(),
            branch: form.get('branch').trim()});
    });
    root.querySelector('#filters select').addEventListener('change', e => e.target.form.requestSubmit());

    const body = root.querySelector('#runs-body');
    const news = root.querySelector('#runs-news');

    async function load() {
        if (loading) {
            again = true;
            return loading;
        }
        clearTimeout(retry);
        loading = (async () => {
            try {
                const page = await getJson('/api/runs' + query({...filters, size: PAGE_SIZE}));
                if (!disposed) {
                    render(page);
                }
            } catch (e) {
                if (!disposed) {
                    body.innerHTML = errorBox(e, 'The runs could not be read').text;
                    body.querySelector('button.retry')?.addEventListener('click', () => load());
                    if (e.down) {
                        retry = setTimeout(load, 5000);
                    }
                }
            } finally {
                body.setAttribute('aria-busy', 'false');
                loading = null;
                if (again && !disposed) {
                    again = false;
                    load();
                }
            }
        })();
        return loading;
    }

    function render(page) {
        const items = page.items || [];
        const total = page.total ?? items.length;
        if (!items.length) {
            const filtered = filters.status || filters.image_tag || filters.branch;
            body.innerHTML = (total > 0
                ? html`<div class="empty"><p>No run on this page: there are ${total}.</p>
                    <p><a href="${pageHref(0)}">Go to the first page</a></p></div>`
                : filtered
                ? html`<div class="empty"><p>No run matches these filters${filters.page ? ' on this page' : ''}.</p>
                    <p><a href="#/runs">Show every run</a></p></div>`
                : html`<div class="empty"><p><strong>No runs yet.</strong></p><p>Start one with
                    <code>bin/inttest run</code> (or <code>run_pipeline.sh</code>) while the resident stack is up;
                    it appears here as soon as it is requested.</p></div>`).text;
            return;
        }
        const from = page.page * page.size + 1;
        const to = page.page * page.size + items.length;
        body.innerHTML = html`
            <table class="runs">
                <caption>${from}\u2013${to} of ${total} runs, newest first</caption>
                <thead><tr><th scope="col">Run</th><th scope="col">Status</th><th scope="col">Image tag</th>
                    <th scope="col">Branch</th><th scope="col">Requested</th><th scope="col" class="num">Duration</th>
                    <th scope="col" class="num">Exit code</th><th scope="col">Tests</th>
                    <th scope="col" class="num">Slow endpoints</th><th scope="col" class="num">Regressions</th></tr></thead>
                <tbody>${items.map(row)}</tbody>
            </table>
            <nav class="pager" aria-label="Pages">
                ${page.page > 0 ? html`<a rel="prev" href="${pageHref(page.page - 1)}">\u2190 Newer</a>` : ''}
                <span>page ${page.page + 1} of ${Math.max(1, Math.ceil(total / page.size))}</span>
                ${to < total ? html`<a rel="next" href="${pageHref(page.page + 1)}">Older \u2192</a>` : ''}
            </nav>`.text;
        changed = new Set();
    }

    function row(r) {
        const t = r.tests;
        const running = r.status === 'running';
        return html`<tr data-run-id="${r.run_id}" class="${changed.has(r.run_id) ? 'changed' : ''}">
            <td><a href="#/runs/${encodeURIComponent(r.run_id)}">${r.run_id}</a>
                ${r.commit ? html`<div class="sub">commit <code>${shortCommit(r.commit)}</code></div>` : ''}</td>
            <td>${statusBadge(r.status)}${running && r.stage ? html`<div class="sub">${r.stage}</div>` : ''}
                ${r.attempt > 1 ? html`<div class="sub attempt">attempt ${r.attempt}</div>` : ''}
                ${r.cancelled_by ? html`<div class="sub cancelled-by">cancelled by ${r.cancelled_by}${r.cancel_reason
                    ? `: ${r.cancel_reason}` : ''}</div>` : ''}
                ${refused.has(r.run_id) ? html`<div class="sub replay-refused">replay refused: ${refused.get(
                    r.run_id)}</div>` : ''}</td>
            <td><code>${r.image_tag}</code></td>
            <td>${r.branch || '\u2014'}</td>
            <td>${time(r.requested_at)}</td>
            <td class="num">${running ? 'running' : duration(r.duration_s)}</td>
            <td class="num exit">${r.exit_code ?? '\u2014'}</td>
            <td class="tests">${t ? tests(t) : '\u2014'}</td>
            <td class="num slow">${r.slow_endpoints ?? '\u2014'}</td>
            <td class="num regressions">${r.regressions ?? '\u2014'}</td>
        </tr>`;
    }

    /** 10/12 passed, 1 failed, 1 error (errors: what is neither passed, failed nor skipped). */
    function tests(t) {
        const errors = Math.max(0, t.total - t.passed - (t.failed || 0) - (t.skipped || 0));
        return html`${t.passed}/${t.total} passed${t.failed ? html`, <strong class="failed">${t.failed} failed</strong>`
            : ''}${errors ? html`, <strong class="failed">${errors} ${errors === 1 ? 'error' : 'errors'}</strong>`
            : ''}${t.skipped ? `, ${t.skipped} skipped` : ''}`;
    }

    function pageHref(p) {
        return '#/runs' + query({status: filters.status, image_tag: filters.image_tag, branch: filters.branch,
            page: p || ''});
    }

    // Live: every run's events; the list is read again (at most every 0.5 s), heartbeats change nothing shown.
    let timer = null;
    const stream = follow('/api/events', (type, data) => {
        if (type === 'stage.heartbeat') {
            return;
        }
        if (data.run_id) {
            changed.add(data.run_id);
            // said once for a screen reader: a new run, or a run's verdict (not every stage)
            if (type === 'run.requested') {
                news.textContent = `Run ${data.run_id} requested.`;
            } else if (type === 'run.replay') {
                refused.delete(data.run_id);
                news.textContent = `Run ${data.run_id} replayed from ${data.stage} as attempt ${data.attempt}.`;
            } else if (type === 'run.replay-refused') {
                refused.set(data.run_id, data.reason || 'no reason given');
                news.textContent = `Replay of run ${data.run_id} refused: ${data.reason || 'no reason given'}.`;
            } else if (type === 'run.verdict' || type === 'verdict') {
                news.textContent = `Run ${data.run_id} ${data.status || 'finished'}.`;
            }
        }
        clearTimeout(timer);
        timer = setTimeout(load, 500);
    }, state => {
        setLive(state);
        if (state === 'live') {
            load();
        }
    });

    load();
    return {
        dispose() {
            disposed = true;
            clearTimeout(timer);
            clearTimeout(retry);
            stream.close();
        }
    };
}
