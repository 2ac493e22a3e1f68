package io.acgs2.stacks.layers;

import io.acgs2.components.operations.AlertRules;
import io.acgs2.components.operations.ScrapeConfig;
import io.acgs2.stacks.config.ConfigException;
import io.acgs2.stacks.config.FleetLoader;
import io.acgs2.stacks.plan.PlannedResource;
import io.acgs2.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.read;
import static io.acgs2.testing.Fixtures.shippedProject;
import static io.acgs2.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operations layer on the shipped fleet and on the fleet grown by eu-central-1: per region the
 * metrics pipeline, rules, routing, paging topics, dashboards, backups and compliance jobs; backup
 * copies only inside a domain's zone, the owner's copied by the second region through the owner's
 * provider; a production stack without subscriptions refused before anything plans.
 */
class OperationsLayerTest {

    static final String PLAN = "aws:backup/plan:Plan";

    @Test
    void everyRegionHasItsMetricsAlertsPagingDashboardsBackupsAndComplianceJobs() {
        for (var plan : Fixtures.shippedPlans().values()) {
            var region = plan.stack();
            for (var type : List.of("aws:amp/workspace:Workspace", "aws:amp/scraper:Scraper", "aws:amp/ruleGroupNamespace:RuleGroupNamespace",
                    "aws:amp/alertManagerDefinition:AlertManagerDefinition", "aws:backup/vault:Vault",
                    "aws:backup/vaultLockConfiguration:VaultLockConfiguration", "aws:backup/restoreTestingPlan:RestoreTestingPlan")) {
                assertEquals(1, plan.count(type), region + " " + type);
            }
            assertEquals(3, plan.count("aws:cloudwatch/dashboard:Dashboard"), region);
            assertEquals(2, plan.count("kubernetes:batch/v1:CronJob"), region);
            var scraper = one(plan, "aws:amp/scraper:Scraper", "acgs2-metrics-scraper").inputs();
            assertEquals(ScrapeConfig.yaml(region, "kafka"), scraper.get("scrapeConfiguration"));
            var rules = one(plan, "aws:amp/ruleGroupNamespace:RuleGroupNamespace", "acgs2-metrics-rules").inputs();
            assertEquals(AlertRules.yaml(io.acgs2.components.operations.AlertThresholds.defaults(), region, "acgs2-" + region), rules.get("data"));
            var routing = String.valueOf(one(plan, "aws:amp/alertManagerDefinition:AlertManagerDefinition", "acgs2-metrics-alert-manager")
                    .inputs().get("definition"));
            assertTrue(routing.contains(":sns:" + region + ":") && routing.contains("region: " + region), routing);
            // the paging topics: critical and warning, tagged, with a TLS-only policy that lets the region's workspace publish
            for (var severity : List.of("critical", "warning")) {
                var topic = one(plan, "aws:sns/topic:Topic", "acgs2-paging-" + severity + "-topic");
                assertEquals("non-production", map(topic.inputs().get("tags")).get("acgs2:paging"));
                var policy = json(one(plan, "aws:sns/topicPolicy:TopicPolicy", "acgs2-paging-" + severity + "-policy").inputs().get("policy"));
                assertTrue(policy.toString().contains("aps.amazonaws.com") && policy.toString().contains("aws:SecureTransport"), policy.toString());
            }
            // the compliance jobs at the guides' schedules, restricted, their reports in a bucket of the region's zone
            var daily = json(one(plan, "kubernetes:batch/v1:CronJob", "acgs2-compliance-compliance-daily").inputs().get("spec"));
            assertEquals("0 2 * * *", daily.get("schedule").asText());
            assertEquals("Etc/UTC", daily.get("timeZone").asText());
            var weekly = json(one(plan, "kubernetes:batch/v1:CronJob", "acgs2-compliance-compliance-weekly").inputs().get("spec"));
            assertEquals("0 3 * * 0", weekly.get("schedule").asText());
            assertTrue(weekly.toString().contains("backup-copies"));
            var bucket = one(plan, "aws:s3/bucketV2:BucketV2", "acgs2-compliance-reports-bucket").inputs();
            assertEquals(region.startsWith("us") ? "us" : "gdpr", map(bucket.get("tags")).get("acgs2:data-zone"));
            assertTrue(String.valueOf(bucket.get("bucket")).matches("acgs2-compliance-" + region + "-\\d{12}"));
        }
    }

