// Small formatting helpers shared by the views. Times are shown in UTC so every reader sees the same figures.

const ESCAPES = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

/** Escapes text for HTML content and attribute values. */
export function esc(value) {
    return value === null || value === undefined ? '' : String(value).replace(/[&<>"']/g, c => ESCAPES[c]);
}

/** Tagged template: interpolated values are escaped unless they are {@link raw}. */
export function html(strings, ...values) {
    let out = strings[0];
    values.forEach((v, i) => {
        out += (Array.isArray(v) ? v.map(x => unwrap(x)).join('') : unwrap(v)) + strings[i + 1];
    });
    return new Raw(out);
}

class Raw {
    constructor(text) {
        this.text = text;
    }

    toString() {
        return this.text;
    }
}

/** Marks trusted markup (e.g. an SVG string built by charts.js) so that {@link html} does not escape it. */
export function raw(text) {
    return new Raw(text);
}

function unwrap(v) {
    if (v instanceof Raw) {
        return v.text;
    }
    return v === false || v === null || v === undefined ? '' : esc(v);
}

/** 2026-01-15 12:00:03 UTC */
export function time(iso) {
    if (!iso) {
        return '\u2014';
    }
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) {
        return String(iso);
    }
    return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, '').replace('Z', '') + ' UTC';
}

/** 67 s, 1 min 07 s, 1 h 02 min */
export function duration(seconds) {
    if (seconds === null || seconds === undefined || Number.isNaN(seconds)) {
        return '\u2014';
    }
    if (seconds < 60) {
        return (seconds < 10 ? round(seconds, 1) : Math.round(seconds)) + ' s';
    }
    const s = Math.round(seconds);
    if (s < 3600) {
        return Math.floor(s / 60) + ' min ' + String(s % 60).padStart(2, '0') + ' s';
    }
    return Math.floor(s / 3600) + ' h ' + String(Math.floor((s % 3600) / 60)).padStart(2, '0') + ' min';
}

/** Whole numbers from 100 on, else at most two decimals without trailing zeros (30, 45.2, 0.13). */
export function num(v) {
    if (v === null || v === undefined || typeof v !== 'number' || Number.isNaN(v)) {
        return '\u2014';
    }
    if (Math.abs(v) >= 100) {
        return String(Math.round(v));
    }
    return String(round(v, 2));
}

export function round(v, digits) {
    const f = 10 ** digits;
    return Math.round(v * f) / f;
}

export function ms(v) {
    return typeof v === 'number' ? num(v) + ' ms' : '\u2014';
}

export function bytes(n) {
    if (typeof n !== 'number') {
        return '\u2014';
    }
    if (n < 1024) {
        return n + ' B';
    }
    if (n < 1024 * 1024) {
        return round(n / 1024, 1) + ' KiB';
    }
    return round(n / 1024 / 1024, 1) + ' MiB';
}

export function shortCommit(commit) {
    return commit ? String(commit).slice(0, 10) : '';
}
