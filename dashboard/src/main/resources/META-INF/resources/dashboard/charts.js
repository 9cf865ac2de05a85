// Charts as inline SVG strings: a Gantt chart of stage attempts, grouped horizontal bars with reference lines,
// line charts and sparklines. Every chart has a text alternative (role="img" + aria-label, <title> per mark) and
// colours are backed by text or shape, never the only carrier of meaning.
import {esc, num} from './format.js';

const WIDTH = 1100;

function niceMax(max) {
    if (!(max > 0)) {
        return 1;
    }
    const exp = 10 ** Math.floor(Math.log10(max));
    for (const step of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
        if (step * exp >= max) {
            return step * exp;
        }
    }
    return 10 * exp;
}

function ticks(max, count = 5) {
    return Array.from({length: count + 1}, (_, i) => max * i / count);
}

/** A chart whose marks are links is a group of links, not one image (an image holds nothing interactive). */
function svgOpen(height, label, cls, linked = false) {
    return `<svg class="chart ${cls}" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="${linked ? 'group' : 'img'}" `
        + `aria-label="${esc(label)}" preserveAspectRatio="xMinYMin meet">`;
}

/**
 * Gantt chart. rows: [{label, detail, bars: [{start, end, status, title, running}]}]; start/end are seconds from the
 * chart's origin. span: seconds the axis covers.
 */
export function gantt(rows, span, label) {
    const labelW = 250;
    const plotW = WIDTH - labelW - 90;
    const rowH = 26;
    const top = 8;
    const height = top + rows.length * rowH + 40;
    const max = niceMax(span);
    const x = s => labelW + Math.max(0, s) / max * plotW;
    let svg = svgOpen(height, label, 'gantt');
    ticks(max, 5).forEach(t => {
        svg += `<line class="grid" x1="${x(t)}" x2="${x(t)}" y1="${top}" y2="${top + rows.length * rowH}"/>`;
        svg += `<text class="tick" x="${x(t)}" y="${top + rows.length * rowH + 16}" text-anchor="middle">${num(t)} s</text>`;
    });
    rows.forEach((row, i) => {
        const y = top + i * rowH;
        svg += `<text class="label" x="${labelW - 10}" y="${y + rowH / 2 + 4}" text-anchor="end">${esc(row.label)}</text>`;
        if (!row.bars.length && row.detail) {
            svg += `<text class="note" x="${labelW + 4}" y="${y + rowH / 2 + 4}">${esc(row.detail)}</text>`;
        }
        row.bars.forEach(bar => {
            const x0 = x(bar.start);
            const w = Math.max(2, x(bar.end) - x0);
            svg += `<rect class="bar status-${esc(bar.status)}${bar.running ? ' running' : ''}" x="${x0.toFixed(1)}" `
                + `y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" rx="2">`
                + `<title>${esc(bar.title)}</title></rect>`;
            svg += `<text class="value" x="${(x0 + w + 5).toFixed(1)}" y="${y + rowH / 2 + 4}">${esc(bar.text)}</text>`;
        });
    });
        return svg + '</svg>';
}

/**
 * Horizontal grouped bars. series: [{name, cls}]; rows: [{label, values (null = not measured), title, cls}];
 * lines: [{value, label, cls}] drawn across the plot (budgets, thresholds).
 */
