package io.acgs2.stacks.layers;

import io.acgs2.components.data.AuroraGlobalDatabase;
import io.acgs2.stacks.plan.PlannedResource;
import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.planAll;
import static io.acgs2.testing.Fixtures.read;
import static io.acgs2.testing.Fixtures.shippedProject;
import static io.acgs2.testing.Fixtures.where;
import static io.acgs2.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data layer on the shipped fleet: each domain's database in exactly its regions, and the writer swap. */
class DataLayerTest {

    private static final String CLUSTER = "aws:rds/cluster:Cluster";
    private static final String GLOBAL = "aws:rds/globalCluster:GlobalCluster";

    @TempDir
    Path tmp;

    /** The shipped fleet, planned once for the class (the tests only read it). */
    private static Map<String, StackPlan> shipped;

    @org.junit.jupiter.api.BeforeAll
    static void planShipped(@TempDir Path dir) {
        shipped = io.acgs2.testing.Fixtures.shippedPlans();
    }

    private static Set<String> domainsWithCluster(StackPlan plan) {
        return plan.ofType(CLUSTER).stream().map(r -> String.valueOf(map(r.inputs().get("tags")).get("acgs2:data-domain")))
                .collect(Collectors.toSet());
    }

    @Test
    void eachDomainsDatabaseLivesInExactlyItsRegionsCreatedOnceByItsOwner() throws Exception {
        var plans = shipped;
        var us = plans.get("us-east-1");
        var eu = plans.get("eu-west-1");
        assertEquals(Set.of("platform", "us-tenants"), domainsWithCluster(us));
        assertEquals(Set.of("platform", "gdpr-tenants"), domainsWithCluster(eu));
        // the global cluster of platform is created once, by its owner (the earliest region)
        assertEquals(Set.of("acgs2-platform", "acgs2-us-tenants"), us.ofType(GLOBAL).stream()
                .map(r -> String.valueOf(r.inputs().get("globalClusterIdentifier"))).collect(Collectors.toSet()));
        assertEquals(Set.of("acgs2-gdpr-tenants"), eu.ofType(GLOBAL).stream()
                .map(r -> String.valueOf(r.inputs().get("globalClusterIdentifier"))).collect(Collectors.toSet()));
        // eu-west-1's platform cluster joins as a secondary: no credentials, no database name
        var euPlatform = where(eu, r -> r.type().equals(CLUSTER) && "platform".equals(map(r.inputs().get("tags")).get("acgs2:data-domain"))).get(0);
        assertEquals("acgs2-platform", euPlatform.inputs().get("globalClusterIdentifier"));
        for (var field : List.of("masterUsername", "masterPassword", "databaseName")) {
            assertFalse(euPlatform.inputs().containsKey(field), "a secondary carries no " + field);
        }
        // caches: platform's global datastore created by us-east-1, joined by eu-west-1 with the id us-east-1 exports
        var cacheGroups = "aws:elasticache/replicationGroup:ReplicationGroup";
        assertEquals(2, us.count(cacheGroups));
        assertEquals(1, eu.count(cacheGroups), "gdpr-tenants has no cache");
        var euCache = eu.ofType(cacheGroups).get(0);
        assertEquals("platform", map(euCache.inputs().get("tags")).get("acgs2:data-domain"));
        @SuppressWarnings("unchecked")
        var ids = (Map<String, String>) us.outputs().get("cacheGlobalReplicationGroupIds");
        assertEquals(ids.get("platform"), euCache.inputs().get("globalReplicationGroupId"));
        for (var inherited : List.of("engine", "engineVersion", "nodeType", "atRestEncryptionEnabled", "transitEncryptionEnabled", "authToken")) {
            assertFalse(euCache.inputs().containsKey(inherited), "a datastore member inherits " + inherited);
        }
        assertTrue(euCache.protect());
        // the joining region holds a replica of the owner's secret (no copy of its own that would go stale),
        // encrypted with its own key, made and removed by its own stack, and protected
        assertTrue(where(eu, r -> r.type().equals("aws:secretsmanager/secret:Secret")
                && "acgs2/data/platform/aurora/master".equals(r.inputs().get("name"))).isEmpty(), "no per-region copy");
        var replicate = one(eu, "command:local:Command", "acgs2-db-platform-master-secret-replicate");
        var env = map(replicate.inputs().get("environment"));
        @SuppressWarnings("unchecked")
        var usSecrets = (Map<String, String>) us.outputs().get("databaseSecretArns");
        assertEquals(usSecrets.get("platform"), env.get("SECRET_ARN"));
        assertEquals("us-east-1", env.get("PRIMARY_REGION"));
        assertEquals("eu-west-1", env.get("REPLICA_REGION"));
        assertEquals(euPlatform.inputs().get("kmsKeyId"), env.get("KMS_KEY_ARN"), "the replica uses eu-west-1's key of the domain");
        assertTrue(String.valueOf(env.get("KMS_KEY_ARN")).startsWith("arn:aws:kms:eu-west-1:"));
        assertTrue(replicate.protect());
        @SuppressWarnings("unchecked")
        var euSecrets = (Map<String, String>) eu.outputs().get("databaseSecretArns");
        assertEquals(usSecrets.get("platform").replace(":us-east-1:", ":eu-west-1:"), euSecrets.get("platform"),
                "eu-west-1 exports its replica");
        assertEquals("[secret]", us.outputs().get("databaseMasterPasswords"), "the owner exports the password as a secret");
        assertEquals(1, eu.ofType("random:index/randomPassword:RandomPassword").stream().filter(r -> r.urn().contains("acgs2:data:"))
                .count(), "eu-west-1 generates only its own domain's password");
        // zone tags: platform is global data, the tenant domains their zone
        assertEquals("global", map(euPlatform.inputs().get("tags")).get("acgs2:data-zone"));
        // every stateful data resource is protected
        for (var plan : plans.values()) {
            for (var type : List.of(CLUSTER, GLOBAL, "aws:rds/clusterInstance:ClusterInstance")) {
                plan.ofType(type).forEach(r -> assertTrue(r.protect(), r.urn() + " is not protected"));
            }
            plan.ofType(CLUSTER).forEach(r -> assertEquals(r.inputs().containsKey("masterUsername")
                    ? AuroraGlobalDatabase.OWNER_IGNORE_CHANGES : AuroraGlobalDatabase.MEMBER_IGNORE_CHANGES, r.ignoreChanges(), r.urn()));
        }
        assertEquals(Map.of("platform", "[present]", "us-tenants", "[present]"), present(us.outputs().get("databaseEndpoints")));
        // replication lag is alarmed where it is measured: on the secondary (eu-west-1's platform member)
        assertEquals(0, where(us, r -> r.type().equals("aws:cloudwatch/metricAlarm:MetricAlarm") && r.urn().contains("acgs2:data:"))
                .size(), "us-east-1 owns both its domains: no secondary");
        // eu-west-1: Aurora lag and RPO lag, cache lag (2 each), its bucket's rule (3), and the rule it
        // owns on us-east-1's bucket (3, kept in us-east-1 where S3 reports it)
        assertEquals(4 + 2 + 3 + 3, where(eu, r -> r.type().equals("aws:cloudwatch/metricAlarm:MetricAlarm")
                && r.urn().contains("acgs2:data:")).size());
        assertTrue(eu.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream().filter(r -> r.urn().contains("acgs2:data:"))
                .allMatch(r -> "platform".equals(map(r.inputs().get("tags")).get("acgs2:data-domain"))));
    }

