package io.acgs2.stacks.failover;

import io.acgs2.stacks.config.Fleet;
import io.acgs2.stacks.config.FleetLoader;
import io.acgs2.stacks.plan.StackPlan;
import io.acgs2.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.acgs2.testing.Fixtures.read;
import static io.acgs2.testing.Fixtures.shippedProject;
import static io.acgs2.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failover and failback of the shipped fleet: the dry run's steps, targets and refusals, and the
 * execution through the AWS SDK against a fake AWS whose requests are asserted in order.
 */
class FailoverTest {

    static final String ACCOUNT = "123456789012";
    static final String US_DB = "arn:aws:rds:us-east-1:" + ACCOUNT + ":cluster:acgs2-platform-us-east-1";
    static final String EU_DB = "arn:aws:rds:eu-west-1:" + ACCOUNT + ":cluster:acgs2-platform-eu-west-1";

    @TempDir
    Path tmp;
    FakeAws aws;
    Fleet fleet;
    FailoverPlanner.Outputs outputs;

    @BeforeEach
    void fleet() throws Exception {
        fleet = FleetLoader.load(shippedProject(Files.createDirectories(tmp.resolve("project"))));
        outputs = outputs(Fixtures.shippedPlans());
        aws = new FakeAws();
        aws.databases.put("acgs2-platform", new FakeAws.GlobalDb(List.of(US_DB, EU_DB), US_DB));
        aws.databases.put("acgs2-us-tenants", new FakeAws.GlobalDb(List.of(
                "arn:aws:rds:us-east-1:" + ACCOUNT + ":cluster:acgs2-us-tenants-us-east-1"), "arn:aws:rds:us-east-1:" + ACCOUNT
                + ":cluster:acgs2-us-tenants-us-east-1"));
        aws.datastores.put(gid(), new FakeAws.Datastore(new LinkedHashMap<>(Map.of("acgs2-platform-us-east-1", "us-east-1",
                "acgs2-platform-eu-west-1", "eu-west-1")), "acgs2-platform-us-east-1"));
        aws.healthChecks.put(check("us-east-1"), false);
        aws.healthChecks.put(check("eu-west-1"), false);
    }

    @org.junit.jupiter.api.AfterEach
    void stop() {
        aws.close();
    }

    static FailoverPlanner.Outputs outputs(Map<String, StackPlan> plans) {
        var m = new LinkedHashMap<String, Map<String, Object>>();
        plans.forEach((s, p) -> m.put(s, p.outputs()));
        return new FailoverPlanner.Outputs(m);
    }

    String gid() {
        return outputs.entry("us-east-1", "cacheGlobalReplicationGroupIds", "platform").orElseThrow();
    }

    String check(String stack) {
        return outputs.text(stack, "trafficHealthCheckId").orElseThrow();
    }

    @Test
    void aPlannedFailoverMovesEveryWriterOfTheRegionInsideItsZoneAndRefusesTheZoneWithoutAnotherRegion() {
        var plan = FailoverPlanner.failover(fleet, outputs, "us-east-1", Optional.empty(), true);
        assertEquals(Map.of("platform", "eu-west-1"), plan.targets());
        assertEquals(List.of("domain us-tenants (zone us) lives only in us-east-1: no other region of zone us holds it, and its data "
                + "may not leave the zone; its writes wait for us-east-1 (add a second us region to make it failover-ready)"), plan.refusals());
        assertEquals(List.of("drain-dns", "database-platform", "cache-platform", "kafka-eu-west-1", "config"),
                plan.steps().stream().map(FailoverStep::id).toList());
        assertEquals(180 + 300 + 300 + 60, plan.budgetSeconds());
        assertTrue(plan.configChanges().contains("Pulumi.yaml: data.domains.platform.writer: eu-west-1"), plan.configChanges().toString());
        assertTrue(plan.configChanges().contains("Pulumi.us-east-1.yaml: acgs2-infra:drain: true"));
        // --to a region the domain does not live in picks one it does (never outside the zone)
        var toNowhere = FailoverPlanner.failover(fleet, outputs, "eu-west-1", Optional.of("us-east-1"), true);
        assertEquals(Map.of(), toNowhere.targets());
        assertTrue(toNowhere.refusals().get(0).startsWith("domain gdpr-tenants (zone gdpr) lives only in eu-west-1"), toNowhere.refusals().toString());
    }