    @Test
    void backupsAreDailyKeptThirtyDaysAndCopiedOnlyInsideTheDomainsZone() {
        var eu = Fixtures.shippedPlans().get("eu-west-1");
        var us = Fixtures.shippedPlans().get("us-east-1");
        // gdpr-tenants lives only in eu-west-1: no copy anywhere
        var gdpr = json(one(eu, PLAN, "acgs2-backup-gdpr-tenants").inputs().get("rules")).get(0);
        assertEquals(30, gdpr.at("/lifecycle/deleteAfter").asInt());
        assertFalse(gdpr.has("copyActions"), gdpr.toString());
        // platform: eu-west-1 copies into the owner's vault; it also owns the owner's copy to itself, in us-east-1
        var platform = json(one(eu, PLAN, "acgs2-backup-platform").inputs().get("rules")).get(0);
        assertTrue(platform.at("/copyActions/0/destinationVaultArn").asText().startsWith("arn:aws:backup:us-east-1:"), platform.toString());
        var copy = one(eu, PLAN, "acgs2-backup-copy-platform");
        assertEquals("us-east-1", copy.providerRegion());
        assertTrue(json(copy.inputs().get("rules")).get(0).at("/copyActions/0/destinationVaultArn").asText()
                .startsWith("arn:aws:backup:eu-west-1:"));
        // us-east-1, the owner and writer, backs up its databases; eu-west-1 backs up no platform database (a secondary)
        var usSelection = String.valueOf(one(us, "aws:backup/selection:Selection", "acgs2-backup-platform-stores").inputs().get("resources"));
        assertTrue(usSelection.contains(":rds:us-east-1:") && usSelection.contains("acgs2-platform-us-east-1-"), usSelection);
        var euSelection = String.valueOf(one(eu, "aws:backup/selection:Selection", "acgs2-backup-platform-stores").inputs().get("resources"));
        assertFalse(euSelection.contains(":rds:"), euSelection);
        assertEquals(0, us.count("acgs2:operations:BackupCopyPlan"), "the owner's stack holds no copy plan of its own");
        // the vault is locked at the retention
        assertEquals(30, ((Number) one(us, "aws:backup/vaultLockConfiguration:VaultLockConfiguration", "acgs2-backup-lock")
                .inputs().get("minRetentionDays")).intValue());
    }

    @Test
    void theGdprDomainsSecondRegionCopiesOnlyWithinTheZone() {
        var grown = Fixtures.grownFleet("eu-central-1");
        for (var plan : grown.values()) {
            for (var r : plan.ofType(PLAN)) {
                var tags = map(r.inputs().get("tags"));
                if (!"gdpr".equals(tags.get("acgs2:data-zone"))) {
                    continue;
                }
                for (var rule : json(r.inputs().get("rules"))) {
                    for (var c : rule.path("copyActions")) {
                        var arn = c.get("destinationVaultArn").asText();
                        assertTrue(arn.contains(":eu-west-1:") || arn.contains(":eu-central-1:"), plan.stack() + " " + r.name() + " " + arn);
                    }
                }
            }
        }
        var copy = one(grown.get("eu-central-1"), PLAN, "acgs2-backup-copy-gdpr-tenants");
        assertEquals("eu-west-1", copy.providerRegion());
    }

    @Test
    void aProductionStackPagingNobodyIsRefusedAndEndpointsMustBeSecret(@TempDir Path tmp) {
        var dir = shippedProject(tmp);
        var base = read(dir, "Pulumi.eu-west-1.yaml") + "  acgs2-infra:paging:\n    production: true\n"
                + "    subscriptions:\n      team:\n        protocol: email\n        severities: [warning]\n";
        write(dir, "Pulumi.eu-west-1.yaml", base + "  acgs2-infra:pagingEndpoints: '{\"team\": \"ops@example.com\"}'\n");
        assertEquals(List.of("Pulumi.eu-west-1.yaml: acgs2-infra:pagingEndpoints: is in plain text. Fix: set it as a secret: pulumi config "
                + "set --secret acgs2-infra:pagingEndpoints '...'"), assertThrows(ConfigException.class, () -> FleetLoader.load(dir)).problems());
        write(dir, "Pulumi.eu-west-1.yaml", base + "  acgs2-infra:pagingEndpoints:\n    secure: v1:c2VjcmV0\n");
        assertEquals(List.of("Pulumi.eu-west-1.yaml: acgs2-infra:paging.subscriptions: this production stack pages nobody for critical "
                + "alerts. Fix: add a subscription receiving critical (e.g. oncall: {protocol: https}) and its endpoint with: pulumi config "
                + "set --secret acgs2-infra:pagingEndpoints '{\"oncall\": \"https://events.pagerduty.com/...\"}'"),
                assertThrows(ConfigException.class, () -> FleetLoader.load(dir)).problems());
    }

    @Test
    void subscriptionsReachEverySeverityTheyAskForAndTheOtherAlarmTopics(@TempDir Path tmp) {
        var dir = shippedProject(tmp);
        write(dir, "Pulumi.eu-west-1.yaml", read(dir, "Pulumi.eu-west-1.yaml") + "  acgs2-infra:paging:\n    production: true\n"
                + "    subscriptions:\n      oncall:\n        protocol: https\n"
                + "  acgs2-infra:pagingEndpoints:\n    secure: v1:c2VjcmV0\n");
        var eu = Fixtures.planAll(dir).get("eu-west-1");
        var subs = eu.ofType("aws:sns/topicSubscription:TopicSubscription");
        assertEquals(List.of("acgs2-paging-oncall-critical", "acgs2-paging-oncall-data-alarms", "acgs2-paging-oncall-front-door-alarms",
                "acgs2-paging-oncall-warning"), subs.stream().map(PlannedResource::name).sorted().toList());
        subs.forEach(s -> {
            assertEquals("https", s.inputs().get("protocol"));
            assertEquals("[secret]", s.inputs().get("endpoint"), "the endpoint is a secret");
        });
        assertEquals("us-east-1", subs.stream().filter(s -> s.name().endsWith("front-door-alarms")).findFirst().orElseThrow().providerRegion());
        assertEquals("production", map(one(eu, "aws:sns/topic:Topic", "acgs2-paging-critical-topic").inputs().get("tags")).get("acgs2:paging"));
    }
}