export function bars({rows, series, unit, lines = [], label, labelWidth = 380}) {
    const plotW = WIDTH - labelWidth - 70;
    const barH = 11;
    const rowH = series.length * barH + 10;
    const top = 18;
    const height = top + rows.length * rowH + 30;
    const values = rows.flatMap(r => r.values).filter(v => typeof v === 'number');
    const max = niceMax(Math.max(0, ...values, ...lines.map(l => l.value)) * 1.02);
    const x = v => labelWidth + v / max * plotW;
    let svg = svgOpen(height, label, 'bars');
    ticks(max).forEach(t => {
        svg += `<line class="grid" x1="${x(t)}" x2="${x(t)}" y1="${top}" y2="${top + rows.length * rowH}"/>`;
        svg += `<text class="tick" x="${x(t)}" y="${top + rows.length * rowH + 16}" text-anchor="middle">`
            + `${num(t)} ${esc(unit)}</text>`;
    });
    rows.forEach((row, i) => {
        const y = top + i * rowH;
        const text = row.label.length > 52 ? row.label.slice(0, 50) + '\u2026' : row.label;
        svg += `<text class="label${row.cls ? ' ' + esc(row.cls) : ''}" x="${labelWidth - 10}" `
            + `y="${y + series.length * barH / 2 + 4}" text-anchor="end">${esc(text)}<title>${esc(row.title || row.label)}`
            + `</title></text>`;
        series.forEach((s, j) => {
            const v = row.values[j];
            const by = y + j * barH;
            if (typeof v !== 'number') {
                svg += `<text class="value na" x="${labelWidth + 4}" y="${by + barH - 2}">n/a<title>`
                    + `${esc(row.label)} ${esc(s.name)}: not measured</title></text>`;
                return;
            }
            const w = Math.max(1, x(v) - labelWidth);
            svg += `<rect class="bar ${esc(s.cls)}" x="${labelWidth}" y="${by}" width="${w.toFixed(1)}" height="${barH - 2}">`
                + `<title>${esc(row.label)} ${esc(s.name)}: ${num(v)} ${esc(unit)}</title></rect>`;
            svg += `<text class="value" x="${(labelWidth + w + 4).toFixed(1)}" y="${by + barH - 2}">${num(v)}</text>`;
        });
    });
    lines.forEach((l, i) => {
        const lx = x(l.value).toFixed(1);
        svg += `<line class="ref ${esc(l.cls)}" x1="${lx}" x2="${lx}" y1="${top - 4}" y2="${top + rows.length * rowH}">`
            + `<title>${esc(l.label)}: ${num(l.value)} ${esc(unit)}</title></line>`;
        svg += `<text class="ref-label ${esc(l.cls)}" x="${lx}" y="${top - 6 - (i % 2) * 0}" text-anchor="${i % 2 ? 'start' : 'end'}"`
            + ` dx="${i % 2 ? 3 : -3}">${esc(l.label)} ${num(l.value)} ${esc(unit)}</text>`;
    });
    return svg + '</svg>';
}

/**
 * Line chart over runs. xs: [{label, href}] one per run (oldest first); series: [{name, cls, values: [number|null],
 * marks: [cls|null]}]; lines: reference lines [{value, label, cls}].
 */
