package io.acgs2.stacks.failover;

import io.acgs2.components.data.AuroraGlobalDatabaseArgs;
import io.acgs2.components.data.CacheGlobalDatastoreArgs;
import io.acgs2.components.data.DataStore;
import io.acgs2.components.data.DomainPlacement;
import io.acgs2.components.wiring.TopicAccess;
import io.acgs2.stacks.config.EventsSection;
import io.acgs2.stacks.config.Fleet;
import io.acgs2.stacks.config.RegionSpec;
import io.acgs2.stacks.config.ServicesSection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes a region failover (and failback) from the fleet's configuration and its stacks' outputs:
 * a pure function, so the dry run, the executor and the tests see the same steps. Every target is a
 * region of the domain's own placement (so of its zone): a domain whose zone has no other region is
 * refused, naming the zone.
 */
public final class FailoverPlanner {

    /** The RPO the guides ask (RPO under a minute): an unplanned failover over it needs --allow-data-loss. */
    public static final int RPO_SECONDS = 60;
    static final int SWITCHOVER_SECONDS = 300;
    static final int FAILOVER_SECONDS = 180;
    static final int MEASURE_SECONDS = 10;
    static final int CACHE_SECONDS = 300;
    static final int KAFKA_SECONDS = 60;

    private FailoverPlanner() {
    }

    /** What a stack exported (a plan snapshot offline, `pulumi stack output --json` for real), by stack. */
    public record Outputs(Map<String, Map<String, Object>> byStack) {

        Optional<String> text(String stack, String key) {
            var v = byStack.getOrDefault(stack, Map.of()).get(key);
            return v == null || String.valueOf(v).isEmpty() ? Optional.empty() : Optional.of(String.valueOf(v));
        }

        Optional<String> entry(String stack, String key, String entry) {
            var v = byStack.getOrDefault(stack, Map.of()).get(key);
            return v instanceof Map<?, ?> m && m.get(entry) != null ? Optional.of(String.valueOf(m.get(entry))) : Optional.empty();
        }
    }

    /** A failover of every domain {@code from} writes, to {@code to} where the domain lives there (else its next region). */
    public static FailoverPlan failover(Fleet fleet, Outputs outputs, String from, Optional<String> to, boolean planned) {
        var fromSpec = fleet.byRegion(from).orElseThrow(() -> new IllegalArgumentException("--from " + from + ": no stack of the fleet is in that region; use one of "
                        + fleet.regions().stream().map(r -> r.region()).toList()));
        to.ifPresent(t -> fleet.byRegion(t).orElseThrow(() ->
                new IllegalArgumentException("--to " + t + ": no stack of the fleet is in that region")));
        var steps = new ArrayList<FailoverStep>();
        var targets = new TreeMap<String, String>();
        var refusals = new ArrayList<String>();
        var configChanges = new ArrayList<String>();
        var checks = new ArrayList<String>();
        var account = outputs.text(fromSpec.stack(), "accountId").orElse("<account>");

        dns(steps, outputs, fromSpec.stack(), from, true, checks);
        for (var p : fleet.placements().values()) {
            var d = p.domain();
            if (!d.writer().equals(from) || !(d.stores().contains(DataStore.DATABASE) || d.stores().contains(DataStore.CACHE))) {
                continue;
            }
            var candidates = p.regions().stream().filter(r -> !r.equals(from)).toList();
            if (candidates.isEmpty()) {
                refusals.add("domain " + d.name() + " (zone " + d.zone() + ") lives only in " + from + ": no other region of zone " + d.zone()
                        + " holds it, and its data may not leave the zone; its writes wait for " + from
                        + " (add a second " + d.zone() + " region to make it failover-ready)");
                continue;
            }
            var target = to.filter(candidates::contains).orElse(candidates.get(0));
            targets.put(d.name(), target);
            move(steps, checks, configChanges, fleet, outputs, p, from, target, planned, account);
        }
        kafka(steps, fleet, from, targets);
        configChanges.add("Pulumi." + fromSpec.stack() + ".yaml: acgs2-infra:drain: true");
        steps.add(new FailoverStep("config", "", FailoverStep.Action.OPERATOR, "record the new writers and the drain in the stack files, "
                + "then pulumi up in rollout order (zero replacements: the writer moves no create-only input)",
                String.join("; ", configChanges) + "; then: bin/acgs2 rollout-order | while read s; do pulumi up -s $s --yes; done", 0,
                "config", Map.of()));
        return new FailoverPlan(from, planned, targets, steps, refusals, configChanges, checks);
    }