    @Test
    void executingAPlannedFailoverDrainsSwitchesOverAndFailsTheCacheOverInOrder() throws Exception {
        var plan = FailoverPlanner.failover(fleet, outputs, "us-east-1", Optional.empty(), true);
        var timeline = tmp.resolve("timeline.jsonl");
        executor(timeline, false).run(plan);
        assertEquals(List.of(
                "route53:UpdateHealthCheck id=" + check("us-east-1") + " Inverted=true",
                "rds:SwitchoverGlobalCluster GlobalClusterIdentifier=acgs2-platform TargetDbClusterIdentifier=" + EU_DB,
                "elasticache:FailoverGlobalReplicationGroup GlobalReplicationGroupId=" + gid() + " PrimaryRegion=eu-west-1 "
                        + "PrimaryReplicationGroupId=acgs2-platform-eu-west-1"), aws.changes());
        assertEquals(EU_DB, aws.databases.get("acgs2-platform").writer);
        assertEquals("acgs2-platform-eu-west-1", aws.datastores.get(gid()).primary);
        var outcomes = Files.readAllLines(timeline).stream().map(l -> l.replaceAll(".*\"step\":\"([^\"]+)\".*\"outcome\":\"([^\"]+)\".*", "$1=$2"))
                .toList();
        assertEquals(List.of("drain-dns=done", "database-platform=done", "cache-platform=done", "kafka-eu-west-1=manual", "config=manual"), outcomes);
        // run again: everything is already so, nothing changes
        aws.requests.clear();
        executor(tmp.resolve("again.jsonl"), false).run(plan);
        assertEquals(List.of(), aws.changes());
    }

    @Test
    void anUnplannedFailoverWhoseLagExceedsTheRpoIsRefusedWithoutAllowDataLoss() throws Exception {
        aws.rpoLagMs.put("acgs2-platform-eu-west-1", 90_000.0);
        var plan = FailoverPlanner.failover(fleet, outputs, "us-east-1", Optional.empty(), false);
        assertEquals(List.of("drain-dns", "measure-rpo-platform", "database-platform", "cache-platform", "kafka-eu-west-1", "config"),
                plan.steps().stream().map(FailoverStep::id).toList());
        var timeline = tmp.resolve("timeline.jsonl");
        var refused = assertThrows(FailoverExecutor.StepFailed.class, () -> executor(timeline, false).run(plan));
        assertTrue(refused.getMessage().contains("lags 90.0 s, over the 60 s RPO"), refused.getMessage());
        assertEquals(List.of("route53:UpdateHealthCheck id=" + check("us-east-1") + " Inverted=true"), aws.changes(),
                "nothing failed over: only the drain ran");
        // with --allow-data-loss the same command resumes: the drain is not repeated, the failover allows the loss
        aws.requests.clear();
        executor(timeline, true).run(plan);
        assertEquals(List.of(
                "rds:FailoverGlobalCluster AllowDataLoss=true GlobalClusterIdentifier=acgs2-platform TargetDbClusterIdentifier=" + EU_DB,
                "elasticache:FailoverGlobalReplicationGroup GlobalReplicationGroupId=" + gid() + " PrimaryRegion=eu-west-1 "
                        + "PrimaryReplicationGroupId=acgs2-platform-eu-west-1"), aws.changes());
        assertTrue(aws.requests.contains("cloudwatch:GetMetricStatistics AuroraGlobalDBRPOLag"));
    }

    @Test
    void aRestrictedZoneWithOneRegionIsRefusedAndNothingOfItIsTouched() throws Exception {
        var plan = FailoverPlanner.failover(fleet, outputs, "eu-west-1", Optional.empty(), true);
        assertEquals(Map.of(), plan.targets());
        assertTrue(plan.refusals().get(0).contains("(zone gdpr) lives only in eu-west-1: no other region of zone gdpr holds it"));
        executor(tmp.resolve("t.jsonl"), false).run(plan);
        assertEquals(List.of("route53:UpdateHealthCheck id=" + check("eu-west-1") + " Inverted=true"), aws.changes());
        assertTrue(aws.requests.stream().noneMatch(r -> r.contains("gdpr")), aws.requests.toString());
    }

    @Test
    void aFailedStepStopsTheRunAndARerunResumesAfterWhatWasDone() throws Exception {
        var plan = FailoverPlanner.failover(fleet, outputs, "us-east-1", Optional.empty(), true);
        var datastore = aws.datastores.remove(gid());
        var timeline = tmp.resolve("timeline.jsonl");
        var failed = assertThrows(FailoverExecutor.StepFailed.class, () -> executor(timeline, false).run(plan));
        assertTrue(failed.getMessage().contains("run the same command again: it resumes here"), failed.getMessage());
        assertTrue(Files.readString(timeline).contains("\"step\":\"cache-platform\"") && Files.readString(timeline).contains("\"outcome\":\"failed\""));
        aws.datastores.put(gid(), datastore);
        aws.requests.clear();
        executor(timeline, false).run(plan);
        assertEquals(List.of("elasticache:FailoverGlobalReplicationGroup GlobalReplicationGroupId=" + gid() + " PrimaryRegion=eu-west-1 "
                + "PrimaryReplicationGroupId=acgs2-platform-eu-west-1"), aws.changes());
        assertTrue(aws.requests.stream().noneMatch(r -> r.startsWith("route53") || r.startsWith("rds")), "done steps are not even read again");
    }

