package io.acgs2.components.operations;

import io.acgs2.components.common.FieldFinding;

import java.util.ArrayList;
import java.util.List;

/**
 * The alert thresholds (config {@code operations.alerts}), the ACGS-2 guides' values by default.
 * Replication lag of the databases and caches keeps its own thresholds ({@code data.alarms}).
 *
 * @param mirrorLagWarningSeconds  MirrorMaker 2 replication latency warning. Default 60 (MM2 exports latency and
 *                                 record age, not a count of messages behind: the guides' 1000 messages is read as this)
 * @param mirrorLagCriticalSeconds the same, critical. Default 300 (the guides' Kafka RTO)
 * @param checkpointAgeSeconds     MirrorMaker 2 checkpoint latency beyond which consumer failover re-reads too much. Default 300
 * @param availabilityTarget       the availability SLO in percent. Default 99.99
 * @param latencySeconds           the P99 latency SLO in seconds (an Istio duration bucket bound). Default 5
 * @param crossRegionFactor        cross-region request rate over its rate an hour earlier that is an anomaly. Default 3
 * @param pendingMinutes           minutes a pod may stay Pending. Default 15
 * @param certificateDays          days before a certificate (ACM, mesh intermediate) expires to alert. Default 30
 */
public record AlertThresholds(int mirrorLagWarningSeconds, int mirrorLagCriticalSeconds,
                              int checkpointAgeSeconds, double availabilityTarget, double latencySeconds, double crossRegionFactor,
                              int pendingMinutes, int certificateDays) {

    /** Istio's request duration buckets (ms): a latency SLO must be one of them. */
    public static final List<Double> ISTIO_BUCKETS_MS = List.of(0.5, 1.0, 5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0, 1000.0, 2500.0,
            5000.0, 10000.0, 30000.0, 60000.0, 300000.0, 600000.0, 1800000.0, 3600000.0);

    public static AlertThresholds defaults() {
        return new AlertThresholds(60, 300, 300, 99.99, 5, 3, 15, 30);
    }

    /** The error budget as a fraction (99.99 % → 0.0001). */
    public double errorBudget() {
        return Math.round((100 - availabilityTarget) * 1e6) / 1e8;
    }

    public List<FieldFinding> validate() {
        var p = new ArrayList<FieldFinding>();
        if (mirrorLagWarningSeconds < 1 || mirrorLagCriticalSeconds < mirrorLagWarningSeconds) {
            p.add(FieldFinding.of("mirrorLagCriticalSeconds", mirrorLagCriticalSeconds + " is below the warning " + mirrorLagWarningSeconds,
                    "set 1 <= mirrorLagWarningSeconds <= mirrorLagCriticalSeconds"));
        }
        if (checkpointAgeSeconds < 60) {
            p.add(FieldFinding.of("checkpointAgeSeconds", "is " + checkpointAgeSeconds, "use 60 or more (checkpoints are emitted every 60 s)"));
        }
        if (!(availabilityTarget > 90 && availabilityTarget < 100)) {
            p.add(FieldFinding.of("availabilityTarget", "is " + availabilityTarget, "use a percentage between 90 and 100, e.g. 99.99"));
        }
        if (!ISTIO_BUCKETS_MS.contains(latencySeconds * 1000)) {
            p.add(FieldFinding.of("latencySeconds", latencySeconds + " s is not a bound of Istio's duration histogram",
                    "use one of " + ISTIO_BUCKETS_MS.stream().filter(b -> b >= 100).map(b -> format(b / 1000)).toList()));
        }
        if (crossRegionFactor <= 1) {
            p.add(FieldFinding.of("crossRegionFactor", "is " + crossRegionFactor, "use a factor above 1, e.g. 3"));
        }
        if (pendingMinutes < 1) {
            p.add(FieldFinding.of("pendingMinutes", "is " + pendingMinutes, "use 1 or more"));
        }
        if (certificateDays < 1 || certificateDays > 45) {
            p.add(FieldFinding.of("certificateDays", "is " + certificateDays, "use 1 to 45 (ACM reports DaysToExpiry from 45 days)"));
        }
        return p;
    }

    /** 5.0 → "5", 0.25 → "0.25". */
    public static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
