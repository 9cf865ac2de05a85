package dev.stonks.inttest.events;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CloudEvents types of the pipeline: {@code dev.stonks.inttest.<name>.v<major>}. Only major version 1 is
 * understood; any other major version is rejected so that it lands in the dead-letter topic.
 */
public enum EventType {
    RUN_REQUESTED("run.requested", Topics.RUNS, RunRequested.class),
    RUN_CANCEL_REQUESTED("run.cancel-requested", Topics.RUNS, RunCancelRequested.class),
    RUN_REPLAY_REQUESTED("run.replay-requested", Topics.RUNS, RunReplayRequested.class),
    STAGE_STARTED("stage.started", Topics.STAGES, StageStarted.class),
    STAGE_HEARTBEAT("stage.heartbeat", Topics.STAGES, StageHeartbeat.class),
    STAGE_COMPLETED("stage.completed", Topics.STAGES, StageCompleted.class),
    RUN_TIMED_OUT("run.timed-out", Topics.STAGES, RunTimedOut.class),
    RUN_VERDICT("run.verdict", Topics.VERDICTS, RunVerdict.class),
    PROMOTION_DECIDED("promotion.decided", Topics.VERDICTS, PromotionDecided.class),
    BREAK_GLASS_RECORDED("promotion.break-glass", Topics.VERDICTS, BreakGlassRecorded.class);

    public static final String PREFIX = "dev.stonks.inttest.";
    public static final int MAJOR_VERSION = 1;
    private static final Pattern TYPE = Pattern.compile("dev\\.stonks\\.inttest\\.([a-z.-]+)\\.v(\\d{1,4})");

    private final String eventName;
    private final String topic;
    private final Class<? extends InttestEvent> dataClass;

    EventType(String eventName, String topic, Class<? extends InttestEvent> dataClass) {
        this.eventName = eventName;
        this.topic = topic;
        this.dataClass = dataClass;
    }

    public String eventName() {
        return eventName;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends InttestEvent> dataClass() {
        return dataClass;
    }

    /** The value of the {@code ce_type} header. */
    public String ceType() {
        return PREFIX + eventName + ".v" + MAJOR_VERSION;
    }

    public static EventType fromCeType(String ceType) {
        if (ceType == null || ceType.isBlank()) {
            throw new InvalidEventException(InvalidEventException.Reason.MISSING_ATTRIBUTE, "no ce_type header");
        }
        Matcher m = TYPE.matcher(ceType);
        if (!m.matches()) {
            throw new InvalidEventException(InvalidEventException.Reason.UNKNOWN_TYPE, "unknown type '" + ceType + "'");
        }
        EventType type = Arrays.stream(values()).filter(t -> t.eventName.equals(m.group(1))).findFirst()
                .orElseThrow(() -> new InvalidEventException(InvalidEventException.Reason.UNKNOWN_TYPE,
                        "unknown type '" + ceType + "'"));
        if (Integer.parseInt(m.group(2)) != MAJOR_VERSION) {
            throw new InvalidEventException(InvalidEventException.Reason.UNSUPPORTED_VERSION,
                    "unsupported major version in '" + ceType + "' (this consumer understands v" + MAJOR_VERSION + ")");
        }
        return type;
    }
}
