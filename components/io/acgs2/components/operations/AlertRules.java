package io.acgs2.components.operations;

import io.acgs2.components.common.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus rules of a region (a rules file, as the managed Prometheus's rule group namespace
 * takes it), a pure function of the thresholds and the cluster: Kafka and MirrorMaker 2, the
 * availability and latency SLOs as multi-window burn-rate alerts (the SRE workbook's 14.4/6/1 burn
 * rates over 1h/5m, 6h/30m, 3d/6h), cross-region request surges, pending pods and node-group
 * capacity, the mesh intermediate's expiry, and the compliance jobs. Each alert carries
 * {@code severity} (critical pages, warning notifies; the alert manager routes on it) and
 * {@code region}. Replication lag of databases and caches, Route 53 checks and ACM certificates are
 * CloudWatch alarms (AWS publishes those metrics there).
 */
public final class AlertRules {

    /** The namespace the compliance jobs run in. */
    public static final String COMPLIANCE_NAMESPACE = "acgs2-system";
    public static final String DAILY_JOB = "compliance-daily";
    public static final String WEEKLY_JOB = "compliance-weekly";
    /** Burn rates and their (long, short) windows: page, page, ticket. */
    static final List<Object[]> BURNS = List.of(
            new Object[]{"FastBurn", 14.4, "1h", "5m", PagingSettings.CRITICAL, "2m"},
            new Object[]{"SlowBurn", 6.0, "6h", "30m", PagingSettings.CRITICAL, "15m"},
            new Object[]{"BudgetBurn", 1.0, "3d", "6h", PagingSettings.WARNING, "1h"});
    static final List<String> WINDOWS = List.of("5m", "30m", "1h", "6h", "3d");

    private AlertRules() {
    }