    /** Back to {@code to}: every domain homed there (its owner) written elsewhere now, switched over; the region undrained. */
    public static FailoverPlan failback(Fleet fleet, Outputs outputs, String to) {
        var toSpec = fleet.byRegion(to).orElseThrow(() -> new IllegalArgumentException("--to " + to + ": no stack of the fleet is in that region"));
        var steps = new ArrayList<FailoverStep>();
        var targets = new TreeMap<String, String>();
        var checks = new ArrayList<String>();
        var configChanges = new ArrayList<String>();
        var account = outputs.text(toSpec.stack(), "accountId").orElse("<account>");
        for (var p : fleet.placements().values()) {
            var d = p.domain();
            if (!p.owner().equals(to) || d.writer().equals(to)) {
                continue;
            }
            targets.put(d.name(), to);
            move(steps, checks, configChanges, fleet, outputs, p, d.writer(), to, true, account);
        }
        dns(steps, outputs, toSpec.stack(), to, false, checks);
        configChanges.add("Pulumi." + toSpec.stack() + ".yaml: acgs2-infra:drain: false (or remove it)");
        steps.add(new FailoverStep("config", "", FailoverStep.Action.OPERATOR, "record the writers back and the region undrained, then "
                + "pulumi up in rollout order", String.join("; ", configChanges), 0, "config", Map.of()));
        return new FailoverPlan(to, true, targets, steps, List.of(), configChanges, checks);
    }

    private static void dns(List<FailoverStep> steps, Outputs outputs, String stack, String region, boolean drain, List<String> checks) {
        var check = outputs.text(stack, "trafficHealthCheckId");
        if (check.isEmpty()) {
            return;
        }
        var bound = outputs.text(stack, "trafficFailoverBoundSeconds").map(v -> (int) Double.parseDouble(v)).orElse(180);
        steps.add(new FailoverStep(drain ? "drain-dns" : "undrain-dns", "", FailoverStep.Action.DNS,
                (drain ? "take " : "put ") + region + (drain ? " out of" : " back into") + " DNS: its Route 53 health check "
                        + (drain ? "inverted (reports unhealthy)" : "no longer inverted"),
                "aws route53 update-health-check --health-check-id " + check.get() + (drain ? " --inverted" : " --no-inverted"),
                drain ? bound : 60, "dns", Map.of("healthCheckId", check.get(), "inverted", String.valueOf(drain))));
        checks.add("aws route53 get-health-check-status --health-check-id " + check.get() + "   # " + (drain ? "all checkers: Failure" : "Success"));
    }

    private static void move(List<FailoverStep> steps, List<String> checks, List<String> configChanges, Fleet fleet, Outputs outputs,
                             DomainPlacement p, String from, String target, boolean planned, String account) {
        var d = p.domain();
        var partition = RegionSpec.partitionOf(target);
        if (d.stores().contains(DataStore.DATABASE)) {
            var global = AuroraGlobalDatabaseArgs.defaultGlobalClusterIdentifier(d.name());
            var targetCluster = AuroraGlobalDatabaseArgs.clusterIdentifier(global, target);
            var arn = "arn:" + partition + ":rds:" + target + ":" + account + ":cluster:" + targetCluster;
            if (!planned) {
                steps.add(new FailoverStep("measure-rpo-" + d.name(), d.name(), FailoverStep.Action.MEASURE_RPO,
                        "measure how far " + target + " lags (AuroraGlobalDBRPOLag) against the " + RPO_SECONDS + " s RPO",
                        "aws cloudwatch get-metric-statistics --region " + target + " --namespace AWS/RDS --metric-name AuroraGlobalDBRPOLag "
                                + "--dimensions Name=DBClusterIdentifier,Value=" + targetCluster + " --statistics Maximum --period 60 ...",
                        MEASURE_SECONDS, "database", Map.of("region", target, "cluster", targetCluster, "rpoSeconds", String.valueOf(RPO_SECONDS))));
            }
            steps.add(new FailoverStep("database-" + d.name(), d.name(), FailoverStep.Action.DATABASE,
                    (planned ? "switch the writer of " : "fail the writer of ") + global + " over from " + from + " to " + target
                            + (planned ? " (no data loss)" : " (data since the last replication is lost)"),
                    "aws rds " + (planned ? "switchover-global-cluster" : "failover-global-cluster --allow-data-loss") + " --region " + target
                            + " --global-cluster-identifier " + global + " --target-db-cluster-identifier " + arn,
                    planned ? SWITCHOVER_SECONDS : FAILOVER_SECONDS, "database",
                    Map.of("region", target, "globalCluster", global, "targetArn", arn, "planned", String.valueOf(planned))));
            checks.add("aws rds describe-global-clusters --region " + target + " --global-cluster-identifier " + global
                    + " --query 'GlobalClusters[0].GlobalClusterMembers[?IsWriter].DBClusterArn'   # " + arn);
        }
        if (d.stores().contains(DataStore.CACHE)) {
            var owner = fleet.byRegion(p.owner()).orElseThrow();
            var gid = outputs.entry(owner.stack(), "cacheGlobalReplicationGroupIds", d.name()).orElse("<prefix>-" + CacheGlobalDatastoreArgs.globalReplicationGroupIdSuffix(d.name()));
            var group = CacheGlobalDatastoreArgs.replicationGroupId(d.name(), target);
            steps.add(new FailoverStep("cache-" + d.name(), d.name(), FailoverStep.Action.CACHE,
                    "make " + target + "'s member the primary of the cache datastore " + gid,
                    "aws elasticache failover-global-replication-group --region " + target + " --global-replication-group-id " + gid
                            + " --primary-region " + target + " --primary-replication-group-id " + group,
                    CACHE_SECONDS, "cache", Map.of("region", target, "globalGroup", gid, "group", group)));
            checks.add("aws elasticache describe-global-replication-groups --region " + target + " --global-replication-group-id " + gid
                    + " --show-member-info   # " + group + " PRIMARY");
        }
        configChanges.add("Pulumi.yaml: data.domains." + d.name() + ".writer: " + target);
    }

