package io.acgs2.components.data;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.random.RandomProvider;
import io.acgs2.stacks.plan.Snapshot;
import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static io.acgs2.testing.Fixtures.statement;
import static io.acgs2.testing.Fixtures.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheGlobalDatastoreTest {

    static final String GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
    static final String GLOBAL = "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup";
    static final String SUBNETS = "aws:elasticache/subnetGroup:SubnetGroup";
    static final String PASSWORD = "random:index/randomPassword:RandomPassword";
    static final String SG = "aws:ec2/securityGroup:SecurityGroup";
    static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    static final String KEY = "aws:kms/key:Key";
    static final String CLIENT_SG = "sg-0eks0cluster0sg";
    static final String OWNER_GLOBAL_ID = "ldgnf-acgs2-gdpr-tenants";
    /** What the provider rejects next to globalReplicationGroupId (plus the AUTH token, which the datastore fixes). */
    static final List<String> INHERITED = List.of("engine", "engineVersion", "nodeType", "parameterGroupName", "numNodeGroups",
            "atRestEncryptionEnabled", "transitEncryptionEnabled", "transitEncryptionMode", "authToken",
            "securityGroupNames", "snapshotArns", "snapshotName");

    static StackPlan member(String region, boolean owner, Consumer<CacheGlobalDatastoreArgs.Builder> customize) {
        return runInRegion(region, r -> {
            var args = CacheGlobalDatastoreArgs.builder()
                    .domain("gdpr-tenants")
                    .zone("gdpr")
                    .region(region)
                    .owner(owner)
                    .isolatedSubnetIds(Output.of(List.of("subnet-i1", "subnet-i2", "subnet-i3")))
                    .vpcId(Output.of("vpc-1"))
                    .clientSecurityGroupId(Output.of(CLIENT_SG))
                    .facts(r.facts());
            if (!owner) {
                args.globalReplicationGroupId(Output.of(OWNER_GLOBAL_ID));
            }
            customize.accept(args);
            // default providers are disabled in the stacks: the owner's token gets an explicit random provider
            var options = owner
                    ? ComponentResourceOptions.builder().providers(r.provider(),
                    new RandomProvider("random-" + region, CustomResourceOptions.builder().build())).build()
                    : r.opts();
            var cache = new CacheGlobalDatastore("cache-gdpr-tenants", args.build(), options);
            r.ctx().export("primaryEndpoint", cache.primaryEndpoint);
            r.ctx().export("readerEndpoint", cache.readerEndpoint);
            r.ctx().export("globalReplicationGroupId", cache.globalReplicationGroupId);
            cache.authToken.ifPresent(t -> r.ctx().export("authToken", t));
        });
    }

    static StackPlan owner() {
        return member("eu-west-1", true, a -> { });
    }

    static StackPlan secondary() {
        return member("eu-west-3", false, a -> { });
    }

    @Test
    void theOwnerCreatesTheGlobalDatastoreFromItsPrimary() {
        var plan = owner();
        var g = one(plan, GROUP, "cache-gdpr-tenants-group");
        var global = one(plan, GLOBAL, "cache-gdpr-tenants-global");
        assertEquals("acgs2-gdpr-tenants", global.inputs().get("globalReplicationGroupIdSuffix"));
        assertEquals("acgs2-gdpr-tenants-eu-west-1", global.inputs().get("primaryReplicationGroupId"));
        assertTrue(global.dependencies().contains(g.urn()), "the datastore is built from the primary");
        assertEquals("acgs2-gdpr-tenants-eu-west-1", g.inputs().get("replicationGroupId"));
        assertFalse(g.inputs().containsKey("globalReplicationGroupId"), "the primary joins by being the datastore's source");
        assertEquals("valkey", g.inputs().get("engine"));
        assertEquals(CacheGlobalDatastoreArgs.ENGINE_VERSIONS.get("valkey"), g.inputs().get("engineVersion"));
        assertEquals("cache.r7g.large", g.inputs().get("nodeType"));
        assertEquals(7L, g.inputs().get("snapshotRetentionLimit"));
        // the global id as AWS forms it: five letters of the region, a hyphen, the suffix
        var id = String.valueOf(plan.outputs().get("globalReplicationGroupId"));
        assertTrue(id.matches("^[a-z]{5}-acgs2-gdpr-tenants$"), id);
        assertTrue(String.valueOf(plan.outputs().get("primaryEndpoint")).startsWith("master.acgs2-gdpr-tenants-eu-west-1."));
        assertTrue(String.valueOf(plan.outputs().get("readerEndpoint")).startsWith("replica.acgs2-gdpr-tenants-eu-west-1."));
        // the AUTH token: 64 alphanumeric characters, secret everywhere
        var pw = one(plan, PASSWORD, "cache-gdpr-tenants-auth-token");
        assertEquals(64L, pw.inputs().get("length"));
        assertEquals(false, pw.inputs().get("special"));
        assertEquals("[secret]", g.inputs().get("authToken"));
        assertEquals("[secret]", plan.outputs().get("authToken"));
        var raw = String.valueOf(plan.rawOutputs().get("authToken"));
        assertEquals(64, raw.length());
        assertTrue(raw.matches("^[A-Za-z0-9]+$"), "no '@', '\"' or '/' (nor any other special)");
        assertTrue(pw.providerUrn() != null && pw.providerUrn().contains("pulumi:providers:random"), "an explicit random provider");
    }

    @Test
    void aSecondarySetsNoneOfTheInheritedFieldsAndJoinsById() {
        var plan = secondary();
        assertEquals(0, plan.count(GLOBAL));
        assertEquals(0, plan.count(PASSWORD));
        var g = one(plan, GROUP, "cache-gdpr-tenants-group");
        assertEquals(OWNER_GLOBAL_ID, g.inputs().get("globalReplicationGroupId"));
        assertEquals("acgs2-gdpr-tenants-eu-west-3", g.inputs().get("replicationGroupId"));
        for (var absent : INHERITED) {
            assertFalse(g.inputs().containsKey(absent), absent + " must not be set on a secondary");
        }
        // what a member still sets itself
        assertTrue(String.valueOf(g.inputs().get("kmsKeyId")).startsWith("arn:aws:kms:eu-west-3:"), "its own regional key");
        assertEquals(2L, g.inputs().get("numCacheClusters"));
        assertEquals(true, g.inputs().get("automaticFailoverEnabled"));
        assertEquals(true, g.inputs().get("multiAzEnabled"));
        assertEquals("acgs2-gdpr-tenants-eu-west-3", g.inputs().get("subnetGroupName"));
        assertEquals(OWNER_GLOBAL_ID, plan.outputs().get("globalReplicationGroupId"));
        assertFalse(plan.outputs().containsKey("authToken"));
        assertTrue(String.valueOf(plan.outputs().get("primaryEndpoint")).contains(".euw3.cache.amazonaws.com"));
    }

    @Test
    void aSecondaryGivenTheOwnersTokenExportsItAsASecretButNeverSendsIt() {
        var plan = member("eu-west-3", false, a -> a.authToken(Output.ofSecret("x".repeat(64))));
        assertFalse(one(plan, GROUP, "cache-gdpr-tenants-group").inputs().containsKey("authToken"));
        assertEquals("[secret]", plan.outputs().get("authToken"));
    }

    @Test
    void thePrimaryIsEncryptedAuthenticatedAndFailsOverAcrossAzs() {
        var plan = owner();
        var g = one(plan, GROUP, "cache-gdpr-tenants-group");
        var key = one(plan, KEY, "cache-gdpr-tenants-key");
        assertEquals(true, key.inputs().get("enableKeyRotation"));
        assertTrue(key.retainOnDelete(), "the key outlives the snapshots it encrypts");
        assertEquals("arn:aws:iam::123456789012:root", statement(key.inputs().get("policy"), "AccountAdministration")
                .path("Principal").path("AWS").asText());
        assertTrue(String.valueOf(g.inputs().get("kmsKeyId")).startsWith("arn:aws:kms:eu-west-1:123456789012:key/"));
        assertTrue(g.dependencies().contains(key.urn()));
        assertEquals(true, g.inputs().get("atRestEncryptionEnabled"));
        assertEquals(true, g.inputs().get("transitEncryptionEnabled"));
        assertEquals("required", g.inputs().get("transitEncryptionMode"));
        assertEquals(true, g.inputs().get("automaticFailoverEnabled"));
        assertEquals(true, g.inputs().get("multiAzEnabled"));
        assertEquals(2L, g.inputs().get("numCacheClusters"));
        assertEquals(6379L, g.inputs().get("port"));
        var tags = map(g.inputs().get("tags"));
        assertEquals("gdpr", tags.get("acgs2:data-zone"));
        assertEquals("gdpr-tenants", tags.get("acgs2:data-domain"));
        var subnets = one(plan, SUBNETS, "cache-gdpr-tenants-subnets");
        assertEquals(List.of("subnet-i1", "subnet-i2", "subnet-i3"), subnets.inputs().get("subnetIds"));
        assertEquals("acgs2-gdpr-tenants-eu-west-1", g.inputs().get("subnetGroupName"));
    }

    @Test
    void everyReplicationGroupAndTheGlobalDatastoreAreProtected() {
        for (var plan : List.of(owner(), secondary())) {
            var stateful = where(plan, r -> List.of(GROUP, GLOBAL).contains(r.type()));
            assertFalse(stateful.isEmpty());
            stateful.forEach(r -> assertTrue(r.protect(), r.urn() + " is protected"));
        }
        assertEquals(1, owner().count(GLOBAL));
    }

    @Test
    void theDatastoreNotThePrimaryOwnsVersionAndNodeType() {
        var owner = owner();
        var primary = one(owner, GROUP, "cache-gdpr-tenants-group");
        assertEquals(CacheGlobalDatastore.PRIMARY_IGNORE_CHANGES, primary.ignoreChanges());
        assertEquals(List.of("engineVersion", "nodeType", "parameterGroupName"), primary.ignoreChanges());
        var global = where(owner, r -> r.type().equals(GLOBAL)).get(0);
        assertEquals(primary.inputs().get("engineVersion"), global.inputs().get("engineVersion"));
        assertEquals(primary.inputs().get("nodeType"), global.inputs().get("cacheNodeType"));
        // a secondary sets none of them, so it has nothing to ignore
        assertEquals(List.of(), one(secondary(), GROUP, "cache-gdpr-tenants-group").ignoreChanges());
    }

    @Test
    void theSecurityGroupAdmitsOnly6379FromTheClientSecurityGroup() {
        for (var plan : List.of(owner(), secondary())) {
            var sg = one(plan, SG, "cache-gdpr-tenants-sg");
            assertFalse(sg.inputs().containsKey("ingress"), "no inline rules");
            assertFalse(sg.inputs().containsKey("egress"), "no egress at all");
            assertEquals("vpc-1", sg.inputs().get("vpcId"));
            var rules = plan.ofType(INGRESS);
            assertEquals(1, rules.size());
            var rule = rules.get(0).inputs();
            assertEquals("tcp", rule.get("ipProtocol"));
            assertEquals(6379L, rule.get("fromPort"));
            assertEquals(6379L, rule.get("toPort"));
            assertEquals(CLIENT_SG, rule.get("referencedSecurityGroupId"));
            assertFalse(rule.containsKey("cidrIpv4"));
            assertFalse(rule.containsKey("cidrIpv6"));
            assertEquals(0, plan.count("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"));
            var g = one(plan, GROUP, "cache-gdpr-tenants-group");
            assertEquals(List.of(String.valueOf(rule.get("securityGroupId"))), g.inputs().get("securityGroupIds"));
        }
    }

    @Test
    void badArgsAreRejectedTogether() {
        var e = assertThrows(IllegalArgumentException.class, () -> CacheGlobalDatastoreArgs.builder()
                .domain("GDPR_Tenants").zone("gdpr").region("Ireland").owner(false)
                .numCacheClusters(1).nodeType("cache.t4g.medium").engine("memcached").engineVersion("8")
                .build());
        var m = e.getMessage();
        for (var expected : List.of("domain: 'GDPR_Tenants' is not a lower-case label",
                "region: 'Ireland' is not an AWS region name",
                "numCacheClusters: 1 is outside 2..6",
                "nodeType: 'cache.t4g.medium' is not a node type a global datastore supports",
                "engine: 'memcached' is not an ElastiCache global datastore engine",
                "engineVersion: '8' is not a major.minor version",
                "nodeType: is set on a secondary", "engine: is set on a secondary", "engineVersion: is set on a secondary",
                "globalReplicationGroupId: is required",
                "isolatedSubnetIds: is required", "vpcId: is required", "clientSecurityGroupId: is required",
                "facts: is required")) {
            assertTrue(m.contains(expected), "missing '" + expected + "' in " + m);
        }
        var o = assertThrows(IllegalArgumentException.class, () -> CacheGlobalDatastoreArgs.builder()
                .domain("platform").zone("us").region("us-east-1").owner(true)
                .nodeType("cache.r6g.medium").numCacheClusters(7)
                .globalReplicationGroupId(Output.of("ldgnf-acgs2-platform")).authToken(Output.of("t"))
                .build()).getMessage();
        for (var expected : List.of("nodeType: 'cache.r6g.medium' is not a node type",
                "numCacheClusters: 7 is outside 2..6",
                "globalReplicationGroupId: is set on the owner", "authToken: is set on the owner")) {
            assertTrue(o.contains(expected), "missing '" + expected + "' in " + o);
        }
        var longName = assertThrows(IllegalArgumentException.class, () -> CacheGlobalDatastoreArgs.builder()
                .domain("a-very-long-data-domain-name").zone("us").region("ap-southeast-2").owner(true)
                .build()).getMessage();
        assertTrue(longName.contains("longer than 40 characters"), longName);
    }

    @Test
    void defaultsAreTheDocumentedOnesAndEveryGlobalFamilyIsAccepted() {
        var facts = new io.acgs2.components.common.AwsFacts(Output.of("1"), Output.of("aws"), Output.of("us-east-1"), Output.of("a"));
        var args = CacheGlobalDatastoreArgs.builder().domain("platform").zone("us").region("us-east-1").owner(true)
                .isolatedSubnetIds(Output.of(List.of("s"))).vpcId(Output.of("v")).clientSecurityGroupId(Output.of("sg"))
                .facts(facts).build();
        assertEquals("valkey", args.engine());
        assertEquals("8.0", args.engineVersion());
        assertEquals("cache.r7g.large", args.nodeType());
        assertEquals(2, args.numCacheClusters());
        assertEquals("acgs2-platform-us-east-1", args.replicationGroupId());
        assertEquals("acgs2-platform", args.globalReplicationGroupIdSuffix());
        var redis = CacheGlobalDatastoreArgs.builder().domain("platform").zone("us").region("us-east-1").owner(true)
                .engine("redis").isolatedSubnetIds(Output.of(List.of("s"))).vpcId(Output.of("v"))
                .clientSecurityGroupId(Output.of("sg")).facts(facts).build();
        assertEquals("7.1", redis.engineVersion());
        for (var type : List.of("cache.m5.large", "cache.m6g.xlarge", "cache.m7g.2xlarge", "cache.r5.24xlarge",
                "cache.r6g.large", "cache.r6gd.xlarge", "cache.r7g.16xlarge", "cache.c7gn.large")) {
            CacheGlobalDatastoreArgs.builder().domain("platform").zone("us").region("us-east-1").owner(true).nodeType(type)
                    .isolatedSubnetIds(Output.of(List.of("s"))).vpcId(Output.of("v"))
                    .clientSecurityGroupId(Output.of("sg")).facts(facts).build();
        }
    }

    /** The plan of an owner (eu-west-1) and a secondary (eu-west-3) as a gate snapshot, for bin/acgs2 gate. */
    @Test
    void writesAPolicySnapshot() throws Exception {
        var file = Path.of("target", "cache-snapshot.json");
        Snapshot.write(List.of(rename(owner(), "eu-west-1"), rename(secondary(), "eu-west-3")), file);
        assertTrue(json(java.nio.file.Files.readString(file)).path("stacks").size() == 2);
    }

    private static StackPlan rename(StackPlan p, String stack) {
        return new StackPlan(stack, p.project(), p.resources(), p.outputs(), p.rawOutputs(), p.secretOutputNames());
    }
}