export function lines({xs, series, unit, label, height = 240, refs = []}) {
    const left = 70;
    const right = 20;
    const top = 14;
    const bottom = 40;
    const plotW = WIDTH - left - right;
    const plotH = height - top - bottom;
    const all = series.flatMap(s => s.values).filter(v => typeof v === 'number');
    const max = niceMax(Math.max(0, ...all, ...refs.map(r => r.value)) * 1.05);
    const x = i => left + (xs.length === 1 ? plotW / 2 : i / (xs.length - 1) * plotW);
    const y = v => top + plotH - v / max * plotH;
    let svg = svgOpen(height, label, 'lines', xs.some(p => p.href));
    ticks(max, 4).forEach(t => {
        svg += `<line class="grid" x1="${left}" x2="${left + plotW}" y1="${y(t)}" y2="${y(t)}"/>`;
        svg += `<text class="tick" x="${left - 6}" y="${y(t) + 4}" text-anchor="end">${num(t)} ${esc(unit)}</text>`;
    });
    const every = Math.max(1, Math.ceil(xs.length / 10));
    xs.forEach((p, i) => {
        if (i % every === 0 || i === xs.length - 1) {
            const anchor = i === xs.length - 1 && xs.length > 1 ? 'end' : (i === 0 && xs.length > 1 ? 'start' : 'middle');
            svg += `<text class="tick" x="${x(i)}" y="${top + plotH + 16}" text-anchor="${anchor}">${esc(p.label)}</text>`;
        }
    });
    refs.forEach(r => {
        svg += `<line class="ref ${esc(r.cls)}" x1="${left}" x2="${left + plotW}" y1="${y(r.value)}" y2="${y(r.value)}">`
            + `<title>${esc(r.label)}: ${num(r.value)} ${esc(unit)}</title></line>`
            + `<text class="ref-label ${esc(r.cls)}" x="${left + plotW}" y="${y(r.value) - 4}" text-anchor="end">`
            + `${esc(r.label)} ${num(r.value)} ${esc(unit)}</text>`;
    });
    series.forEach(s => {
        let d = '';
        s.values.forEach((v, i) => {
            if (typeof v === 'number') {
                d += `${d && s.values[i - 1] !== null && s.values[i - 1] !== undefined ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
            }
        });
        svg += `<path class="line ${esc(s.cls)}" d="${d}"/>`;
        s.values.forEach((v, i) => {
            if (typeof v !== 'number') {
                return;
            }
            const mark = s.marks && s.marks[i] ? ' ' + esc(s.marks[i]) : '';
            const title = `${xs[i].title || xs[i].label} \u00b7 ${s.name}: ${num(v)} ${unit}`;
            const dot = `<circle class="dot ${esc(s.cls)}${mark}" cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="4">`
                + `<title>${esc(title)}</title></circle>`;
            svg += xs[i].href ? `<a href="${esc(xs[i].href)}" aria-label="${esc(title)}">${dot}</a>` : dot;
        });
    });
    svg += `<text class="tick" x="${left}" y="${height - 4}">runs, oldest first</text>`;
    return svg + '</svg>';
}

/**
 * Stacked columns: one column per run, one segment per part (stage).
 * xs: [{label, href, title}]; parts: [{name, cls}]; values[i][j]: seconds of part j in run i.
 */
export function stacks({xs, parts, values, unit, label, height = 260}) {
    const left = 70;
    const right = 20;
    const top = 14;
    const bottom = 40;
    const plotW = WIDTH - left - right;
    const plotH = height - top - bottom;
    const totals = values.map(v => v.reduce((a, b) => a + (typeof b === 'number' ? b : 0), 0));
    const max = niceMax(Math.max(0, ...totals) * 1.05);
    const slot = plotW / Math.max(1, xs.length);
    const barW = Math.min(40, slot * 0.7);
    const y = v => top + plotH - v / max * plotH;
    let svg = svgOpen(height, label, 'stacks', xs.some(p => p.href));
    ticks(max, 4).forEach(t => {
        svg += `<line class="grid" x1="${left}" x2="${left + plotW}" y1="${y(t)}" y2="${y(t)}"/>`;
        svg += `<text class="tick" x="${left - 6}" y="${y(t) + 4}" text-anchor="end">${num(t)} ${esc(unit)}</text>`;
    });
    const every = Math.max(1, Math.ceil(xs.length / 10));
    xs.forEach((p, i) => {
        const cx = left + slot * i + slot / 2;
        let acc = 0;
        let col = '';
        parts.forEach((part, j) => {
            const v = values[i][j];
            if (typeof v !== 'number' || v <= 0) {
                return;
            }
            const y1 = y(acc + v);
            const h = Math.max(1, y(acc) - y1);
            col += `<rect class="seg ${esc(part.cls)}" x="${(cx - barW / 2).toFixed(1)}" y="${y1.toFixed(1)}" `
                + `width="${barW.toFixed(1)}" height="${h.toFixed(1)}"><title>${esc(p.title || p.label)} \u00b7 `
                + `${esc(part.name)}: ${num(v)} ${esc(unit)}</title></rect>`;
            acc += v;
        });
        svg += p.href ? `<a href="${esc(p.href)}" aria-label="${esc(p.title || p.label)}">${col}</a>` : col;
        if (i % every === 0 || i === xs.length - 1) {
            svg += `<text class="tick" x="${cx}" y="${top + plotH + 16}" text-anchor="middle">${esc(p.label)}</text>`;
        }
    });
    svg += `<text class="tick" x="${left}" y="${height - 4}">runs, oldest first</text>`;
    return svg + '</svg>';
}

/** A small inline line of values (null = gap) with an optional limit line; for tables. */
export function sparkline(values, {limit, label, width = 220, height = 36} = {}) {
    const nums = values.filter(v => typeof v === 'number');
    const max = Math.max(1e-9, ...nums, limit || 0) * 1.1;
    const x = i => 3 + (values.length === 1 ? (width - 6) / 2 : i / (values.length - 1) * (width - 6));
    const y = v => height - 3 - v / max * (height - 6);
    let d = '';
    values.forEach((v, i) => {
        if (typeof v === 'number') {
            d += `${d && typeof values[i - 1] === 'number' ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
        }
    });
    let svg = `<svg class="spark" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" `
        + `aria-label="${esc(label || '')}">`;
    if (limit) {
        svg += `<line class="ref budget" x1="0" x2="${width}" y1="${y(limit).toFixed(1)}" y2="${y(limit).toFixed(1)}"/>`;
    }
    svg += `<path class="line" d="${d}"/>`;
    values.forEach((v, i) => {
        if (typeof v === 'number' && (i === values.length - 1 || (limit && v >= limit))) {
            svg += `<circle class="dot${limit && v >= limit ? ' over' : ''}" cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.5"/>`;
        }
    });
    return svg + '</svg>';
}

/** A legend: [{name, cls, shape}] as swatches with their names. */
export function legend(items) {
    return '<ul class="legend">' + items.map(i => `<li><span class="swatch ${esc(i.cls)}" aria-hidden="true"></span>`
        + `${esc(i.name)}</li>`).join('') + '</ul>';
}