    /** The consumers of the topics of the domains that lived in {@code from} move to the mirrored copies, offsets checkpointed. */
    private static void kafka(List<FailoverStep> steps, Fleet fleet, String from, Map<String, String> targets) {
        EventsSection.Config events = fleet.settings().section(EventsSection.SECTION);
        ServicesSection.Config services = fleet.settings().section(ServicesSection.SECTION);
        if (events == null || services == null) {
            return;
        }
        var byRegion = new TreeMap<String, TreeMap<String, TreeSet<String>>>();
        for (var t : events.topics().values()) {
            var p = fleet.placements().get(t.domain());
            if (p == null || !p.includes(from)) {
                continue;
            }
            for (var r : p.regions()) {
                if (r.equals(from)) {
                    continue;
                }
                for (var app : services.apps().values()) {
                    app.data().stream()
                            .filter(u -> u.domain().equals(t.domain()) && !u.exceptedIn(r, fleet.byRegion(r).map(RegionSpec::zone).orElse("")))
                            .filter(u -> u.topics().getOrDefault(t.name(), java.util.Set.of()).contains(TopicAccess.CONSUME))
                            .forEach(u -> byRegion.computeIfAbsent(r, k -> new TreeMap<>()).computeIfAbsent(app.name(), k -> new TreeSet<>())
                                    .add(from + "." + t.name()));
                }
            }
        }
        byRegion.forEach((r, apps) -> {
            var commands = new ArrayList<String>();
            apps.forEach((app, mirrored) -> commands.add("kubectl --context " + r + " -n acgs2 set env deployment/" + app
                    + " ACGS2_KAFKA_CONSUME_MIRRORED=" + String.join(",", mirrored)));
            steps.add(new FailoverStep("kafka-" + r, "", FailoverStep.Action.OPERATOR, "in " + r + ", consumers also read what " + from
                    + " produced, from the mirrored topics (their group offsets were checkpointed there every 60 s)",
                    String.join("; ", commands), KAFKA_SECONDS, "kafka", Map.of("region", r)));
        });
    }

    /** The plan as text, the runbook a person follows. */
    public static String text(FailoverPlan plan, boolean failback) {
        var b = new StringBuilder();
        b.append(failback ? "Failback to " : (plan.planned() ? "Planned failover (switchover) from " : "Unplanned failover from "))
                .append(plan.from()).append(" (dry run: nothing changes without --execute)\n");
        if (!plan.targets().isEmpty()) {
            b.append("writers move:\n");
            plan.targets().forEach((d, t) -> b.append("  ").append(d).append(" -> ").append(t).append('\n'));
        }
        plan.refusals().forEach(r -> b.append("refused: ").append(r).append('\n'));
        b.append("steps:\n");
        int n = 1;
        for (var s : plan.steps()) {
            b.append(String.format("  %2d. [%s] %s (~%d s)%n      %s%n", n++, s.kind() == FailoverStep.Kind.AWS ? "aws" : "operator", s.title(),
                    s.expectedSeconds(), s.command()));
        }
        b.append(String.format("RTO budget: %d s (dns %d, database %d, cache %d, kafka %d); the guides' targets: application %d s (the mesh), "
                        + "database %d s, Kafka %d s, full region %d s%n", plan.budgetSeconds(), plan.seconds("dns"), plan.seconds("database"),
                plan.seconds("cache"), plan.seconds("kafka"), FailoverPlan.TARGETS.get("application"), FailoverPlan.TARGETS.get("database"),
                FailoverPlan.TARGETS.get("kafka"), FailoverPlan.TARGETS.get("region")));
        b.append("checks:\n");
        plan.checks().forEach(c -> b.append("  ").append(c).append('\n'));
        return b.toString();
    }

    /** The plan for machines. */
    public static Map<String, Object> json(FailoverPlan plan) {
        var m = new LinkedHashMap<String, Object>();
        m.put("from", plan.from());
        m.put("planned", plan.planned());
        m.put("targets", plan.targets());
        m.put("refusals", plan.refusals());
        m.put("steps", plan.steps().stream().map(s -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("id", s.id());
            x.put("domain", s.domain());
            x.put("kind", s.kind().name().toLowerCase());
            x.put("title", s.title());
            x.put("command", s.command());
            x.put("expectedSeconds", s.expectedSeconds());
            x.put("rtoClass", s.rtoClass());
            return x;
        }).toList());
        m.put("budgetSeconds", plan.budgetSeconds());
        m.put("targets_rto_seconds", new TreeMap<>(FailoverPlan.TARGETS));
        m.put("configChanges", plan.configChanges());
        m.put("checks", plan.checks());
        return m;
    }
}
