package io.acgs2.components.data;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import io.acgs2.stacks.plan.PlannedResource;
import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

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

class ReplicatedBucketTest {

    static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    static final String REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
    static final String ACCOUNT = "123456789012";
    static final String US_KEY = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/us-key";
    static final String US_BUCKET = "acgs2-platform-us-east-1-" + ACCOUNT;

    static ReplicatedBucketArgs.Peer us() {
        return new ReplicatedBucketArgs.Peer("us-east-1", Output.of(US_BUCKET), Output.of("arn:aws:s3:::" + US_BUCKET), Output.of(US_KEY));
    }

    /** The platform bucket in {@code region}; {@code customize} gets the args and a provider for us-east-1. */
    static StackPlan bucket(String region, BiConsumer<ReplicatedBucketArgs.Builder, Provider> customize) {
        return runInRegion(region, r -> {
            var usProvider = new Provider("aws-us-east-1", ProviderArgs.builder().region("us-east-1").build());
            var args = ReplicatedBucketArgs.builder()
                    .domain("platform")
                    .zone("global")
                    .region(region)
                    .facts(r.facts())
                    .accessLogBucket(Output.of("acgs2-access-logs-" + region + "-" + ACCOUNT));
            customize.accept(args, usProvider);
            new ReplicatedBucket("b", args.build(), r.opts());
        });
    }

