package dev.stonks.inttest.provisioner.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads pods and their events the way a person would after {@code kubectl describe pod}: what stops them. */
public final class PodDiagnosis {
    static final Set<String> IMAGE_PULL = Set.of("ImagePullBackOff", "ErrImagePull", "InvalidImageName",
            "ErrImageNeverPull");
    static final Set<String> CONFIG = Set.of("CreateContainerConfigError", "CreateContainerError",
            "RunContainerError");
    static final String CRASH_LOOP = "CrashLoopBackOff";

    private PodDiagnosis() {
    }

    /** A state that will not get better by waiting: a pull failure, a config error, a crash loop. */
    public static Optional<ComponentFailure> hopeless(Pod pod, int crashLoopRestarts) {
        for (ContainerStatus status : statuses(pod)) {
            ContainerStateWaiting waiting = status.getState() == null ? null : status.getState().getWaiting();
            if (waiting == null || waiting.getReason() == null) {
                continue;
            }
            String reason = waiting.getReason();
            if (IMAGE_PULL.contains(reason)) {
                return Optional.of(new ComponentFailure(reason, detail(waiting.getMessage(), "cannot pull image "
                        + status.getImage()), name(pod), status.getName(), true, false));
            }
            if (CONFIG.contains(reason)) {
                return Optional.of(new ComponentFailure(reason, detail(waiting.getMessage(), reason), name(pod),
                        status.getName(), false, false));
            }
            int restarts = status.getRestartCount() == null ? 0 : status.getRestartCount();
            if (CRASH_LOOP.equals(reason) && restarts >= crashLoopRestarts) {
                return Optional.of(new ComponentFailure(reason, "restarted " + restarts + " times"
                        + lastExit(status), name(pod), status.getName(), false, true));
            }
        }
        return Optional.empty();
    }

    /** Why pods that are still not ready at the deadline are not: the best explanation found. */
    public static ComponentFailure notReady(List<Pod> pods, List<Event> events) {
        if (pods.isEmpty()) {
            return ComponentFailure.of("NoPods", "no pod was created for it (look at the workload's events)");
        }
        Pod pod = pods.get(0);
        for (PodCondition c : conditions(pod)) {
            if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())) {
                return new ComponentFailure(c.getReason() == null ? "Unschedulable" : c.getReason(),
                        detail(c.getMessage(), "the pod is not scheduled"), name(pod), null, false, false);
            }
        }
        Optional<Event> probe = latest(events, pod, "Unhealthy");
        if (probe.isPresent()) {
            return new ComponentFailure("ProbeFailed", detail(probe.get().getMessage(), "a probe fails"), name(pod),
                    containerOf(probe.get()), false, false);
        }
        for (ContainerStatus status : statuses(pod)) {
            ContainerStateWaiting waiting = status.getState() == null ? null : status.getState().getWaiting();
            if (waiting != null && waiting.getReason() != null) {
                return new ComponentFailure(waiting.getReason(), detail(waiting.getMessage(), "container "
                        + status.getName() + " is waiting") + lastExit(status), name(pod), status.getName(),
                        IMAGE_PULL.contains(waiting.getReason()), CRASH_LOOP.equals(waiting.getReason()));
            }
            ContainerStateTerminated terminated = status.getState() == null ? null
                    : status.getState().getTerminated();
            if (terminated != null) {
                return new ComponentFailure("Terminated", "container " + status.getName() + " exited with code "
                        + terminated.getExitCode() + reasonOf(terminated), name(pod), status.getName(), false, false);
            }
            if (!Boolean.TRUE.equals(status.getReady())) {
                return new ComponentFailure("NotReady", "container " + status.getName()
                        + " runs but its readiness probe does not pass", name(pod), status.getName(), false, false);
            }
        }
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return new ComponentFailure("NotReady", "pod phase " + (phase == null ? "unknown" : phase), name(pod), null,
                false, false);
    }

    /** Why a Job failed, from its pods. */
    public static ComponentFailure jobFailed(String condition, List<Pod> pods) {
        for (Pod pod : pods) {
            for (ContainerStatus status : statuses(pod)) {
                ContainerStateTerminated t = status.getState() == null ? null : status.getState().getTerminated();
                if (t != null && t.getExitCode() != null && t.getExitCode() != 0) {
                    return new ComponentFailure("JobFailed", condition + "; container " + status.getName()
                            + " exited with code " + t.getExitCode() + reasonOf(t), name(pod), status.getName(),
                            false, false);
                }
            }
        }
        return new ComponentFailure("JobFailed", condition, pods.isEmpty() ? null : name(pods.get(0)), null, false,
                false);
    }

    public static boolean isReady(Pod pod) {
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            return false;
        }
        return conditions(pod).stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static Optional<Event> latest(List<Event> events, Pod pod, String reason) {
        return events.stream()
                .filter(e -> e.getInvolvedObject() != null && name(pod).equals(e.getInvolvedObject().getName()))
                .filter(e -> reason.equals(e.getReason()))
                .max(Comparator.comparing(PodDiagnosis::when));
    }

    private static String when(Event e) {
        if (e.getLastTimestamp() != null) {
            return e.getLastTimestamp();
        }
        if (e.getEventTime() != null && e.getEventTime().getTime() != null) {
            return e.getEventTime().getTime();
        }
        return e.getFirstTimestamp() == null ? "" : e.getFirstTimestamp();
    }

    private static String containerOf(Event e) {
        String field = e.getInvolvedObject().getFieldPath();
        // spec.containers{stonks}
        if (field != null && field.contains("{") && field.endsWith("}")) {
            return field.substring(field.indexOf('{') + 1, field.length() - 1);
        }
        return null;
    }

    private static List<ContainerStatus> statuses(Pod pod) {
        List<ContainerStatus> all = new ArrayList<>();
        if (pod.getStatus() != null) {
            if (pod.getStatus().getInitContainerStatuses() != null) {
                all.addAll(pod.getStatus().getInitContainerStatuses());
            }
            if (pod.getStatus().getContainerStatuses() != null) {
                all.addAll(pod.getStatus().getContainerStatuses());
            }
        }
        return all;
    }

    private static List<PodCondition> conditions(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getConditions() == null ? List.of()
                : pod.getStatus().getConditions();
    }

    private static String lastExit(ContainerStatus status) {
        ContainerStateTerminated t = status.getLastState() == null ? null : status.getLastState().getTerminated();
        return t == null ? "" : "; last exit code " + t.getExitCode() + reasonOf(t);
    }

    private static String reasonOf(ContainerStateTerminated t) {
        return t.getReason() == null ? "" : " (" + t.getReason() + ")";
    }

    private static String detail(String message, String fallback) {
        return message == null || message.isBlank() ? fallback : message.strip();
    }

    private static String name(Pod pod) {
        return pod.getMetadata().getName();
    }
}
