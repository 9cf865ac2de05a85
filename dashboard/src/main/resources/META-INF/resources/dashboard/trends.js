// Trends across finished runs (GET /api/trends): pipeline duration, stage durations, p95 of each endpoint.
import {getJson, query} from './api.js';
import {legend, lines, sparkline, stacks} from './charts.js';
import {duration, html, ms, raw, time} from './format.js';
import {errorBox} from './common.js';

const STAGES = ['infra_deploy', 'seed_data', 'service_deploy', 'integration_tests', 'profiling', 'teardown'];
const EXIT_MARK = {0: 'exit0', 1: 'exit1', 2: 'exit2'};

export function trendsView(root, params) {
    const filters = {image_tag: params.image_tag || '', branch: params.branch || '',
        limit: Math.min(200, Math.max(1, parseInt(params.limit || '50', 10) || 50))};
    let disposed = false;
    let retry = null;

    root.innerHTML = html`
        <h1>Trends</h1>
        <form class="filters" id="trend-filters" role="search" aria-label="Filter trends">
            <label>Image tag <input name="image_tag" value="${filters.image_tag}" size="16" autocomplete="off"></label>
            <label>Branch <input name="branch" value="${filters.branch}" size="16" autocomplete="off"></label>
            <label>Runs (the latest) <input name="limit" type="number" min="1" max="200" value="${filters.limit}"></label>
            <button type="submit">Apply</button>
        </form>
        <div id="trends-body" aria-busy="true"><p class="loading">Loading trends\u2026</p></div>`.text;
    root.querySelector('#trend-filters').addEventListener('submit', e => {
        e.preventDefault();
        const f = new FormData(e.target);
        location.hash = '#/trends' + query({image_tag: f.get('image_tag').trim(), branch: f.get('branch').trim(),
            limit: f.get('limit') === '50' ? '' : f.get('limit')});
    });
    const body = root.querySelector('#trends-body');

    async function load() {
        try {
            const data = await getJson('/api/trends' + query(filters));
            if (!disposed) {
                render(data.runs || []);
            }
        } catch (e) {
            if (!disposed) {
                body.innerHTML = errorBox(e, 'The trends could not be read').text;
                body.querySelector('button.retry')?.addEventListener('click', load);
                if (e.down) {
                    retry = setTimeout(load, 5000);
                }
            }
        } finally {
            body.setAttribute('aria-busy', 'false');
        }
    }

    function render(runs) {
        if (!runs.length) {
            body.innerHTML = html`<div class="empty"><p><strong>No finished run${filters.image_tag || filters.branch
                ? ' matches these filters' : ' yet'}.</strong></p><p>Trends need finished runs; a run in flight
                joins them with its verdict.</p></div>`.text;
            return;
        }
        const xs = runs.map(r => ({label: shortTime(r.completed_at), href: `#/runs/${encodeURIComponent(r.run_id)}`,
            title: `${r.run_id} (${time(r.completed_at)}, exit ${r.exit_code})`}));
        const durations = runs.map(r => r.duration_s ?? null);
        const total = lines({xs, unit: 's', label: 'Pipeline duration per run in seconds, oldest first',
            series: [{name: 'pipeline duration', cls: 's-total', values: durations,
                marks: runs.map(r => EXIT_MARK[r.exit_code] || 'exit2')}]});
        const stageNames = STAGES.concat([...new Set(runs.flatMap(r => Object.keys(r.stages || {})))]
            .filter(s => !STAGES.includes(s)));
        const stageChart = stacks({xs, unit: 's', label: 'Stage durations per run in seconds, stacked',
            parts: stageNames.map((s, i) => ({name: s, cls: 'stage-' + i})),
            values: runs.map(r => stageNames.map(s => (r.stages || {})[s] ?? null))});
        const endpoints = [...new Set(runs.flatMap(r => Object.keys(r.p95_ms || {})))].sort();
        const last = runs[runs.length - 1];
        const stats = durations.filter(d => typeof d === 'number');
        body.innerHTML = html`
            <p class="sub">${runs.length} finished ${runs.length === 1 ? 'run' : 'runs'}, oldest first, from ${time(runs[0].completed_at)} to
                ${time(last.completed_at)}. Every point links to its run.</p>
            <section aria-labelledby="h-total"><h2 id="h-total">Pipeline duration</h2>
                ${stats.length ? html`<p class="sub">median ${duration(median(stats))} \u00b7 fastest
                    ${duration(Math.min(...stats))} \u00b7 slowest ${duration(Math.max(...stats))}</p>` : ''}
                ${raw(legend([{name: 'exit code 0', cls: 'exit0'}, {name: 'exit code 1', cls: 'exit1'},
                    {name: 'exit code 2', cls: 'exit2'}]))}
                <div class="chart-box">${raw(total)}</div></section>
            <section aria-labelledby="h-stage-trend"><h2 id="h-stage-trend">Stage durations</h2>
                ${raw(legend(stageNames.map((s, i) => ({name: s, cls: 'stage-' + i}))))}
                <div class="chart-box">${raw(stageChart)}</div>
                <table class="stage-trend"><thead><tr><th scope="col">Stage</th><th scope="col" class="num">Median</th>
                    <th scope="col" class="num">Latest</th><th scope="col">Per run</th></tr></thead><tbody>
                    ${stageNames.map(s => {
                        const v = runs.map(r => (r.stages || {})[s] ?? null);
                        return html`<tr><td>${s}</td><td class="num">${duration(median(v.filter(x => typeof x === 'number')))}</td>
                            <td class="num">${duration((last.stages || {})[s])}</td>
                            <td>${raw(sparkline(v, {label: `${s} seconds per run`}))}</td></tr>`;
                    })}</tbody></table></section>
            <section aria-labelledby="h-p95"><h2 id="h-p95">p95 of each endpoint</h2>
                ${endpoints.length ? html`<table class="p95-trend"><thead><tr><th scope="col">Endpoint</th>
                    <th scope="col" class="num">Latest p95</th><th scope="col" class="num">Median</th>
                    <th scope="col" class="num">Worst</th><th scope="col">Per run</th></tr></thead><tbody>
                    ${endpoints.map(ep => {
                        const v = runs.map(r => (r.p95_ms || {})[ep] ?? null);
                        const nums = v.filter(x => typeof x === 'number');
                        return html`<tr data-endpoint="${ep}"><td><code>${ep}</code></td>
                            <td class="num">${ms((last.p95_ms || {})[ep])}</td><td class="num">${ms(median(nums))}</td>
                            <td class="num">${ms(Math.max(...nums))}</td>
                            <td>${raw(sparkline(v, {label: `${ep} p95 per run`}))}</td></tr>`;
                    })}</tbody></table>` : html`<p class="empty">No endpoint was profiled in these runs.</p>`}
            </section>`.text;
    }

    load();
    return {
        dispose() {
            disposed = true;
            clearTimeout(retry);
        }
    };
}

function median(values) {
    if (!values.length) {
        return null;
    }
    const s = [...values].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function shortTime(iso) {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(5, 16).replace('T', ' ');
}