    @Test
    void eachDomainsBucketLivesInItsRegionsAndTheLaterRegionOwnsEveryLink() {
        var us = shipped.get("us-east-1");
        var eu = shipped.get("eu-west-1");
        var bucket = "aws:s3/bucketV2:BucketV2";
        var replication = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
        assertEquals(Set.of("acgs2-platform-us-east-1-123456789012", "acgs2-us-tenants-us-east-1-123456789012",
                "acgs2-access-logs-us-east-1-123456789012", "acgs2-compliance-us-east-1-123456789012"), names(us, bucket));
        assertEquals(Set.of("acgs2-platform-eu-west-1-123456789012", "acgs2-gdpr-tenants-eu-west-1-123456789012",
                "acgs2-access-logs-eu-west-1-123456789012", "acgs2-compliance-eu-west-1-123456789012"), names(eu, bucket));
        us.ofType(bucket).forEach(b -> assertTrue(b.protect(), b.urn()));
        eu.ofType(bucket).forEach(b -> assertTrue(b.protect(), b.urn()));
        // the earlier region writes no link; the later one writes both directions of platform's
        assertEquals(0, us.count(replication), "us-east-1 joined first: it owns no link");
        assertEquals(Map.of("acgs2-platform-eu-west-1-123456789012", "eu-west-1", "acgs2-platform-us-east-1-123456789012", "us-east-1"),
                eu.ofType(replication).stream().collect(Collectors.toMap(r -> String.valueOf(r.inputs().get("bucket")),
                        PlannedResource::providerRegion)));
        // gdpr-tenants lives in eu-west-1 only: no copy leaves it, and none exists (the plan warns)
        assertTrue(eu.ofType(replication).stream().noneMatch(r -> String.valueOf(r.inputs()).contains("gdpr-tenants")));
        @SuppressWarnings("unchecked")
        var names = (Map<String, String>) us.outputs().get("bucketNames");
        assertEquals(Set.of("platform", "us-tenants"), names.keySet());
        assertTrue(String.valueOf(us.outputs().get("dataAlarmTopicArn")).startsWith("arn:aws:sns:us-east-1:"),
                "the owner exports its alarm topic: the rule eu-west-1 owns there alarms to it");
        var remote = where(eu, r -> r.type().equals("aws:cloudwatch/metricAlarm:MetricAlarm") && "us-east-1".equals(r.providerRegion())
                && r.urn().contains("acgs2:data:"));
        assertEquals(3, remote.size());
        remote.forEach(r -> assertEquals(List.of(us.outputs().get("dataAlarmTopicArn")), r.inputs().get("alarmActions")));
    }