    @Test
    void theBucketIsPrivateEncryptedVersionedLoggedAndProtected() {
        var plan = bucket("us-east-1", (a, p) -> { });
        var bucket = one(plan, BUCKET, "b-bucket");
        assertEquals(US_BUCKET, bucket.inputs().get("bucket"), "named acgs2-<domain>-<region>-<account>");
        assertEquals(false, bucket.inputs().get("forceDestroy"));
        assertTrue(bucket.protect());
        assertEquals("global", map(bucket.inputs().get("tags")).get("acgs2:data-zone"));
        var sse = json(one(plan, "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "b-encryption").inputs().get("rules")).get(0);
        assertEquals("aws:kms", sse.get("applyServerSideEncryptionByDefault").get("sseAlgorithm").asText());
        assertTrue(sse.get("applyServerSideEncryptionByDefault").get("kmsMasterKeyId").asText().startsWith("arn:aws:kms:us-east-1:"));
        assertTrue(sse.get("bucketKeyEnabled").asBoolean());
        var pab = one(plan, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "b-public-access").inputs();
        for (var flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertEquals(true, pab.get(flag), flag);
        }
        assertEquals("BucketOwnerEnforced", json(one(plan, "aws:s3/bucketOwnershipControls:BucketOwnershipControls", "b-ownership")
                .inputs().get("rule")).get("objectOwnership").asText());
        var versioning = one(plan, "aws:s3/bucketVersioningV2:BucketVersioningV2", "b-versioning");
        assertEquals("Enabled", json(versioning.inputs().get("versioningConfiguration")).get("status").asText());
        var policy = one(plan, "aws:s3/bucketPolicy:BucketPolicy", "b-policy").inputs().get("policy");
        assertEquals("false", statement(policy, "DenyInsecureTransport").get("Condition").get("Bool").get("aws:SecureTransport").asText());
        assertEquals("1.2", statement(policy, "DenyTlsBelow12").get("Condition").get("NumericLessThan").get("s3:TlsVersion").asText());
        var other = statement(policy, "DenyOtherEncryption").get("Condition");
        assertEquals("false", other.get("Null").get("s3:x-amz-server-side-encryption").asText(),
                "only an upload that asks for an encryption is checked; one without gets the default");
        assertEquals("aws:kms", other.get("StringNotEquals").get("s3:x-amz-server-side-encryption").asText());
        var lifecycle = one(plan, "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", "b-lifecycle");
        var rule = json(lifecycle.inputs().get("rules")).get(0);
        assertEquals(90, rule.get("noncurrentVersionExpiration").get("noncurrentDays").asInt());
        assertEquals(7, rule.get("abortIncompleteMultipartUpload").get("daysAfterInitiation").asInt());
        assertTrue(lifecycle.dependencies().contains(versioning.urn()), "lifecycle on a versioned bucket waits for versioning");
        var logging = one(plan, "aws:s3/bucketLoggingV2:BucketLoggingV2", "b-access-logs").inputs();
        assertEquals("acgs2-access-logs-us-east-1-" + ACCOUNT, logging.get("targetBucket"));
        assertEquals("platform/", logging.get("targetPrefix"));
        // the domain's first region writes no replication: later regions own the links
        assertEquals(0, plan.count(REPLICATION));
        assertEquals(0, plan.count("aws:iam/role:Role"));
    }

    @Test
    void theSecondRegionOwnsBothLinksWithTheOwnerAndReencryptsWithTheDestinationsKey() {
        var plan = bucket("eu-west-1", (a, p) -> a.destination(us()).ownerBucket(us(), p));
        assertEquals(2, plan.count(REPLICATION));
        var own = one(plan, REPLICATION, "b-replication");
        assertEquals("acgs2-platform-eu-west-1-" + ACCOUNT, own.inputs().get("bucket"));
        assertEquals("eu-west-1", own.providerRegion());
        var rule = json(own.inputs().get("rules")).get(0);
        assertEquals("to-us-east-1", rule.get("id").asText());
        assertEquals("Enabled", rule.get("status").asText());
        assertEquals("", rule.get("filter").get("prefix").asText(), "the filter form: RTC and delete marker replication need it");
        assertEquals("Enabled", rule.get("deleteMarkerReplication").get("status").asText());
        assertEquals("Enabled", rule.get("sourceSelectionCriteria").get("sseKmsEncryptedObjects").get("status").asText());
        var destination = rule.get("destination");
        assertEquals("arn:aws:s3:::" + US_BUCKET, destination.get("bucket").asText());
        assertEquals(US_KEY, destination.get("encryptionConfiguration").get("replicaKmsKeyId").asText());
        assertEquals(15, destination.get("replicationTime").get("time").get("minutes").asInt(), "S3 RTC accepts only 15");
        assertEquals("Enabled", destination.get("metrics").get("status").asText(), "RTC requires metrics");
        assertEquals(15, destination.get("metrics").get("eventThreshold").get("minutes").asInt());
        var versioning = one(plan, "aws:s3/bucketVersioningV2:BucketVersioningV2", "b-versioning");
        assertTrue(own.dependencies().contains(versioning.urn()), "S3 refuses replication on an unversioned bucket");

        // the owner's bucket configuration: written in us-east-1, by this stack, to this region's bucket and key
        var owners = one(plan, REPLICATION, "b-owner-replication");
        assertEquals(US_BUCKET, owners.inputs().get("bucket"));
        // both configurations protected: deleting one silently stops replication of every later write
        assertTrue(own.protect() && owners.protect(), "replication configurations are protected");
        assertEquals("us-east-1", owners.providerRegion());
        var back = json(owners.inputs().get("rules")).get(0);
        assertEquals("to-eu-west-1", back.get("id").asText());
        assertEquals("arn:aws:s3:::acgs2-platform-eu-west-1-" + ACCOUNT, back.get("destination").get("bucket").asText());
        assertTrue(back.get("destination").get("encryptionConfiguration").get("replicaKmsKeyId").asText().startsWith("arn:aws:kms:eu-west-1:"));

        // least privilege: read the source, decrypt with its key in its region, write and encrypt at the destination
        var role = one(plan, "aws:iam/role:Role", "b-replication");
        var trust = statement(role.inputs().get("assumeRolePolicy"), "s3.amazonaws.com");
        assertEquals(ACCOUNT, trust.get("Condition").get("StringEquals").get("aws:SourceAccount").asText());
        var policy = where(plan, r -> r.type().equals("aws:iam/rolePolicy:RolePolicy") && role.urn().equals(r.parent())).get(0).inputs().get("policy");
        assertEquals("s3.eu-west-1.amazonaws.com", statement(policy, "DecryptSource").get("Condition").get("StringEquals")
                .get("kms:ViaService").asText());
        var encrypt = statement(policy, "EncryptReplicas0");
        assertEquals(US_KEY, encrypt.get("Resource").asText());
        assertEquals("s3.us-east-1.amazonaws.com", encrypt.get("Condition").get("StringEquals").get("kms:ViaService").asText());
        assertEquals("[\"arn:aws:s3:::" + US_BUCKET + "/*\"]", statement(policy, "WriteReplicas").get("Resource").toString());
        for (var s : json(policy).get("Statement")) {
            assertFalse(s.get("Action").toString().contains("*"), "no wildcard action: " + s);
        }
    }

    @Test
    void aLaterRegionReplicatesToEveryEarlierOneAndLeavesTheOwnersConfigurationAlone() {
        var eu = new ReplicatedBucketArgs.Peer("eu-west-1", Output.of("acgs2-platform-eu-west-1-" + ACCOUNT),
                Output.of("arn:aws:s3:::acgs2-platform-eu-west-1-" + ACCOUNT), Output.of("arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/eu"));
        var plan = bucket("us-west-2", (a, p) -> a.destination(us()).destination(eu).replicateDeleteMarkers(false));
        assertEquals(1, plan.count(REPLICATION), "only its own bucket's configuration");
        var rules = json(one(plan, REPLICATION, "b-replication").inputs().get("rules"));
        assertEquals(List.of("to-us-east-1", "to-eu-west-1"), List.of(rules.get(0).get("id").asText(), rules.get(1).get("id").asText()));
        assertFalse(rules.get(0).get("priority").asInt() == rules.get(1).get("priority").asInt(), "priorities are distinct");
        assertEquals("Disabled", rules.get(1).get("deleteMarkerReplication").get("status").asText());
    }

    @Test
    void badArgsAreReportedTogetherWithTheirFix() {
        var e = assertThrows(IllegalArgumentException.class, () -> ReplicatedBucketArgs.builder()
                .domain("a-very-long-domain-name-of-30c")
                .zone("global")
                .region("ap-southeast-1")
                .destination(new ReplicatedBucketArgs.Peer("ap-southeast-1", Output.of("x"), Output.of("y"), Output.of("z")))
                .ownerBucket(us(), null)
                .noncurrentVersionDays(0)
                .build());
        var m = e.getMessage();
        assertTrue(m.contains("domain: bucket name acgs2-a-very-long-domain-name-of-30c-ap-southeast-1-<account> is longer than S3's 63"
                + " characters. Fix: use a domain name of at most 29 characters"), m);
        assertTrue(m.contains("destinations: includes this region ap-southeast-1"), m);
        assertTrue(m.contains("ownerProvider: is missing"), m);
        assertTrue(m.contains("ownerBucket: the owner us-east-1 is not among the destinations"), m);
        assertTrue(m.contains("noncurrentVersionDays: is 0"), m);
        assertTrue(m.contains("facts: is required"), m);
        assertTrue(m.contains("accessLogBucket: is required"), m);
    }

    @Test
    void theAccessLogBucketTakesOnlyThisAccountsS3LogDelivery() {
        var plan = runInRegion("eu-west-1", r -> new AccessLogBucket("logs", AccessLogBucketArgs.builder()
                .region("eu-west-1").zone("gdpr").facts(r.facts()).build(), r.opts()));
        var bucket = one(plan, BUCKET, "logs-bucket");
        assertEquals("acgs2-access-logs-eu-west-1-" + ACCOUNT, bucket.inputs().get("bucket"));
        assertTrue(bucket.protect());
        assertEquals("gdpr", map(bucket.inputs().get("tags")).get("acgs2:data-zone"), "access logs are personal data of the region");
        var sse = json(one(plan, "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "logs-encryption").inputs().get("rules")).get(0);
        assertEquals("AES256", sse.get("applyServerSideEncryptionByDefault").get("sseAlgorithm").asText(),
                "SSE-S3: the encryption AWS documents for server access log destinations");
        var policy = one(plan, "aws:s3/bucketPolicy:BucketPolicy", "logs-policy").inputs().get("policy");
        var delivery = statement(policy, "S3ServerAccessLogs");
        assertEquals("logging.s3.amazonaws.com", delivery.get("Principal").get("Service").asText());
        assertEquals("s3:PutObject", delivery.get("Action").asText());
        assertEquals(ACCOUNT, delivery.get("Condition").get("StringEquals").get("aws:SourceAccount").asText());
        assertEquals("arn:aws:s3:::acgs2-*", delivery.get("Condition").get("ArnLike").get("aws:SourceArn").asText());
        var rule = json(one(plan, "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", "logs-lifecycle")
                .inputs().get("rules")).get(0);
        assertEquals(365, rule.get("expiration").get("days").asInt());
        assertEquals(1, plan.count("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"));
        assertEquals(0, plan.count("aws:s3/bucketLoggingV2:BucketLoggingV2"), "a log bucket does not log to itself");
        for (PlannedResource r : plan.resources()) {
            assertFalse(r.type().equals("aws:kms/key:Key"), "no customer key: log delivery cannot use it");
        }
    }
}
