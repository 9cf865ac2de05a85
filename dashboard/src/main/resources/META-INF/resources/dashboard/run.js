// One run: summary, tests (failing first; after the stages while the run is in flight), the stage timeline as a Gantt chart of every attempt, budgets, latency
// per endpoint against the budget lines with the summary table (first call, warm/cold, slow, N+1, regression), the N+1
// statements, the regressions against the baseline, memory, SQL, promotion decisions and artifacts. While the run is in flight
// it follows GET /api/runs/{id}/events and redraws without a reload.
import {follow, getJson} from './api.js';
import {bars, gantt, legend} from './charts.js';
import {bytes, duration, html, ms, num, raw, shortCommit, time} from './format.js';
import {errorBox, runStatus, statusBadge} from './common.js';

const STAGES = ['infra_deploy', 'seed_data', 'service_deploy', 'integration_tests', 'profiling', 'teardown'];
const VERDICT_TYPES = ['run.verdict', 'verdict'];
const MAX_STATEMENTS = 15;

export function runView(root, runId, setLive) {
    const state = {doc: null, attempts: new Map(), lastBeat: null, promotions: null, artifacts: null, ended: false,
        replay: null, refused: null};
    let disposed = false;
    let stream = null;
    // the run's own stream ends with its verdict: a replay (or its refusal) is heard on the stream of every run
    const replays = follow('/api/events', onReplay);
    let ticker = null;
    let refetch = null;
    let retry = null;
    const base = `/api/runs/${encodeURIComponent(runId)}`;

    async function loadDoc() {
        clearTimeout(retry);
        try {
            state.doc = await getJson(base);
            state.error = null;
        } catch (e) {
            state.error = e;
            if (e.down || e.status === 404) {
                retry = setTimeout(loadDoc, 5000);
            }
        }
        if (disposed) {
            return;
        }
        if (state.doc && !isRunning()) {
            await Promise.all([loadPromotions(), loadArtifacts()]);
        }
        render();
        startStream();
    }

    function isRunning() {
        return state.doc && runStatus(state.doc) === 'running' && !state.ended;
    }

    async function loadPromotions() {
        try {
            const body = await getJson('/api/promotions?run_id=' + encodeURIComponent(runId));
            const order = {beta: 0, paper: 1, live: 2};
            state.promotions = (Array.isArray(body) ? body : (body.items || [])).sort((a, b) =>
                (order[a.stage] ?? 9) - (order[b.stage] ?? 9) || String(a.decided_at).localeCompare(String(b.decided_at)));
        } catch (e) {
            state.promotions = e;
        }
    }

    async function loadArtifacts() {
        if (Array.isArray(state.doc.artifacts)) {
            state.artifacts = state.doc.artifacts;
            return;
        }
        try {
            const body = await getJson(base + '/artifacts');
            state.artifacts = Array.isArray(body) ? body : (body.items || body.artifacts || []);
        } catch (e) {
            // a run the store knows nothing of is a run without artifacts
            state.artifacts = e.status === 404 ? [] : e;
        }
    }

    // Every run's page opens its event stream once: a finished run's stream replays its stage events (the
    // attempts of the Gantt chart) and ends with the verdict; a run in flight's goes on until its verdict.
    function startStream() {
        if (stream || disposed || !state.doc) {
            return;
        }
        stream = follow(base + '/events', onEvent, s => {
            if (isRunning()) {
                setLive(s);
            }
        });
        if (isRunning()) {
            ticker = setInterval(drawGantt, 1000);
        }
    }

    /** run.replay: the run is in flight again, as a new attempt; run.replay-refused: why not. */
    function onReplay(type, data) {
        if (data.run_id !== runId || disposed || !state.doc) {
            return;
        }
        if (type === 'run.replay-refused') {
            state.refused = data.reason || 'no reason given';
            render();
        } else if (type === 'run.replay' && !(state.replay && state.replay.attempt >= data.attempt)) {
            state.replay = data;
            state.refused = null;
            state.ended = false;
            state.doc = {...state.doc, status: 'running', attempt: data.attempt, stage: data.stage, exit_code: null,
                completed_at: null, duration_s: null, cancelled: null};
            const lane = attempt(data.stage, data.attempt);
            lane.start = lane.start || data.at;
            lane.status = lane.status || 'running';
            if (stream) {
                stream.close();
                stream = null;
            }
            clearInterval(ticker);
            render();
            startStream();
            clearTimeout(refetch);
            refetch = setTimeout(refresh, 300);
        }
    }

    function onEvent(type, data) {
        apply(type, data);
        if (VERDICT_TYPES.includes(type)) {
            stream.close();
            setLive('off');
            clearInterval(ticker);
            const wasRunning = isRunning();
            state.ended = true;
            if (wasRunning) {
                settle(0);
            } else {
                drawGantt();
            }
            return;
        }
        drawGantt();
        if (type !== 'stage.heartbeat' && isRunning()) {
            clearTimeout(refetch);
            refetch = setTimeout(refresh, 300);
        }
    }

    /** After the verdict: read the results until the history has them (it may lag the event by a moment). */
    async function settle(tries) {
        try {
            const doc = await getJson(base);
            if (doc.status === 'running' && tries < 20) {
                setTimeout(() => settle(tries + 1), 500);
                return;
            }
            state.doc = doc;
        } catch (e) {
            if (tries < 20) {
                setTimeout(() => settle(tries + 1), 500);
                return;
            }
        }
        await Promise.all([loadPromotions(), loadArtifacts()]);
        if (!disposed) {
            render();
        }
    }

    async function refresh() {
        try {
            state.doc = await getJson(base);
        } catch (e) {
            return;
        }
        if (!disposed && !state.ended) {
            render();
        }
    }

    function attempt(stage, n) {
        const key = `${stage}#${n || 1}`;
        if (!state.attempts.has(key)) {
            state.attempts.set(key, {stage, attempt: n || 1});
        }
        return state.attempts.get(key);
    }

    function apply(type, d) {
        if (!d.stage || !STAGES.includes(d.stage)) {
            return;
        }
        const a = attempt(d.stage, d.attempt);
        if (type === 'stage.started') {
            a.start = a.start || d.started_at || d.at;
            a.status = a.status || 'running';
        } else if (type === 'stage.heartbeat') {
            a.start = a.start || d.at;
            a.status = a.status || 'running';
            state.lastBeat = d.at;
        } else if (type === 'stage.completed') {
            a.start = d.started_at || a.start || (d.at && typeof d.duration_s === 'number'
                ? new Date(Date.parse(d.at) - d.duration_s * 1000).toISOString() : d.at);
            a.end = d.completed_at || d.at;
            a.status = d.status || 'ok';
            a.reason = d.error ? `${d.error.kind}: ${d.error.message}` : (d.reason || a.reason);
        } else if (type === 'run.timed-out') {
            a.end = a.end || d.detected_at || d.at;
            a.status = 'failed';
            a.reason = d.reason || 'timed out';
        }
    }

    /** Rows of the Gantt chart: the stream's attempts merged with the document's stages, in chain order. */
    function ganttRows() {
        const doc = state.doc;
        const origin = Date.parse(doc.requested_at || doc.started_at) || null;
        const stages = doc.stages || {};
        const rows = [];
        const now = Date.now();
        let t0 = origin;
        let prevEnd = 0;
        const all = [];
        STAGES.forEach(stage => {
            const s = stages[stage] || {};
            // every attempt the results list (a replay adds one): a lane each; one that never completed stays
            // "no completion", whatever status the results give it
            (Array.isArray(s.attempts) ? s.attempts : []).forEach(r => {
                const a = attempt(stage, r.attempt);
                a.start = a.start || r.started_at;
                if (r.completed_at) {
                    a.end = a.end || r.completed_at;
                    a.status = a.status && a.status !== 'running' ? a.status : r.status;
                    a.reason = a.reason || (r.error ? `${r.error.kind}: ${r.error.message}` : undefined);
                    a.duration = typeof r.duration_s === 'number' ? r.duration_s : a.duration;
                }
            });
            const fromStream = [...state.attempts.values()].filter(a => a.stage === stage);
            const last = s.attempt || (fromStream.length ? Math.max(...fromStream.map(a => a.attempt)) : 1);
            if (s.started_at || s.completed_at || ['ok', 'failed'].includes(s.status)) {
                const a = attempt(stage, last);
                a.start = a.start || s.started_at;
                a.end = a.end || s.completed_at;
                if (['ok', 'failed', 'skipped'].includes(s.status)) {
                    a.status = s.status;
                    a.reason = a.reason || (s.error ? `${s.error.kind}: ${s.error.message}` : s.reason);
                }
                a.duration = s.duration_s;
            }
            const attempts = [...state.attempts.values()].filter(a => a.stage === stage)
                .sort((x, y) => x.attempt - y.attempt);
            all.push({stage, s, attempts});
        });
        if (!t0) {
            const starts = [...state.attempts.values()].map(a => Date.parse(a.start)).filter(Boolean);
            t0 = starts.length ? Math.min(...starts) : now;
        }
        let span = 1;
        all.forEach(({stage, s, attempts}) => {
            const placed = attempts.filter(a => a.start || typeof a.duration === 'number');
            if (!placed.length) {
                const st = s.status || (state.ended || !isRunning() ? 'not run' : 'pending');
                rows.push({label: stage, bars: [], detail: st + (s.reason ? ': ' + s.reason : '')});
                return;
            }
            placed.forEach((a, i) => {
                let start = a.start ? (Date.parse(a.start) - t0) / 1000 : prevEnd;
                const next = placed.slice(i + 1).find(b => b.start);
                // an attempt that never completed: a later attempt took over, or the run ended without its end
                const abandoned = !a.end && (a.status === 'running' || !a.status) && (next || !isRunning());
                const running = !a.end && !abandoned && isRunning();
                let end = a.end ? (Date.parse(a.end) - t0) / 1000
                    : running ? (now - t0) / 1000
                    : abandoned && next ? (Date.parse(next.start) - t0) / 1000 : start + (a.duration || 0);
                if (!a.start && typeof a.duration === 'number') {
                    end = start + a.duration;
                }
                start = Math.max(0, start);
                prevEnd = Math.max(prevEnd, end);
                span = Math.max(span, end);
                const status = abandoned ? 'abandoned' : a.status || 'running';
                const secs = Math.max(0, end - start);
                const label = attempts.length > 1 || a.attempt > 1 ? `${stage} \u00b7 attempt ${a.attempt}` : stage;
                const text = running ? `running ${duration(secs)}` : abandoned
                    ? `no completion${next ? `, attempt ${next.attempt} took over` : ''}` : `${duration(secs)} ${status}`;
                rows.push({label, bars: [{start, end, status, running, text,
                    title: `${stage}, attempt ${a.attempt}: ${abandoned ? text : status}, ${duration(secs)}`
                        + (a.reason ? ` \u2014 ${a.reason}` : '')}]});
            });
        });
        return {rows, span};
    }

    function drawGantt() {
        const box = root.querySelector('#gantt');
        if (!box || !state.doc) {
            return;
        }
        const {rows, span} = ganttRows();
        box.innerHTML = gantt(rows, span, `Stage timeline of run ${runId}: `
            + rows.map(r => r.label + ' ' + (r.bars[0] ? r.bars[0].text : r.detail)).join('; '));
        const beat = root.querySelector('#last-beat');
        if (beat) {
            beat.textContent = state.lastBeat && isRunning() ? `last sign of life ${time(state.lastBeat)}` : '';
        }
        const table = root.querySelector('#stage-table');
        if (table) {
            table.innerHTML = stageTable(rows).text;
        }
    }

    function render() {
        if (disposed) {
            return;
        }
        if (!state.doc) {
            const e = state.error;
            root.innerHTML = (e && e.status === 404
                ? html`<h1>Run <code>${runId}</code></h1><div class="empty" role="alert"><p>No run <code>${runId}</code>
                    is known to this reporter (yet).</p><p>A run just requested shows up within seconds; this page
                    looks again every 5 s. <a href="#/runs">See every run</a>.</p></div>`
                : html`<h1>Run <code>${runId}</code></h1>${errorBox(e, 'This run could not be read')}`).text;
            root.querySelector('button.retry')?.addEventListener('click', loadDoc);
            return;
        }
        const doc = state.doc;
        const status = runStatus(doc);
        const running = isRunning();
        // a redraw keeps what the reader opened
        const open = [...root.querySelectorAll('details[open] summary')].map(x => x.textContent);
        root.innerHTML = html`
            <p class="crumbs"><a href="#/runs">\u2190 Runs</a></p>
            <h1>Run <code>${doc.run_id || runId}</code> ${statusBadge(status)}</h1>
            ${summary(doc, status)}
            ${running ? '' : tests(doc, running)}
            <section aria-labelledby="h-stages"><h2 id="h-stages">Stages</h2>
                <p class="sub">Every attempt of every stage, in seconds since the run was requested.
                    <span id="last-beat"></span></p>
                ${raw(legend([{name: 'ok', cls: 'status-ok'}, {name: 'failed', cls: 'status-failed'},
                    {name: 'running', cls: 'status-running'}, {name: 'no completion', cls: 'status-abandoned'}]))}
                <div id="gantt" class="chart-box"></div>
                <details><summary>The stages as a table</summary><div id="stage-table"></div></details>
            </section>
            ${running ? tests(doc, running) : ''}
            ${budgets(doc)}
            ${latency(doc, running)}
            ${nPlusOne(doc)}
            ${regressions(doc)}
            ${memory(doc)}
            ${sql(doc)}
            ${unavailable(doc)}
            ${running ? '' : promotions(doc)}
            ${running ? '' : artifacts()}`.text;
        root.querySelectorAll('details summary').forEach(x => {
            if (open.includes(x.textContent)) {
                x.parentElement.open = true;
            }
        });
        drawGantt();
    }

    function summary(doc, status) {
        const git = doc.git || {};
        const branch = doc.branch || git.branch || (git.ref ? String(git.ref).replace(/^refs\/heads\//, '') : null);
        const commit = doc.commit || git.commit || git.sha;
        const started = Date.parse(doc.requested_at || doc.started_at);
        const secs = doc.duration_s ?? (doc.completed_at && started
            ? (Date.parse(doc.completed_at) - started) / 1000 : null);
        const verdict = {0: 'all tests passed', 1: 'test failures or errors', 2: doc.cancelled ? 'cancelled'
            : 'the pipeline could not test (infrastructure or a stage given up)'}[doc.exit_code];
        return html`<dl class="facts">
            <div><dt>Image tag</dt><dd><code>${doc.image_tag}</code></dd></div>
            <div><dt>Branch</dt><dd>${branch || '\u2014'}</dd></div>
            <div><dt>Commit</dt><dd>${commit ? html`<code title="${commit}">${shortCommit(commit)}</code>` : '\u2014'}</dd></div>
            <div><dt>Requested</dt><dd>${time(doc.requested_at || doc.started_at)}</dd></div>
            <div><dt>Completed</dt><dd>${status === 'running' ? 'in flight' : time(doc.completed_at)}</dd></div>
            <div><dt>Duration</dt><dd class="duration">${status === 'running' ? 'running' : duration(secs)}</dd></div>
            <div><dt>Attempt</dt><dd class="attempt">${doc.attempt || 1}${state.replay ? html` <span class="sub">(a
                replay from ${state.replay.stage}${state.replay.replay_of ? html`, of event <code>${
                state.replay.replay_of}</code>` : ''})</span>` : ''}</dd></div>
            <div><dt>Exit code</dt><dd class="exit">${doc.exit_code ?? '\u2014'}${verdict ? html` <span class="sub">(${verdict})</span>` : ''}</dd></div>
            ${doc.backend ? html`<div><dt>Backend</dt><dd>${doc.backend}</dd></div>` : ''}
            ${doc.seed_fingerprint ? html`<div><dt>Seed</dt><dd class="seed"><code title="${doc.seed_fingerprint
                }">${String(doc.seed_fingerprint).slice(0, 19)}</code></dd></div>` : ''}
            </dl>
            ${doc.cancelled ? html`<p class="notice cancelled">Cancelled by <strong>${doc.cancelled.by}</strong> at
                ${time(doc.cancelled.at)}: ${doc.cancelled.reason}</p>`
                : doc.cancelled_by ? html`<p class="notice cancelled">Cancel requested by <strong>${doc.cancelled_by
                }</strong>: ${doc.cancel_reason || 'no reason given'}</p>` : ''}
            ${state.refused ? html`<p class="notice replay-refused" role="status">Replay refused:
                ${state.refused}</p>` : ''}`;
    }

    function tests(doc, running) {
        const t = doc.tests;
        if (!t) {
            const s = (doc.stages || {}).integration_tests || {};
            return html`<section aria-labelledby="h-tests"><h2 id="h-tests">Tests</h2>
                <p class="empty">${!running ? 'No test ran.' : s.status === 'running' ? 'The tests are running.'
                    : ['ok', 'failed'].includes(s.status) ? 'The tests are done; their counts come with the results.'
                    : 'The tests have not started yet.'}</p></section>`;
        }
        const failures = [...(doc.failures || [])].sort((a, b) => (a.kind === 'error') - (b.kind === 'error')
            || a.test.localeCompare(b.test));
        return html`<section aria-labelledby="h-tests"><h2 id="h-tests">Tests</h2>
            <p class="counts" id="test-counts"><span class="total">${t.total}</span> total \u00b7
                <strong class="ok">${t.passed} passed</strong> \u00b7
                <strong class="${t.failed ? 'failed' : ''}">${t.failed} failed</strong> \u00b7
                <strong class="${t.errors ? 'failed' : ''}">${t.errors ?? 0} ${t.errors === 1 ? 'error' : 'errors'}</strong> \u00b7
                ${t.skipped ?? 0} skipped</p>
            ${failures.length ? html`<table class="failures"><caption>Failing tests first: ${failures.length}
                    failing</caption>
                <thead><tr><th scope="col">Test</th><th scope="col">Kind</th><th scope="col">Message</th></tr></thead>
                <tbody>${failures.map(f => html`<tr><td><code>${f.test}</code></td><td>${statusBadge(
                    f.kind === 'error' ? 'error' : 'failed')}</td><td><pre>${f.message}</pre></td></tr>`)}</tbody>
                </table>` : (t.total ? html`<p class="ok-note">No failing test.</p>` : '')}
        </section>`;
    }

    return {
        dispose() {
            disposed = true;
            clearInterval(ticker);
            clearTimeout(refetch);
            clearTimeout(retry);
            replays.close();
            if (stream) {
                stream.close();
            }
        },
        _start: loadDoc()
    };

    function promotions(doc) {
        const p = state.promotions;
        let body;
        if (p === null) {
            body = html`<p class="loading">Loading\u2026</p>`;
        } else if (p instanceof Error) {
            body = html`<p class="error-box" role="alert">The promotion decisions could not be read: ${p.message}</p>`;
        } else if (!p.length) {
            body = html`<p class="empty">No promotion decision for this run${doc.exit_code === 0 ? ' (yet)'
                : ': only a passed run (exit code 0) is promoted'}.</p>`;
        } else {
            const deployed = p.filter(d => d.deployed);
            body = html`${deployed.length ? '' : html`<p class="notice nothing-deployed"><strong>Nothing was
                deployed.</strong> The promoter ran without a cluster: these are the decisions it made against its
                local record of the environments; no Kargo Promotion was created.</p>`}
                <table class="promotions"><thead><tr><th scope="col">Stage</th><th scope="col">Decision</th>
                <th scope="col">Deployed</th><th scope="col">Reason</th><th scope="col">Promotion</th>
                <th scope="col">Break-glass</th><th scope="col">Decided</th></tr></thead>
                <tbody>${p.map(d => html`<tr><td>${d.stage}</td><td><span class="decision decision-${d.decision}">${
                    d.decision}</span></td><td>${d.deployed ? 'yes' : 'no'}</td><td>${d.reason}</td>
                    <td>${d.promotion_name ? html`<code>${d.promotion_name}</code>` : '\u2014'}</td>
                    <td>${d.break_glass ? html`${d.break_glass.who}: ${d.break_glass.why} (until
                        ${time(d.break_glass.expires_at)})` : '\u2014'}</td>
                    <td>${time(d.decided_at)}</td></tr>`)}</tbody></table>`;
        }
        return html`<section aria-labelledby="h-promotions"><h2 id="h-promotions">Promotion decisions</h2>${body}</section>`;
    }

    function artifacts() {
        const a = state.artifacts;
        let body;
        if (a === null) {
            body = html`<p class="loading">Loading\u2026</p>`;
        } else if (a instanceof Error) {
            body = html`<p class="error-box" role="alert">The artifacts could not be listed: ${a.message}</p>`;
        } else if (!a.length) {
            body = html`<p class="empty">No artifact is stored for this run.</p>`;
        } else {
            body = html`<ul class="artifacts">${a.map(x => {
                const url = x.url || `${base}/artifacts/${encodeURIComponent(x.name)}`;
                return html`<li><a href="${url}">${x.name}</a> <span class="sub">${x.content_type || x.contentType || ''}
                    ${typeof x.size === 'number' ? '\u00b7 ' + bytes(x.size) : ''}</span></li>`;
            })}</ul>`;
        }
        return html`<section aria-labelledby="h-artifacts"><h2 id="h-artifacts">Artifacts</h2>${body}</section>`;
    }
}

function stageTable(rows) {
    return html`<table><thead><tr><th scope="col">Stage</th><th scope="col">Status</th><th scope="col" class="num">From</th>
        <th scope="col" class="num">To</th><th scope="col">Notes</th></tr></thead><tbody>${rows.map(r => r.bars.length
        ? html`<tr><td>${r.label}</td><td>${r.bars[0].status}</td><td class="num">${num(r.bars[0].start)} s</td>
            <td class="num">${num(r.bars[0].end)} s</td><td>${r.bars[0].title}</td></tr>`
        : html`<tr><td>${r.label}</td><td colspan="4">${r.detail}</td></tr>`)}</tbody></table>`;
}

function budgetLimit(doc, metric) {
    const b = (doc.budgets || []).find(x => x.metric === metric);
    return b && typeof b.limit === 'number' ? b.limit : null;
}

function budgets(doc) {
    const list = doc.budgets || [];
    if (!list.length) {
        return '';
    }
    const within = list.filter(b => b.within === true).length;
    const unmeasured = list.filter(b => typeof b.within !== 'boolean').length;
    return html`<section aria-labelledby="h-budgets"><h2 id="h-budgets">Budgets</h2>
        <p class="sub">${within} of ${list.length} within${unmeasured ? ` (${unmeasured} not measured)` : ''};
            budgets are reported, they do not change the exit code. The latency budgets judge warm endpoints
            only; cold ones (the tests' calls alone) are listed beside them.</p>
        <table class="budgets"><thead><tr><th scope="col">Metric</th><th scope="col" class="num">Limit</th>
            <th scope="col" class="num">Actual</th><th scope="col">Subject</th><th scope="col">Status</th>
            <th scope="col">Notes</th></tr></thead>
        <tbody>${list.map(b => {
            const state = typeof b.within === 'boolean' ? (b.within ? 'within' : 'over') : 'unmeasured';
            const mark = {within: '\u2713 within', over: '\u2717 over', unmeasured: '\u2014 not measured'}[state];
            return html`<tr class="budget ${state}"><td>${b.metric}</td><td class="num">&lt; ${num(b.limit)} ${b.unit}</td>
                <td class="num">${typeof b.actual === 'number' ? `${num(b.actual)} ${b.unit}` : '\u2014'}</td>
                <td>${b.subject || ''}</td><td><span class="mark ${state}">${mark}</span></td>
                <td>${state === 'unmeasured' ? b.reason || '' : state === 'over' ? html`${(b.exceeded_by || []).length > 1
                    ? `over: ${b.exceeded_by.join(', ')}; ` : ''}action: ${b.action || ''}` : ''}${
                    Array.isArray(b.cold) && b.cold.length ? html`<div class="cold sub">cold, not judged: ${
                    b.cold.map(c => `${c.subject} ${num(c.actual)} ${b.unit}`).join(', ')}</div>` : ''}</td></tr>`;
        })}</tbody></table></section>`;
}

/**
 * Warm when the profiler measured it after warm-up calls; results written before the distinction carry no warm, and
 * there the profiler's own measurement (source profile) was the warm one.
 */
function isWarm(e) {
    return typeof e.warm === 'boolean' ? e.warm : e.source === 'profile';
}

/** +35% (8.1 → 11 ms) */
function change(r) {
    const ratio = typeof r.ratio === 'number' ? r.ratio : r.baseline > 0 ? r.actual / r.baseline : null;
    const pct = ratio === null ? '' : `${ratio >= 1 ? '+' : '−'}${Math.abs(Math.round((ratio - 1) * 100))}% `;
    return `${pct}(${num(r.baseline)} → ${num(r.actual)} ${r.unit || 'ms'})`;
}

/** A percentile cell: the figure, or a dash whose title says why there is none. */
function figure(e, field, cls) {
    const why = (e.unavailable || {})[field];
    return html`<td class="num ${cls}"${raw(why ? html` title="${why}"`.text : '')}>${ms(e[field])}</td>`;
}

function latency(doc, running) {
    const p = doc.profiling || {};
    const endpoints = Object.entries(p.endpoints || {});
    if (!endpoints.length) {
        return html`<section aria-labelledby="h-latency"><h2 id="h-latency">Latency per endpoint</h2>
            <p class="empty">${running ? 'Not profiled yet.' : 'No endpoint was profiled.'}</p></section>`;
    }
    endpoints.sort((a, b) => (b[1].p95_ms ?? 0) - (a[1].p95_ms ?? 0) || a[0].localeCompare(b[0]));
    const slow = new Set(p.slow_endpoints || []);
    const worstNPlusOne = new Map();
    (p.n_plus_one || []).forEach(n => worstNPlusOne.set(n.endpoint, Math.max(worstNPlusOne.get(n.endpoint) ?? 0,
        n.calls_per_request)));
    const regressed = new Map();
    (p.regressions || []).filter(r => r.kind === 'endpoint' && !regressed.has(r.subject))
        .forEach(r => regressed.set(r.subject, r));
    const p95 = budgetLimit(doc, 'api_p95_ms');
    const p99 = budgetLimit(doc, 'api_p99_ms');
    const refs = [];
    if (p95 !== null) {
        refs.push({value: p95, label: 'p95 budget', cls: 'budget-p95'});
    }
    if (p99 !== null) {
        refs.push({value: p99, label: 'p99 budget', cls: 'budget-p99'});
    }
    if (typeof p.slow_threshold_ms === 'number' && p.slow_threshold_ms !== p99) {
        refs.push({value: p.slow_threshold_ms, label: 'slow threshold', cls: 'threshold'});
    }
    const series = [{name: 'p50', cls: 's-p50'}, {name: 'p95', cls: 's-p95'}, {name: 'p99', cls: 's-p99'}];
    const chart = bars({
        rows: endpoints.map(([key, e]) => ({label: key + (isWarm(e) ? '' : ' [cold]'),
            values: [e.p50_ms ?? null, e.p95_ms ?? null, e.p99_ms ?? null], title: key,
            cls: slow.has(key) ? 'slow' : ''})),
        series, unit: 'ms', lines: refs,
        label: `Latency per endpoint, p50, p95 and p99 in milliseconds, slowest p95 first, against the budgets`
    });
    const probes = Object.entries(p.probes || {});
    return html`<section aria-labelledby="h-latency"><h2 id="h-latency">Latency per endpoint</h2>
        <p class="sub">Slowest p95 first. Warm: the profiler's measurement after warm-up calls. [cold]: only the
            tests' own calls (first calls included): shown, not judged by the budgets, never slow. A dash: too few
            samples for that percentile (the cell's title says why).</p>
        ${raw(legend([...series, ...refs.map(r => ({name: `${r.label} (${num(r.value)} ms)`, cls: 'line-' + r.cls}))]))}
        <div class="chart-box">${raw(chart)}</div>
        <table class="endpoints"><caption>The run's endpoints: percentiles, the tests' first call, warm or cold,
            slow, N+1 statements and regressions</caption>
            <thead><tr><th scope="col">Endpoint</th><th scope="col" class="num">p50</th>
            <th scope="col" class="num">p95</th><th scope="col" class="num">p99</th><th scope="col" class="num">max</th>
            <th scope="col" class="num">First call</th><th scope="col" class="num">calls</th>
            <th scope="col">Measured</th><th scope="col" class="num">N+1</th><th scope="col">Regression</th>
            <th scope="col">Verdict</th></tr></thead>
        <tbody>${endpoints.map(([key, e]) => {
            const warm = isWarm(e);
            const over = [];
            if (warm && p95 !== null && e.p95_ms >= p95) {
                over.push('p95 over budget');
            }
            if (warm && p99 !== null && e.p99_ms >= p99) {
                over.push('p99 over budget');
            }
            if (slow.has(key)) {
                over.push('slow');
            }
            const r = regressed.get(key);
            const n = worstNPlusOne.get(key);
            // a mark per finding, so that the cell wraps between them
            const verdict = over.length ? over.map((o, i) => html`${i ? ' ' : ''}<span class="mark over">${o}</span>`)
                : warm ? html`<span class="mark within">within</span>`
                : html`<span class="mark unmeasured">cold, not judged</span>`;
            return html`<tr data-endpoint="${key}" class="${[over.length ? 'over' : '', warm ? 'warm' : 'cold',
                r ? 'regressed' : ''].filter(Boolean).join(' ')}"><td><code>${key}</code></td>
                ${figure(e, 'p50_ms', 'p50')}${figure(e, 'p95_ms', 'p95')}${figure(e, 'p99_ms', 'p99')}
                <td class="num">${ms(e.max_ms)}</td><td class="num first-call">${ms(e.first_call_ms)}</td>
                <td class="num">${e.count ?? '—'}</td><td class="measured">${warm ? 'warm' : 'cold'}</td>
                <td class="num n-plus-one">${n !== undefined ? html`<span class="mark over">${num(n)}/req</span>` : ''}</td>
                <td class="regression">${r ? html`<span class="mark over">${change(r)}</span>` : ''}</td>
                <td>${verdict}</td></tr>`;
        })}</tbody></table>
        ${sqlPerEndpoint(endpoints)}
        ${probes.length ? html`<p class="sub probes">Probes of routes the target does not have (not counted as
            endpoints): ${probes.map(([k, v], i) => html`${i ? ', ' : ''}<code>${k}</code> (${v.count} ${
            v.count === 1 ? 'call' : 'calls'})`)}</p>` : ''}
    </section>`;
}

/** Each endpoint measured warm with the database watched: its statements per request (the N+1 list's evidence). */
function sqlPerEndpoint(endpoints) {
    const withSql = endpoints.filter(([, e]) => e.sql && Array.isArray(e.sql.statements));
    if (!withSql.length) {
        return '';
    }
    return html`<details><summary>SQL per request, per endpoint (measured warm)</summary>
        <table class="endpoint-sql"><thead><tr><th scope="col">Endpoint</th><th scope="col" class="num">Requests</th>
            <th scope="col" class="num">Statements per request</th><th scope="col">Statement</th>
            <th scope="col" class="num">Calls per request</th><th scope="col" class="num">Total</th></tr></thead>
        <tbody>${withSql.flatMap(([key, e]) => {
            const list = e.sql.statements.length ? e.sql.statements : [null];
            return list.map((st, i) => html`<tr>${i === 0 ? html`<th scope="row" rowspan="${list.length}"><code>${key
                }</code></th><td class="num" rowspan="${list.length}">${e.sql.requests}</td><td class="num"
                rowspan="${list.length}">${num(e.sql.calls_per_request)}</td>` : ''}${st ? html`<td><code>${st.query
                }</code></td><td class="num">${num(st.calls_per_request)}</td><td class="num">${ms(st.total_ms)}</td>`
                : html`<td colspan="3">no statement</td>`}</tr>`);
        })}</tbody></table></details>`;
}

function nPlusOne(doc) {
    const p = doc.profiling || {};
    const list = p.n_plus_one || [];
    const threshold = typeof p.n_plus_one_threshold === 'number' ? p.n_plus_one_threshold : null;
    if (threshold === null && !list.length) {
        return '';
    }
    return html`<section aria-labelledby="h-n-plus-one"><h2 id="h-n-plus-one">N+1 queries</h2>
        ${list.length ? html`<p class="sub">Statements run more than ${threshold === null ? 'the threshold'
            : `${num(threshold)} times`} per request of one endpoint (a query per row of an earlier result instead of
            one join), most calls per request first.</p>
        <table class="n-plus-one"><thead><tr><th scope="col">Endpoint</th><th scope="col">Statement</th>
            <th scope="col" class="num">Calls per request</th><th scope="col" class="num">Total</th></tr></thead>
        <tbody>${list.map(n => html`<tr data-endpoint="${n.endpoint}"><td><code>${n.endpoint}</code></td>
            <td><code>${n.query}</code></td><td class="num">${num(n.calls_per_request)}</td>
            <td class="num">${ms(n.total_ms)}</td></tr>`)}</tbody></table>`
        : html`<p class="ok-note n-plus-one-none">No statement ran more than ${num(threshold)} times per request of
            an endpoint.</p>`}
    </section>`;
}

function baselineLine(b) {
    if (!b) {
        return 'No baseline was given.';
    }
    if (b.reason) {
        return html`Not compared with earlier runs: ${b.reason}`;
    }
    const runs = Array.isArray(b.runs) ? b.runs : [];
    return html`Compared with ${runs.length} earlier passing ${runs.length === 1 ? 'run' : 'runs'}${b.target
        ? html` of <code>${b.target}</code>` : ''}${b.seed_fingerprint ? html` with seed <code title="${
        b.seed_fingerprint}">${String(b.seed_fingerprint).slice(0, 19)}</code>` : ''} (the median of each
        figure)${typeof b.min_ratio === 'number' && typeof b.min_delta_ms === 'number' ? html`; a regression is worse
        by more than ${Math.round(b.min_ratio * 100)}% and more than ${num(b.min_delta_ms)} ms` : ''}${runs.length
        ? html`. Runs: ${runs.map((id, i) => html`${i ? ', ' : ''}<a href="#/runs/${encodeURIComponent(id)}">${id}</a>`)}`
        : ''}.`;
}

function regressions(doc) {
    const p = doc.profiling || {};
    const list = Array.isArray(p.regressions) ? p.regressions : null;
    if (!p.baseline && !list) {
        return '';
    }
    const compared = p.baseline && !p.baseline.reason;
    return html`<section aria-labelledby="h-regressions"><h2 id="h-regressions">Regressions</h2>
        <p class="sub baseline">${baselineLine(p.baseline)}</p>
        ${list && list.length ? html`<table class="regressions"><caption>Figures worse than their baseline: ${
            list.length}, worst first</caption><thead><tr><th scope="col">Kind</th><th scope="col">Subject</th>
            <th scope="col">Metric</th><th scope="col" class="num">Baseline</th><th scope="col" class="num">This run</th>
            <th scope="col" class="num">Change</th></tr></thead>
        <tbody>${list.map(r => html`<tr class="over" data-kind="${r.kind}" data-subject="${r.subject}"><td>${r.kind}</td>
            <td><code>${r.subject}</code></td><td>${r.metric}</td><td class="num">${num(r.baseline)} ${r.unit}</td>
            <td class="num">${num(r.actual)} ${r.unit}</td><td class="num change">${change(r).replace(/ \(.*$/, '')}${
            typeof r.delta_ms === 'number' ? ` (+${r.unit === 's' ? num(r.delta_ms / 1000) + ' s' : num(r.delta_ms) + ' ms'})`
            : ''}</td></tr>`)}</tbody></table>`
        : compared ? html`<p class="ok-note regressions-none">No regression: every endpoint's p95 and every stage's
            duration is within the thresholds of its baseline.</p>` : ''}
    </section>`;
}

function memory(doc) {
    const m = Object.entries((doc.profiling || {}).memory || {});
    if (!m.length) {
        return '';
    }
    const series = [{name: 'resident', cls: 's-rss'}, {name: 'peak resident', cls: 's-peak'}];
    return html`<section aria-labelledby="h-memory"><h2 id="h-memory">Memory per service</h2>
        ${raw(legend(series))}
        <div class="chart-box">${raw(bars({rows: m.map(([k, v]) => ({label: k, values: [v.rss_mb, v.peak_rss_mb],
            title: `${k}${v.source ? ' (' + v.source + ')' : ''}`})), series, unit: 'MiB', labelWidth: 220,
            label: 'Memory per service in MiB: ' + m.map(([k, v]) => `${k} ${num(v.rss_mb)}`).join(', ')}))}</div>
    </section>`;
}

function sql(doc) {
    const s = (doc.profiling || {}).sql;
    if (!s || !Array.isArray(s.statements)) {
        return '';
    }
    const list = s.statements;
    if (!list.length) {
        return html`<section aria-labelledby="h-sql"><h2 id="h-sql">SQL statements</h2>
            <p class="empty">No statement was recorded.</p></section>`;
    }
    const slow = list.filter(x => x.slow).length;
    return html`<section aria-labelledby="h-sql"><h2 id="h-sql">SQL statements</h2>
        <p class="sub">The statements the services spent most time in (top ${Math.min(list.length, MAX_STATEMENTS)} of
            ${list.length} by total time); ${slow} slow${typeof s.slow_mean_ms === 'number'
                ? ` (mean above ${num(s.slow_mean_ms)} ms)` : ''}.</p>
        <table class="sql"><thead><tr><th scope="col">Statement</th><th scope="col" class="num">Calls</th>
            <th scope="col" class="num">Mean</th><th scope="col" class="num">Max</th><th scope="col" class="num">Total</th>
            <th scope="col" class="num">Rows</th><th scope="col"><span class="visually-hidden">Slow</span></th></tr></thead>
        <tbody>${list.slice(0, MAX_STATEMENTS).map(x => html`<tr class="${x.slow ? 'slow' : ''}"><td><code>${x.query}</code></td>
            <td class="num">${x.calls}</td><td class="num">${ms(x.mean_ms)}</td><td class="num">${ms(x.max_ms)}</td>
            <td class="num">${ms(x.total_ms)}</td><td class="num">${x.rows ?? ''}</td>
            <td>${x.slow ? html`<span class="mark over">slow</span>` : ''}</td></tr>`)}</tbody></table></section>`;
}

function unavailable(doc) {
    const u = Object.entries((doc.profiling || {}).unavailable || {});
    if (!u.length) {
        return '';
    }
    return html`<p class="sub unavailable">Not measured: ${u.map(([k, v], i) => html`${i ? '; ' : ''}<strong>${k}</strong>: ${v}`)}</p>`;
}

