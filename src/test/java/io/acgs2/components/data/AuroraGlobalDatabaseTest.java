package io.acgs2.components.data;

import com.pulumi.core.Output;
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

class AuroraGlobalDatabaseTest {

    static final String GLOBAL = "aws:rds/globalCluster:GlobalCluster";
    static final String CLUSTER = "aws:rds/cluster:Cluster";
    static final String INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
    static final String PASSWORD = "random:index/randomPassword:RandomPassword";
    static final String SECRET = "aws:secretsmanager/secret:Secret";
    static final String SECRET_VERSION = "aws:secretsmanager/secretVersion:SecretVersion";
    static final String SG = "aws:ec2/securityGroup:SecurityGroup";
    static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    static final String KEY = "aws:kms/key:Key";
    static final String CLIENT_SG = "sg-0eks0cluster0sg";

    static StackPlan member(String region, boolean owner, Consumer<AuroraGlobalDatabaseArgs.Builder> customize) {
        return runInRegion(region, r -> {
            var args = AuroraGlobalDatabaseArgs.builder()
                    .domain("gdpr-tenants")
                    .zone("gdpr")
                    .region(region)
                    .owner(owner)
                    .availabilityZones(Output.of(List.of(region + "a", region + "b", region + "c")))
                    .isolatedSubnetIds(Output.of(List.of("subnet-i1", "subnet-i2", "subnet-i3")))
                    .vpcId(Output.of("vpc-1"))
                    .clientSecurityGroupId(Output.of(CLIENT_SG))
                    .facts(r.facts());
            customize.accept(args);
            var db = new AuroraGlobalDatabase("aurora-gdpr-tenants", args.build(), r.opts());
            r.ctx().export("clusterEndpoint", db.clusterEndpoint);
            db.masterPassword.ifPresent(p -> r.ctx().export("masterPassword", p));
            db.secretArn.ifPresent(a -> r.ctx().export("secretArn", a));
        });
    }

    static StackPlan owner() {
        return member("eu-west-1", true, a -> { });
    }

    static StackPlan secondary() {
        return member("eu-west-3", false, a -> { });
    }

    @Test
    void theOwnerCreatesTheGlobalClusterAndAPrimaryWithCredentials() {
        var plan = owner();
        var global = one(plan, GLOBAL, "aurora-gdpr-tenants-global");
        assertEquals("acgs2-gdpr-tenants", global.inputs().get("globalClusterIdentifier"));
        assertEquals("aurora-postgresql", global.inputs().get("engine"));
        assertEquals(AuroraGlobalDatabaseArgs.ENGINE_VERSION, global.inputs().get("engineVersion"));
        assertEquals(true, global.inputs().get("storageEncrypted"));
        assertEquals(true, global.inputs().get("deletionProtection"));
        var c = one(plan, CLUSTER, "aurora-gdpr-tenants-cluster");
        assertEquals("acgs2-gdpr-tenants", c.inputs().get("globalClusterIdentifier"));
        assertEquals("acgs2-gdpr-tenants-eu-west-1", c.inputs().get("clusterIdentifier"));
        assertEquals(AuroraGlobalDatabaseArgs.DEFAULT_MASTER_USERNAME, c.inputs().get("masterUsername"));
        assertEquals("[secret]", c.inputs().get("masterPassword"));
        assertEquals(AuroraGlobalDatabaseArgs.DEFAULT_DATABASE_NAME, c.inputs().get("databaseName"));
        assertFalse(c.inputs().containsKey("manageMasterUserPassword"), "not supported for global clusters");
        assertTrue(c.dependencies().contains(global.urn()), "the primary is created after the global cluster");
        // the password: 40 characters, none that RDS forbids
        var pw = one(plan, PASSWORD, "aurora-gdpr-tenants-master-password");
        assertEquals(40L, pw.inputs().get("length"));
        var specials = String.valueOf(pw.inputs().get("overrideSpecial"));
        for (var forbidden : List.of("/", "@", "\"", " ")) {
            assertFalse(specials.contains(forbidden), "RDS forbids " + forbidden);
        }
        assertEquals("[secret]", plan.outputs().get("masterPassword"));
        // the secret: encrypted with the region's key, its value secret
        var key = one(plan, KEY, "aurora-gdpr-tenants-key");
        var secret = one(plan, SECRET, "aurora-gdpr-tenants-master-secret");
        assertTrue(String.valueOf(secret.inputs().get("kmsKeyId")).startsWith("arn:aws:kms:eu-west-1:123456789012:key/"));
        assertTrue(secret.dependencies().contains(key.urn()));
        // protected against an accidental delete; a deliberate one frees the name at once, since a
        // secret in its recovery window blocks a re-create under the same name
        assertTrue(secret.protect());
        assertEquals(0L, ((Number) secret.inputs().get("recoveryWindowInDays")).longValue());
        var version = one(plan, SECRET_VERSION, "aurora-gdpr-tenants-master-secret");
        assertEquals("[secret]", version.inputs().get("secretString"));
        assertTrue(version.dependencies().contains(global.urn()), "the secret's host is the global writer endpoint");
        assertEquals("acgs2/data/gdpr-tenants/aurora/master", secret.inputs().get("name"));
        assertTrue(String.valueOf(plan.outputs().get("secretArn")).startsWith("arn:aws:secretsmanager:eu-west-1:"));
        assertTrue(String.valueOf(plan.rawOutputs().get("masterPassword")).length() == 40);
    }