    /** The rules file's groups. */
    public static List<Map<String, Object>> groups(AlertThresholds t, String region, String meshCluster) {
        var groups = new ArrayList<Map<String, Object>>();
        groups.add(group("acgs2-kafka", List.of(
                alert("KafkaUnderReplicatedPartitions", "sum by (namespace, strimzi_io_cluster) "
                        + "(kafka_server_replicamanager_underreplicatedpartitions) > 0", "5m", PagingSettings.WARNING, region,
                        "Kafka {{ $labels.strimzi_io_cluster }} has {{ $value }} under-replicated partitions"),
                alert("KafkaOfflinePartitions", "sum by (namespace, strimzi_io_cluster) "
                        + "(kafka_controller_kafkacontroller_offlinepartitionscount) > 0", "1m", PagingSettings.CRITICAL, region,
                        "Kafka {{ $labels.strimzi_io_cluster }} has {{ $value }} offline partitions"),
                alert("MirrorMakerReplicationLag", "max by (source, target) "
                        + "(kafka_connect_mirror_mirrorsourceconnector_replication_latency_ms_max) > " + t.mirrorLagWarningSeconds() * 1000,
                        "5m", PagingSettings.WARNING, region, "MirrorMaker 2 {{ $labels.source }} to {{ $labels.target }} lags {{ $value }} ms"),
                alert("MirrorMakerReplicationLagCritical", "max by (source, target) "
                        + "(kafka_connect_mirror_mirrorsourceconnector_replication_latency_ms_max) > " + t.mirrorLagCriticalSeconds() * 1000,
                        "5m", PagingSettings.CRITICAL, region, "MirrorMaker 2 {{ $labels.source }} to {{ $labels.target }} lags {{ $value }} ms"),
                alert("MirrorMakerCheckpointAge", "max by (source, target) "
                        + "(kafka_connect_mirror_mirrorcheckpointconnector_checkpoint_latency_ms_max) > " + t.checkpointAgeSeconds() * 1000,
                        "10m", PagingSettings.WARNING, region,
                        "consumer offsets from {{ $labels.source }} are {{ $value }} ms old in {{ $labels.target }}"))));

        var slo = new ArrayList<Map<String, Object>>();
        var errors = "reporter=\"destination\",response_code=~\"5..\"";
        var all = "reporter=\"destination\"";
        var bucket = AlertThresholds.format(t.latencySeconds() * 1000);
        for (var w : WINDOWS) {
            slo.add(record("slo:errors:ratio_rate" + w, "sum by (destination_service) (rate(istio_requests_total{" + errors + "}[" + w + "]))"
                    + " / sum by (destination_service) (rate(istio_requests_total{" + all + "}[" + w + "]))"));
            slo.add(record("slo:slow:ratio_rate" + w, "1 - sum by (destination_service) (rate(istio_request_duration_milliseconds_bucket{"
                    + all + ",le=\"" + bucket + "\"}[" + w + "])) / sum by (destination_service) (rate(istio_request_duration_milliseconds_count{"
                    + all + "}[" + w + "]))"));
        }
        for (var b : BURNS) {
            var name = (String) b[0];
            var rate = (double) b[1];
            var availability = number(rate * t.errorBudget());
            // a P99 latency objective leaves 1 % of requests over the bound
            var latency = number(rate * 0.01);
            slo.add(alert("Availability" + name, "slo:errors:ratio_rate" + b[2] + " > " + availability + " and slo:errors:ratio_rate" + b[3]
                    + " > " + availability, (String) b[5], (String) b[4], region, "{{ $labels.destination_service }} burns its "
                    + AlertThresholds.format(t.availabilityTarget()) + " % availability budget " + AlertThresholds.format(rate) + "x"));
            slo.add(alert("Latency" + name, "slo:slow:ratio_rate" + b[2] + " > " + latency + " and slo:slow:ratio_rate" + b[3] + " > " + latency,
                    (String) b[5], (String) b[4], region, "{{ $labels.destination_service }} answers over "
                            + AlertThresholds.format(t.latencySeconds()) + " s too often (P99 objective, " + AlertThresholds.format(rate) + "x burn)"));
        }
        groups.add(group("acgs2-slo", slo));

        var leaving = "istio_requests_total{reporter=\"source\",destination_cluster!=\"" + meshCluster
                + "\",destination_cluster!=\"unknown\"}[10m]";
        groups.add(group("acgs2-traffic", List.of(
                alert("CrossRegionRequestSurge", "sum(rate(" + leaving + ")) > " + AlertThresholds.format(t.crossRegionFactor()) + " * (sum(rate("
                                + leaving + " offset 1h)) + 0.1)", "10m", PagingSettings.WARNING, region,
                        "requests leaving " + region + " for other regions rose over " + AlertThresholds.format(t.crossRegionFactor())
                                + "x their rate an hour ago: a region failing over, or a routing fault"))));

        groups.add(group("acgs2-cluster", List.of(
                alert("PodsPending", "sum by (namespace) (kube_pod_status_phase{phase=\"Pending\"}) > 0", t.pendingMinutes() + "m",
                        PagingSettings.WARNING, region, "{{ $value }} pods pending in {{ $labels.namespace }}"),
                alert("NodeGroupAtCapacity", "max(cluster_autoscaler_unschedulable_pods_count) > 0", t.pendingMinutes() + "m",
                        PagingSettings.WARNING, region, "{{ $value }} pods fit no node group: a group is at its maximum"),
                alert("MeshIntermediateExpiring", "min(citadel_server_cert_chain_expiry_timestamp) - time() < "
                        + t.certificateDays() * 86400, "1h", PagingSettings.WARNING, region,
                        "the mesh intermediate CA of " + region + " expires within " + t.certificateDays() + " days: pulumi up renews it"))));

        groups.add(group("acgs2-compliance", List.of(
                alert("ComplianceVerificationFailed", "max by (job_name) (kube_job_status_failed{namespace=\"" + COMPLIANCE_NAMESPACE
                        + "\",job_name=~\"" + DAILY_JOB + "-.*\"}) > 0", "1m", PagingSettings.CRITICAL, region,
                        "the daily compliance verification {{ $labels.job_name }} failed: read its report"),
                alert("WeeklyComplianceAuditMissed", "time() - max(kube_cronjob_status_last_successful_time{namespace=\""
                        + COMPLIANCE_NAMESPACE + "\",cronjob=\"" + WEEKLY_JOB + "\"}) > " + 8 * 86400, "1h", PagingSettings.WARNING,
                        region, "no weekly compliance audit has succeeded in " + region + " for over 8 days"))));
        return groups;
    }

    /** The rules file (YAML). */
    public static String yaml(AlertThresholds t, String region, String meshCluster) {
        return Json.yaml(Map.of("groups", groups(t, region, meshCluster)));
    }

    /** Every alert's name. */
    public static List<String> alertNames(AlertThresholds t) {
        return groups(t, "r", "c").stream().flatMap(g -> ((List<?>) g.get("rules")).stream())
                .map(r -> (Map<?, ?>) r).filter(r -> r.containsKey("alert")).map(r -> String.valueOf(r.get("alert"))).toList();
    }

    private static Map<String, Object> group(String name, List<Map<String, Object>> rules) {
        var g = new LinkedHashMap<String, Object>();
        g.put("name", name);
        g.put("rules", rules);
        return g;
    }

    private static Map<String, Object> record(String name, String expr) {
        var r = new LinkedHashMap<String, Object>();
        r.put("record", name);
        r.put("expr", expr);
        return r;
    }

    private static Map<String, Object> alert(String name, String expr, String forDuration, String severity, String region, String summary) {
        var r = new LinkedHashMap<String, Object>();
        r.put("alert", name);
        r.put("expr", expr);
        r.put("for", forDuration);
        r.put("labels", Map.of("severity", severity, "region", region));
        r.put("annotations", Map.of("summary", summary));
        return r;
    }

    /** A threshold as PromQL writes it (no float noise: 14.4 x 0.0001 = 0.00144). */
    static String number(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
