package io.acgs2.components.operations;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.common.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ACGS-2 guides' three dashboards for a region, as CloudWatch dashboards (they stay readable
 * when the cluster is not): PostgreSQL replication (global database lag, RPO lag and forwarded
 * write latency of this region's members, with each domain's placement and writer), multi-region
 * traffic (the Route 53 check of this region, the failover bounds of the front door and of each
 * service), and compliance status (the compliance jobs' results, backup job failures, and the
 * fleet's residency facts). The bodies are pure functions of the facts ({@link #bodies}).
 */
public class Dashboards extends ComponentResource {

    public static final String TYPE = "acgs2:operations:Dashboards";
    /** The namespace the compliance jobs publish their results in. */
    public static final String COMPLIANCE_NAMESPACE = "ACGS2/Compliance";

    /** The facts a region's dashboards show. */
    public record Facts(String region, String zone, Map<String, String> clusters, Map<String, String> placements,
                        Map<String, String> serviceBounds, String frontDoorBound, String backupVault, String residency) {
    }

    public Dashboards(String name, Output<Facts> facts, Output<String> healthCheckId, ComponentResourceOptions options) {
        super(TYPE, name, options);
        for (var kind : List.of("postgres-replication", "multi-region-traffic", "compliance-status")) {
            new Dashboard(name + "-" + kind, DashboardArgs.builder()
                    .dashboardName(facts.applyValue(f -> "acgs2-" + f.region() + "-" + kind))
                    .dashboardBody(Output.tuple(facts, healthCheckId).applyValue(t -> Json.write(bodies(t.t1, t.t2).get(kind))))
                    .build(), CustomResourceOptions.builder().parent(this).build());
        }
        this.registerOutputs(Map.of());
    }

    /** Each dashboard's body (CloudWatch's dashboard body structure), by kind. */
    public static Map<String, Map<String, Object>> bodies(Facts f, String healthCheckId) {
        var out = new LinkedHashMap<String, Map<String, Object>>();
        var postgres = new ArrayList<Object>();
        postgres.add(text(0, "## PostgreSQL replication in " + f.region() + "\n" + table("domain", "this region, writer", f.placements())));
        int y = 4;
        for (var c : f.clusters().entrySet()) {
            postgres.add(metric(0, y, "Replication and RPO lag: " + c.getKey(), f.region(), List.of(
                    List.of("AWS/RDS", "AuroraGlobalDBReplicationLag", "DBClusterIdentifier", c.getValue()),
                    List.of("AWS/RDS", "AuroraGlobalDBRPOLag", "DBClusterIdentifier", c.getValue())), "Maximum"));
            postgres.add(metric(12, y, "Forwarded writes: " + c.getKey(), f.region(), List.of(
                    List.of("AWS/RDS", "AuroraForwardingReplicaDMLLatency", "DBClusterIdentifier", c.getValue()),
                    List.of("AWS/RDS", "AuroraForwardingReplicaOpenSessions", "DBClusterIdentifier", c.getValue())), "Average"));
            y += 6;
        }
        out.put("postgres-replication", Map.of("widgets", postgres));

        var traffic = new ArrayList<Object>();
        traffic.add(text(0, "## Multi-region traffic in " + f.region() + " (zone " + f.zone() + ")\nDNS failover bound: "
                + f.frontDoorBound() + "\n" + table("service", "mesh failover bound (s)", f.serviceBounds())));
        if (!healthCheckId.isEmpty()) {
            // Route 53 publishes its health check metrics in us-east-1 only
            traffic.add(metric(0, 4, "Route 53 health of " + f.region(), "us-east-1", List.of(
                    List.of("AWS/Route53", "HealthCheckStatus", "HealthCheckId", healthCheckId),
                    List.of("AWS/Route53", "HealthCheckPercentageHealthy", "HealthCheckId", healthCheckId)), "Minimum"));
        }
        out.put("multi-region-traffic", Map.of("widgets", traffic));

        var compliance = new ArrayList<Object>();
        compliance.add(text(0, "## Compliance status of " + f.region() + " (zone " + f.zone() + ")\n" + f.residency()));
        compliance.add(metric(0, 4, "Compliance checks failed", f.region(), List.of(
                List.of(COMPLIANCE_NAMESPACE, "ChecksFailed", "Region", f.region()),
                List.of(COMPLIANCE_NAMESPACE, "ChecksPassed", "Region", f.region())), "Maximum"));
        if (!f.backupVault().isEmpty()) {
            compliance.add(metric(12, 4, "Backup jobs failed", f.region(), RegionBackup.FAILURE_METRICS.stream()
                    .map(m -> (List<String>) List.of("AWS/Backup", m, "BackupVaultName", f.backupVault())).toList(), "Sum"));
        }
        out.put("compliance-status", Map.of("widgets", compliance));
        return out;
    }

    private static Map<String, Object> text(int y, String markdown) {
        return Map.of("type", "text", "x", 0, "y", y, "width", 24, "height", 4, "properties", Map.of("markdown", markdown));
    }

    private static Map<String, Object> metric(int x, int y, String title, String region, List<List<String>> metrics, String stat) {
        var props = new LinkedHashMap<String, Object>();
        props.put("title", title);
        props.put("region", region);
        props.put("metrics", metrics);
        props.put("stat", stat);
        props.put("period", 60);
        props.put("view", "timeSeries");
        return Map.of("type", "metric", "x", x, "y", y, "width", 12, "height", 6, "properties", props);
    }

    private static String table(String key, String value, Map<String, String> rows) {
        var b = new StringBuilder("\n| " + key + " | " + value + " |\n|---|---|\n");
        rows.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return b.toString();
    }
}