    @Test
    void aSecondaryJoinsByIdentifierWithoutCredentialsOrDatabaseName() {
        var plan = secondary();
        assertEquals(0, plan.count(GLOBAL));
        assertEquals(0, plan.count(PASSWORD));
        assertEquals(0, plan.count(SECRET));
        var c = one(plan, CLUSTER, "aurora-gdpr-tenants-cluster");
        assertEquals("acgs2-gdpr-tenants", c.inputs().get("globalClusterIdentifier"));
        assertEquals("acgs2-gdpr-tenants-eu-west-3", c.inputs().get("clusterIdentifier"));
        for (var absent : List.of("masterUsername", "masterPassword", "databaseName", "manageMasterUserPassword",
                "replicationSourceIdentifier", "snapshotIdentifier")) {
            assertFalse(c.inputs().containsKey(absent), absent + " must not be set on a secondary");
        }
        assertFalse(plan.outputs().containsKey("masterPassword"));
        assertTrue(String.valueOf(c.inputs().get("kmsKeyId")).startsWith("arn:aws:kms:eu-west-3:"), "its own regional key");
    }

    @Test
    void everyStatefulResourceIsProtectedAndMembersIgnoreExactlyWhatAwsFlips() {
        for (var plan : List.of(owner(), secondary())) {
            var stateful = where(plan, r -> List.of(GLOBAL, CLUSTER, INSTANCE).contains(r.type()));
            assertFalse(stateful.isEmpty());
            stateful.forEach(r -> assertTrue(r.protect(), r.urn() + " is protected"));
            var c = one(plan, CLUSTER, "aurora-gdpr-tenants-cluster");
            var isOwner = plan.count(GLOBAL) == 1;
            // the owner's master password is the rotation's after create; a secondary has none
            assertEquals(isOwner ? List.of("replicationSourceIdentifier", "globalClusterIdentifier", "engineVersion", "masterPassword")
                    : List.of("replicationSourceIdentifier", "globalClusterIdentifier", "engineVersion"), c.ignoreChanges());
            where(plan, r -> r.type().equals(GLOBAL)).forEach(g ->
                    assertEquals(List.of("engineVersion"), g.ignoreChanges(), "an AWS-made upgrade is not undone by a diff"));
            where(plan, r -> r.type().equals(SECRET_VERSION)).forEach(v ->
                    assertEquals(List.of("secretString"), v.ignoreChanges(), "the rotation's versions are not set back"));
            where(plan, r -> !List.of(CLUSTER, GLOBAL, SECRET_VERSION).contains(r.type())).forEach(r ->
                    assertEquals(List.of(), r.ignoreChanges(), r.urn() + " ignores nothing"));
            assertTrue(one(plan, KEY, "aurora-gdpr-tenants-key").retainOnDelete(), "the key outlives the snapshots' cluster");
        }
    }

