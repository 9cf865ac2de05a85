// Pieces several views share: status badges and the error box.
import {html} from './format.js';

const STATUS_MARK = {running: '\u25cf', passed: '\u2713', failed: '\u2717', error: '!', cancelled: '\u2298',
    ok: '\u2713', skipped: '\u2013', pending: '\u2026', 'timed out': '\u231b'};

/** A status as text with a mark and a colour (the text alone carries the meaning). */
export function statusBadge(status) {
    return html`<span class="badge status-${status}"><span aria-hidden="true">${STATUS_MARK[status] || ''}</span>
        ${status}</span>`;
}

/** running | passed | failed | error | cancelled, from a summary's status or a results document. */
export function runStatus(doc) {
    if (doc.status) {
        return doc.status;
    }
    if (doc.cancelled) {
        return 'cancelled';
    }
    return {0: 'passed', 1: 'failed', 2: 'error'}[doc.exit_code] || 'error';
}

/** The message shown instead of data when a read failed: the API down is said as such. */
export function errorBox(error, what) {
    const down = error.down;
    return html`<div class="error-box" role="alert">
        <p><strong>${what}.</strong> ${down
            ? 'The reporter API did not answer: it may be stopped or restarting (bin/inttest status says).'
            : `The reporter answered ${error.status}: ${error.detail}`}</p>
        <p class="sub">${error.message}</p>
        <p><button type="button" class="retry">Try again</button>${down ? ' (tried again every 5 s)' : ''}</p>
    </div>`;
}
