package dev.stonks.inttest.events.output;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Memory of one service under test (a process locally, a pod on Kubernetes) when the profiler looked.
 *
 * @param rssMb     resident memory now, MiB (a pod's working set on Kubernetes)
 * @param peakRssMb the highest resident memory since the process started, MiB, where the backend knows it
 * @param source    how it was read: {@code proc} (/proc of the local process) or {@code metrics-api} (metrics.k8s.io)
 */
public record MemoryUsage(double rssMb, @JsonInclude(JsonInclude.Include.NON_NULL) Double peakRssMb, String source) {
}