    @Test
    void theClusterIsEncryptedProtectedBackedUpAuthenticatedAndLogged() {
        var plan = owner();
        var c = one(plan, CLUSTER, "aurora-gdpr-tenants-cluster");
        var key = one(plan, KEY, "aurora-gdpr-tenants-key");
        assertEquals(true, key.inputs().get("enableKeyRotation"));
        var keyArn = String.valueOf(c.inputs().get("kmsKeyId"));
        assertTrue(keyArn.startsWith("arn:aws:kms:eu-west-1:123456789012:key/"));
        assertTrue(c.dependencies().contains(key.urn()));
        assertEquals("arn:aws:iam::123456789012:root", statement(key.inputs().get("policy"), "AccountAdministration")
                .path("Principal").path("AWS").asText());
        assertEquals("aurora-postgresql", c.inputs().get("engine"));
        assertEquals(AuroraGlobalDatabaseArgs.ENGINE_VERSION, c.inputs().get("engineVersion"));
        assertEquals(true, c.inputs().get("storageEncrypted"));
        assertEquals(true, c.inputs().get("deletionProtection"));
        assertEquals(false, c.inputs().get("skipFinalSnapshot"));
        assertEquals("acgs2-gdpr-tenants-eu-west-1-final", c.inputs().get("finalSnapshotIdentifier"));
        assertEquals(7L, c.inputs().get("backupRetentionPeriod"));
        assertEquals(true, c.inputs().get("iamDatabaseAuthenticationEnabled"));
        assertEquals(List.of("postgresql"), c.inputs().get("enabledCloudwatchLogsExports"));
        assertEquals(true, c.inputs().get("copyTagsToSnapshot"));
        assertEquals("acgs2-gdpr-tenants-eu-west-1", c.inputs().get("dbSubnetGroupName"));
        var tags = map(c.inputs().get("tags"));
        assertEquals("gdpr", tags.get("acgs2:data-zone"));
        assertEquals("gdpr-tenants", tags.get("acgs2:data-domain"));
        var subnets = one(plan, "aws:rds/subnetGroup:SubnetGroup", "aurora-gdpr-tenants-subnets");
        assertEquals(List.of("subnet-i1", "subnet-i2", "subnet-i3"), subnets.inputs().get("subnetIds"));
        // instances: memory-optimised, spread over the AZs, private, PI encrypted with the key
        var instances = plan.ofType(INSTANCE);
        assertEquals(2, instances.size());
        for (int i = 0; i < instances.size(); i++) {
            var in = one(plan, INSTANCE, "aurora-gdpr-tenants-instance-" + (i + 1));
            assertEquals("acgs2-gdpr-tenants-eu-west-1-" + (i + 1), in.inputs().get("identifier"));
            assertEquals("acgs2-gdpr-tenants-eu-west-1", in.inputs().get("clusterIdentifier"));
            assertEquals("db.r7g.large", in.inputs().get("instanceClass"));
            assertEquals("aurora-postgresql", in.inputs().get("engine"));
            assertEquals("eu-west-1" + "abc".charAt(i), in.inputs().get("availabilityZone"));
            assertEquals(false, in.inputs().get("publiclyAccessible"));
            assertEquals(true, in.inputs().get("performanceInsightsEnabled"));
            assertEquals(keyArn, in.inputs().get("performanceInsightsKmsKeyId"));
            assertEquals(false, in.inputs().get("autoMinorVersionUpgrade"));
        }
    }

    @Test
    void instancesWrapAroundTheAzs() {
        var plan = member("eu-west-1", true, a -> a.instanceCount(4).instanceClass("db.x2g.xlarge"));
        assertEquals(4, plan.count(INSTANCE));
        assertEquals("eu-west-1a", one(plan, INSTANCE, "aurora-gdpr-tenants-instance-4").inputs().get("availabilityZone"));
        assertEquals("db.x2g.xlarge", one(plan, INSTANCE, "aurora-gdpr-tenants-instance-4").inputs().get("instanceClass"));
    }