    @Test
    void aFailbackSwitchesTheHomedDomainsBackAndUndrains() throws Exception {
        var dir = shippedProject(Files.createDirectories(tmp.resolve("after")));
        write(dir, "Pulumi.yaml", read(dir, "Pulumi.yaml").replace("        platform:\n          zone: global\n          writer: us-east-1\n",
                "        platform:\n          zone: global\n          writer: eu-west-1\n"));
        write(dir, "Pulumi.us-east-1.yaml", read(dir, "Pulumi.us-east-1.yaml") + "  acgs2-infra:drain: true\n");
        var after = FleetLoader.load(dir);
        aws.databases.get("acgs2-platform").writer = EU_DB;
        aws.datastores.get(gid()).primary = "acgs2-platform-eu-west-1";
        aws.healthChecks.put(check("us-east-1"), true);
        var plan = FailoverPlanner.failback(after, outputs, "us-east-1");
        assertEquals(Map.of("platform", "us-east-1"), plan.targets());
        executor(tmp.resolve("back.jsonl"), false).run(plan);
        assertEquals(List.of(
                "rds:SwitchoverGlobalCluster GlobalClusterIdentifier=acgs2-platform TargetDbClusterIdentifier=" + US_DB,
                "elasticache:FailoverGlobalReplicationGroup GlobalReplicationGroupId=" + gid() + " PrimaryRegion=us-east-1 "
                        + "PrimaryReplicationGroupId=acgs2-platform-us-east-1",
                "route53:UpdateHealthCheck id=" + check("us-east-1") + " Inverted=false"), aws.changes());
        assertTrue(plan.configChanges().contains("Pulumi.yaml: data.domains.platform.writer: us-east-1"));
    }

    @Test
    void theDryRunPrintsTheRunbookAndJsonThroughTheCommand() throws Exception {
        var snapshot = tmp.resolve("plan.json");
        io.acgs2.stacks.plan.Snapshot.write(Fixtures.shippedPlans().values(), snapshot);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var cli = new OpsCli(new PrintStream(out, true), new PrintStream(err, true), () -> api());
        var project = tmp.resolve("project").toString();
        assertEquals(0, cli.run(new String[]{"failover", "--from", "us-east-1", "--planned", "--snapshot", snapshot.toString(),
                "--project-dir", project}), err.toString());
        assertTrue(out.toString().contains("RTO budget: 840 s (dns 180, database 300, cache 300, kafka 60)"), out.toString());
        // the README's runbook is this dry run, verbatim
        var readme = Files.readString(Fixtures.PROJECT.resolve("README.md"));
        var start = readme.indexOf("```\nPlanned failover (switchover) from us-east-1");
        assertTrue(start >= 0, "README embeds the dry run");
        assertEquals(out.toString().strip(), readme.substring(start + 4, readme.indexOf("```", start + 4)).strip(),
                "README's runbook: paste bin/acgs2 failover --from us-east-1 --planned");
        out.reset();
        assertEquals(0, cli.run(new String[]{"failover", "--from", "us-east-1", "--unplanned", "--json", "--snapshot", snapshot.toString(),
                "--project-dir", project}));
        assertTrue(out.toString().contains("\"id\" : \"measure-rpo-platform\""), out.toString());
        assertEquals(1, cli.run(new String[]{"failover", "--from", "us-east-1", "--snapshot", snapshot.toString(), "--project-dir", project}));
        assertTrue(err.toString().contains("say --planned"), err.toString());
        err.reset();
        assertEquals(2, cli.run(new String[]{"failover", "--from", "ap-south-1", "--planned", "--snapshot", snapshot.toString(),
                "--project-dir", project}));
        assertTrue(err.toString().contains("--from ap-south-1: no stack of the fleet is in that region"), err.toString());
    }

    private AwsApi api() {
        return new AwsApi(Optional.of(aws.endpoint()), StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFAKE", "fake")));
    }

    private FailoverExecutor executor(Path timeline, boolean allowDataLoss) {
        return new FailoverExecutor(api(), timeline, new PrintStream(new ByteArrayOutputStream()), Duration.ZERO, Duration.ofSeconds(5),
                allowDataLoss, Clock.systemUTC());
    }
}