    private static Set<String> names(StackPlan plan, String type) {
        return plan.ofType(type).stream().map(r -> String.valueOf(r.inputs().get("bucket"))).collect(Collectors.toSet());
    }

    @Test
    void movingTheWriterInConfigChangesNothingDeployedInAnyStack() throws Exception {
        var before = shipped;
        var dir = shippedProject(Files.createDirectories(tmp.resolve("after")));
        // after `aws rds switchover-global-cluster` to eu-west-1, the operator edits one value
        write(dir, "Pulumi.yaml", read(dir, "Pulumi.yaml").replace("        platform:\n          zone: global\n          writer: us-east-1\n",
                "        platform:\n          zone: global\n          writer: eu-west-1\n"));
        var after = planAll(dir);
        for (var stack : List.of("us-east-1", "eu-west-1")) {
            var was = before.get(stack).resources();
            var is = after.get(stack).resources();
            assertEquals(was.stream().map(PlannedResource::urn).toList(), is.stream().map(PlannedResource::urn).toList(),
                    stack + ": a writer swap changes no URN");
            var changed = new java.util.TreeMap<>(ComputeLayerTest.changedInputs(before.get(stack), after.get(stack)));
            // the services follow the writer: their endpoints ConfigMaps change, and the pods roll onto them
            var followed = changed.keySet().stream().filter(u -> u.endsWith("-endpoints") || u.endsWith("-deployment")).toList();
            followed.forEach(u -> assertEquals(Set.of(u.endsWith("-endpoints") ? "data" : "spec"), Set.copyOf(changed.remove(u)), u));
            // and so do the database backups: a point is taken from the primary (a selection is configuration, not data)
            var backups = changed.keySet().stream().filter(u -> u.contains("aws:backup/selection:Selection::")
                    || u.contains("aws:backup/restoreTestingSelection:RestoreTestingSelection::")).toList();
            backups.forEach(u -> assertTrue(Set.of(Set.of("resources"), Set.of("protectedResourceArns")).contains(Set.copyOf(changed.remove(u))), u));
            // the replication dashboard names each domain's writer
            changed.keySet().removeIf(u -> u.endsWith("aws:cloudwatch/dashboard:Dashboard::acgs2-dashboards-postgres-replication")
                    && Set.copyOf(changed.get(u)).equals(Set.of("dashboardBody")));
            assertEquals(Map.of(), changed, stack + ": a writer swap changes nothing else, in any layer below the services");
        }
        // eu-west-1 now writes platform on its own cluster endpoint, us-east-1 forwards from its reader endpoint
        var eu = one(after.get("eu-west-1"), "kubernetes:core/v1:ConfigMap", "acgs2-wiring-claude-flow-endpoints").inputs();
        var us = one(after.get("us-east-1"), "kubernetes:core/v1:ConfigMap", "acgs2-wiring-claude-flow-endpoints").inputs();
        assertEquals("off", data(eu).get("ACGS2_PLATFORM_DATABASE_WRITE_FORWARDING"));
        assertTrue(data(eu).get("ACGS2_PLATFORM_DATABASE_HOST").matches(".*\\.cluster-[0-9a-f]+\\..*"), data(eu).toString());
        assertEquals("session", data(us).get("ACGS2_PLATFORM_DATABASE_WRITE_FORWARDING"));
        assertTrue(data(us).get("ACGS2_PLATFORM_DATABASE_HOST").contains(".cluster-ro-"), data(us).toString());
        assertEquals("eu-west-1", data(us).get("ACGS2_PLATFORM_CACHE_WRITES_IN"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> data(Map<String, Object> configMap) {
        return (Map<String, String>) configMap.get("data");
    }

    /** Map values replaced by a marker: the endpoints are the mocks', only their presence matters here. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> present(Object endpoints) {
        var out = new java.util.TreeMap<String, String>();
        ((Map<String, Object>) endpoints).forEach((k, v) -> out.put(k, v == null || String.valueOf(v).isBlank() ? "[missing]" : "[present]"));
        return out;
    }
}
