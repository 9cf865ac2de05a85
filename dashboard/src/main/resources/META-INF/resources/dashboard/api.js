// The reporter's HTTP API as the dashboard uses it: JSON reads with problem details, and server-sent event streams.

/** Why a read failed: the API did not answer at all (down), or answered with an HTTP error (status, detail). */
export class ApiError extends Error {
    constructor(url, status, detail) {
        super(status ? `${url} answered ${status}: ${detail}` : `${url} did not answer: ${detail}`);
        this.url = url;
        this.status = status;
        this.detail = detail;
        this.down = !status;
    }
}

const TIMEOUT_MS = 10000;

/** GETs JSON; rejects with an {@link ApiError} carrying the problem's detail when there is one. */
export async function getJson(url) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    let response;
    try {
        response = await fetch(url, {headers: {Accept: 'application/json'}, signal: controller.signal});
    } catch (e) {
        throw new ApiError(url, 0, e.name === 'AbortError' ? `no answer within ${TIMEOUT_MS / 1000} s` : e.message);
    } finally {
        clearTimeout(timer);
    }
    const text = await response.text();
    if (!response.ok) {
        let detail = response.statusText || 'error';
        try {
            const problem = JSON.parse(text);
            detail = problem.detail || problem.title || detail;
        } catch (ignored) {
            // not a problem body: keep the status text
        }
        // A proxy in front of a stopped reporter answers 502/503/504: that is the API being down too.
        const error = new ApiError(url, response.status, detail);
        error.down = [502, 503, 504].includes(response.status);
        throw error;
    }
    try {
        return JSON.parse(text);
    } catch (e) {
        throw new ApiError(url, response.status, 'the answer is not JSON');
    }
}

/** Builds a query string from the non-empty entries of {@code params}. */
export function query(params) {
    const q = new URLSearchParams();
    Object.entries(params).forEach(([k, v]) => {
        if (v !== undefined && v !== null && v !== '') {
            q.set(k, v);
        }
    });
    const s = q.toString();
    return s ? '?' + s : '';
}

/** The event types the reporter's streams carry (the SSE event name is the CloudEvent type). */
export const EVENT_TYPES = ['run.requested', 'run.cancel-requested', 'run.replay-requested', 'run.replay',
    'run.replay-refused', 'stage.started',
    'stage.heartbeat', 'stage.completed', 'run.timed-out', 'run.verdict', 'verdict', 'promotion.decided', 'message'];

/**
 * Follows a server-sent event stream. {@code onEvent(type, data)} gets every event with its JSON data parsed;
 * {@code onState(state)} hears 'connecting', 'live', 'reconnecting' and 'closed'. The browser reconnects by itself
 * after an error; {@code close()} stops for good. Returns {close}.
 */
export function follow(url, onEvent, onState = () => {}) {
    let closed = false;
    const source = new EventSource(url);
    onState('connecting');
    source.onopen = () => onState('live');
    source.onerror = () => {
        if (!closed) {
            onState(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
        }
    };
    EVENT_TYPES.forEach(type => source.addEventListener(type, e => {
        let data = {};
        try {
            data = e.data ? JSON.parse(e.data) : {};
        } catch (ignored) {
            data = {raw: e.data};
        }
        onEvent(type === 'message' ? (data.type || 'message') : type, data);
    }));
    return {
        close() {
            closed = true;
            source.close();
            onState('closed');
        }
    };
}