    @Test
    void theSecurityGroupAdmitsOnlyPostgresFromTheClientSecurityGroup() {
        var plan = secondary();
        var sg = one(plan, SG, "aurora-gdpr-tenants-sg");
        assertFalse(sg.inputs().containsKey("ingress"), "no inline rules");
        assertFalse(sg.inputs().containsKey("egress"), "no egress at all");
        assertEquals("vpc-1", sg.inputs().get("vpcId"));
        var rules = plan.ofType(INGRESS);
        assertEquals(1, rules.size());
        var rule = rules.get(0).inputs();
        assertEquals("tcp", rule.get("ipProtocol"));
        assertEquals(5432L, rule.get("fromPort"));
        assertEquals(5432L, rule.get("toPort"));
        assertEquals(CLIENT_SG, rule.get("referencedSecurityGroupId"));
        assertFalse(rule.containsKey("cidrIpv4"));
        assertFalse(rule.containsKey("cidrIpv6"));
        assertEquals(0, plan.count("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"));
        var c = one(plan, CLUSTER, "aurora-gdpr-tenants-cluster");
        assertEquals(List.of(sgId(plan)), c.inputs().get("vpcSecurityGroupIds"));
        assertTrue(sgId(plan).startsWith("sg-"));
    }

    private static String sgId(StackPlan plan) {
        var rule = plan.ofType(INGRESS).get(0);
        return String.valueOf(rule.inputs().get("securityGroupId"));
    }

    @Test
    void badArgsAreRejectedTogether() {
        var e = assertThrows(IllegalArgumentException.class, () -> AuroraGlobalDatabaseArgs.builder()
                .domain("GDPR_Tenants").zone("gdpr").region("Ireland").owner(false)
                .instanceClass("db.t4g.medium").instanceCount(16).backupRetentionDays(3).engineVersion("17")
                .masterUsername("admin").databaseName("app")
                .build());
        var m = e.getMessage();
        for (var expected : List.of("domain: 'GDPR_Tenants' is not a lower-case label",
                "region: 'Ireland' is not an AWS region name",
                "instanceClass: 'db.t4g.medium' is not a memory-optimised class",
                "instanceCount: 16 is outside 1..15",
                "backupRetentionDays: 3 is outside 7..35",
                "engineVersion: '17' is not an Aurora PostgreSQL version",
                "masterUsername: is set on a secondary",
                "databaseName: is set on a secondary",
                "availabilityZones: is required", "isolatedSubnetIds: is required", "vpcId: is required",
                "clientSecurityGroupId: is required", "facts: is required")) {
            assertTrue(m.contains(expected), "missing '" + expected + "' in " + m);
        }
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        var args = AuroraGlobalDatabaseArgs.builder().domain("platform").zone("us").region("us-east-1").owner(true)
                .availabilityZones(Output.of(List.of("us-east-1a"))).isolatedSubnetIds(Output.of(List.of("s")))
                .vpcId(Output.of("v")).clientSecurityGroupId(Output.of("sg"))
                .facts(new io.acgs2.components.common.AwsFacts(Output.of("1"), Output.of("aws"), Output.of("us-east-1"), Output.of("a")))
                .build();
        assertEquals("acgs2-platform", args.globalClusterIdentifier());
        assertEquals("acgs2-platform-us-east-1", args.clusterIdentifier());
        assertEquals("db.r7g.large", args.instanceClass());
        assertEquals(2, args.instanceCount());
        assertEquals(7, args.backupRetentionDays());
        assertEquals(AuroraGlobalDatabaseArgs.ENGINE_VERSION, args.engineVersion());
    }

