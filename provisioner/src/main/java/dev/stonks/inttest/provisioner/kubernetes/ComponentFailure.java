package dev.stonks.inttest.provisioner.kubernetes;

/**
 * Why a component did not become ready, as found on its pods.
 *
 * @param reason    what Kubernetes calls it (ImagePullBackOff, CrashLoopBackOff, Unschedulable, ...) or a short name
 * @param detail    one line: the kubelet's message, a probe failure, the exit code
 * @param pod       the pod it was seen on, or null (no pod at all)
 * @param container the container, or null
 * @param imagePull whether the image could not be pulled (the image tag does not exist, or is not reachable)
 * @param previous  whether the interesting log is the previous (crashed) container's
 */
public record ComponentFailure(String reason, String detail, String pod, String container, boolean imagePull,
        boolean previous) {

    public static ComponentFailure of(String reason, String detail) {
        return new ComponentFailure(reason, detail, null, null, false, false);
    }
}