    @Test
    void everyInstanceHasEnhancedMonitoringThroughARoleOnlyRdsMonitoringOfThisAccountAssumes() {
        for (var plan : List.of(owner(), secondary())) {
            var role = one(plan, "aws:iam/role:Role", "aurora-gdpr-tenants-monitoring");
            var trust = json(role.inputs().get("assumeRolePolicy")).get("Statement").get(0);
            assertEquals("monitoring.rds.amazonaws.com", trust.path("Principal").path("Service").asText());
            assertEquals("123456789012", trust.path("Condition").path("StringEquals").path("aws:SourceAccount").asText());
            var attachment = one(plan, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aurora-gdpr-tenants-monitoring");
            assertEquals("arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole", attachment.inputs().get("policyArn"));
            var instances = where(plan, r -> r.type().equals(INSTANCE));
            assertEquals(2, instances.size());
            for (var i : instances) {
                // RDS accepts only these intervals; the role must be usable when the instance is created
                assertTrue(AuroraGlobalDatabaseArgs.MONITORING_INTERVALS.contains(((Number) i.inputs().get("monitoringInterval")).intValue()));
                assertEquals(60L, ((Number) i.inputs().get("monitoringInterval")).longValue());
                assertTrue(String.valueOf(i.inputs().get("monitoringRoleArn")).startsWith("arn:aws:iam::"), i.urn());
                assertTrue(i.dependencies().contains(attachment.urn()), "created after the role has its policy");
            }
        }
        var off = member("eu-west-1", true, a -> a.monitoringIntervalSeconds(0));
        assertEquals(0, off.count("aws:iam/role:Role"));
        where(off, r -> r.type().equals(INSTANCE)).forEach(i -> assertFalse(i.inputs().containsKey("monitoringRoleArn")));
        var e = assertThrows(RuntimeException.class, () -> member("eu-west-1", true, a -> a.monitoringIntervalSeconds(20)));
        assertTrue(e.getMessage().contains("monitoringIntervalSeconds") && e.getMessage().contains("[0, 1, 5, 10, 15, 30, 60]"), e.getMessage());
    }

    @Test
    void theClusterLogsDdlSlowStatementsAndConnectionsButNeverBindValuesOrEveryStatement() {
        for (var plan : List.of(owner(), secondary())) {
            var group = one(plan, "aws:rds/clusterParameterGroup:ClusterParameterGroup", "aurora-gdpr-tenants-parameters");
            assertEquals("aurora-postgresql17", group.inputs().get("family"), "the family of the pinned engine major");
            var values = new java.util.HashMap<String, String>();
            for (var param : json(group.inputs().get("parameters"))) {
                values.put(param.get("name").asText(), param.get("value").asText());
                assertEquals("immediate", param.get("applyMethod").asText(), "dynamic parameters: no reboot");
            }
            assertEquals("ddl", values.get("log_statement"), "never all: personal data would reach the logs");
            assertEquals("1000", values.get("log_min_duration_statement"));
            assertEquals("0", values.get("log_parameter_max_length"), "slow statements are logged without their bind values");
            assertEquals("0", values.get("log_parameter_max_length_on_error"));
            assertEquals("1", values.get("rds.force_ssl"));
            assertEquals("1", values.get("log_connections"));
            var cluster = one(plan, CLUSTER, "aurora-gdpr-tenants-cluster");
            assertEquals(group.inputs().get("name"), cluster.inputs().get("dbClusterParameterGroupName"));
            assertTrue(String.valueOf(group.inputs().get("name")).endsWith("-aurora-postgresql17"),
                    "a major upgrade makes a new group beside the one in use");
        }
        var e = assertThrows(RuntimeException.class, () -> member("eu-west-1", true, a -> a.slowStatementMillis(5)));
        assertTrue(e.getMessage().contains("slowStatementMillis"), e.getMessage());
    }

    /** The plan of an owner (eu-west-1) and a secondary (eu-west-3) as a gate snapshot, for bin/acgs2 gate. */
    @Test
    void writesAPolicySnapshot() throws Exception {
        var owner = rename(owner(), "eu-west-1");
        var secondary = rename(secondary(), "eu-west-3");
        var file = Path.of("target", "aurora-snapshot.json");
        Snapshot.write(List.of(owner, secondary), file);
        assertTrue(json(java.nio.file.Files.readString(file)).path("stacks").size() == 2);
    }

    private static StackPlan rename(StackPlan p, String stack) {
        return new StackPlan(stack, p.project(), p.resources(), p.outputs(), p.rawOutputs(), p.secretOutputNames());
    }
}
