package io.acgs2.components.data;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketLoggingV2Args;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketReplicationConfig;
import com.pulumi.aws.s3.BucketReplicationConfigArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDeleteMarkerReplicationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationEncryptionConfigurationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationMetricsArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationMetricsEventThresholdArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationReplicationTimeArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationReplicationTimeTimeArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleSourceSelectionCriteriaArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleSourceSelectionCriteriaReplicaModificationsArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleSourceSelectionCriteriaSseKmsEncryptedObjectsArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.acgs2.components.common.Json;
import io.acgs2.components.common.Tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One region's bucket of a data domain, and the replication links this region owns.
 *
 * <p>The bucket: named {@code acgs2-<domain>-<region>-<account>}, {@code protect}ed, versioned,
 * encrypted with the region's own rotating customer key (bucket key on, so KMS is called per bucket
 * and not per object), all public access blocked, ACLs off (ownership enforced), a bucket policy
 * that refuses plain HTTP, TLS below 1.2 and uploads that ask for another encryption, noncurrent
 * versions expiring after {@link ReplicatedBucketArgs#noncurrentVersionDays()}, and server access
 * logs to the region's {@link AccessLogBucket}.
 *
 * <p>Replication, under the fleet's rule that the later region owns every pairwise link: S3 takes
 * exactly one replication configuration per source bucket, so a link from an earlier bucket to a
 * later one would have to change the earlier stack, or be rewritten by every region that joins.
 * Instead:
 * <ul>
 *   <li>this bucket replicates to every earlier region of the domain (its own configuration, one rule
 *       per destination, written once when this region joins);</li>
 *   <li>the domain's second region also owns the owner bucket's configuration, with one rule to
 *       itself, through a provider for the owner's region; no later region ever touches it.</li>
 * </ul>
 * So the owner and the second region each hold every object of the domain, and every object has a
 * copy in at least two regions. Every rule: Replication Time Control (15 minutes) with metrics,
 * replicas re-encrypted with the destination region's key, delete markers replicated (see
 * {@link ReplicatedBucketArgs#replicateDeleteMarkers()}), replica modifications synced back.
 */
public class ReplicatedBucket extends ComponentResource {

    public static final String TYPE = "acgs2:data:ReplicatedBucket";
    public static final String TAG_ZONE = AuroraGlobalDatabase.TAG_ZONE;
    public static final String TAG_DOMAIN = AuroraGlobalDatabase.TAG_DOMAIN;

    public final Output<String> bucketName;
    public final Output<String> bucketArn;
    public final Output<String> kmsKeyArn;
    /** The rules of this bucket's own configuration (their source is here): for this region's alarms. */
    public final List<ReplicationAlarmsArgs.BucketEdge> edges;
    /** The rule this region owns on the owner's bucket (its source is in the owner's region), if any. */
    public final Optional<ReplicationAlarmsArgs.BucketEdge> ownerEdge;

    public ReplicatedBucket(String name, ReplicatedBucketArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var inComponent = CustomResourceOptions.builder().parent(this).build();
        var facts = args.facts();
        var dataTags = Map.of(TAG_ZONE, args.zone(), TAG_DOMAIN, args.domain());

        var key = new StoreParts(this, name, dataTags).key("alias/acgs2/data/" + args.domain() + "/bucket",
                "Encrypts the " + args.domain() + " bucket in " + args.region() + " and the replicas written to it", facts);
        var parts = new BucketParts(this, name, dataTags).create(facts.accountId().applyValue(args::bucketName));
        var bucket = parts.bucket();
        var afterVersioning = CustomResourceOptions.builder().parent(this).dependsOn(parts.versioning()).build();

        new BucketServerSideEncryptionConfigurationV2(name + "-encryption", BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder()
                                .sseAlgorithm("aws:kms")
                                .kmsMasterKeyId(key.arn())
                                .build())
                        .bucketKeyEnabled(true)
                        .build())
                .build(), inComponent);
        new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(bucket.arn().applyValue(ReplicatedBucket::bucketPolicy))
                // S3 rejects a policy while the public access block is being written
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(parts.publicAccess()).build());
        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("noncurrent-versions")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                .noncurrentDays(args.noncurrentVersionDays()).build())
                        // a delete marker with no versions left behind it is clutter
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().expiredObjectDeleteMarker(true).build())
                        .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                .daysAfterInitiation(ReplicatedBucketArgs.ABORT_MULTIPART_DAYS).build())
                        .build())
                .build(), afterVersioning);
        new BucketLoggingV2(name + "-access-logs", BucketLoggingV2Args.builder()
                .bucket(bucket.id())
                .targetBucket(args.accessLogBucket())
                .targetPrefix(args.domain() + "/")
                .build(), inComponent);

        // ---- the links this region owns ----
        var self = new ReplicatedBucketArgs.Peer(args.region(), bucket.bucket(), bucket.arn(), key.arn());
        var edges = new ArrayList<ReplicationAlarmsArgs.BucketEdge>();
        if (!args.destinations().isEmpty()) {
            var role = replicationRole(name + "-replication", self, args.destinations(), args, this);
            new BucketReplicationConfig(name + "-replication", BucketReplicationConfigArgs.builder()
                    .bucket(bucket.id())
                    .role(role.arn())
                    .rules(rules(args.destinations(), args))
                    .build(), CustomResourceOptions.builder().parent(this).protect(true)
                    .dependsOn(List.of(parts.versioning(), role)).build());
            args.destinations().forEach(d -> edges.add(new ReplicationAlarmsArgs.BucketEdge(args.domain(), d.region(),
                    self.bucket(), d.bucket(), ruleId(d.region()))));
        }
        this.edges = List.copyOf(edges);
        if (args.ownerBucket().isPresent()) {
            var owner = args.ownerBucket().get();
            var role = replicationRole(name + "-owner-replication", owner, List.of(self), args, this);
            // the owner bucket's one replication configuration: written in the owner's region, by this stack only;
            // protected like the buckets, since removing it silently stops replication of every later write
            new BucketReplicationConfig(name + "-owner-replication", BucketReplicationConfigArgs.builder()
                    .bucket(owner.bucket())
                    .role(role.arn())
                    .rules(rules(List.of(self), args))
                    .build(), CustomResourceOptions.builder().parent(this).provider(args.ownerProvider().orElseThrow())
                    .protect(true).dependsOn(List.of(parts.versioning(), role)).build());
            this.ownerEdge = Optional.of(new ReplicationAlarmsArgs.BucketEdge(args.domain(), args.region(), owner.bucket(),
                    self.bucket(), ruleId(args.region())));
        } else {
            this.ownerEdge = Optional.empty();
        }

        this.bucketName = bucket.bucket();
        this.bucketArn = bucket.arn();
        this.kmsKeyArn = key.arn();
        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("bucketName", bucketName);
        outputs.put("bucketArn", bucketArn);
        outputs.put("kmsKeyArn", kmsKeyArn);
        this.registerOutputs(Map.copyOf(outputs));
    }

    /** A rule's id names its destination region (the alarms' RuleId dimension). */
    public static String ruleId(String destinationRegion) {
        return "to-" + destinationRegion;
    }

    private static List<BucketReplicationConfigRuleArgs> rules(List<ReplicatedBucketArgs.Peer> destinations, ReplicatedBucketArgs args) {
        var rules = new ArrayList<BucketReplicationConfigRuleArgs>();
        for (int i = 0; i < destinations.size(); i++) {
            var d = destinations.get(i);
            rules.add(BucketReplicationConfigRuleArgs.builder()
                    .id(ruleId(d.region()))
                    // with several destinations S3 needs the filter form and a distinct priority per rule
                    .priority(destinations.size() - i)
                    .status("Enabled")
                    .filter(BucketReplicationConfigRuleFilterArgs.builder().prefix("").build())
                    .deleteMarkerReplication(BucketReplicationConfigRuleDeleteMarkerReplicationArgs.builder()
                            .status(args.replicateDeleteMarkers() ? "Enabled" : "Disabled").build())
                    .sourceSelectionCriteria(BucketReplicationConfigRuleSourceSelectionCriteriaArgs.builder()
                            // every object here is SSE-KMS: without this S3 skips them all
                            .sseKmsEncryptedObjects(BucketReplicationConfigRuleSourceSelectionCriteriaSseKmsEncryptedObjectsArgs.builder()
                                    .status("Enabled").build())
                            .replicaModifications(BucketReplicationConfigRuleSourceSelectionCriteriaReplicaModificationsArgs.builder()
                                    .status("Enabled").build())
                            .build())
                    .destination(BucketReplicationConfigRuleDestinationArgs.builder()
                            .bucket(d.bucketArn())
                            .storageClass("STANDARD")
                            .encryptionConfiguration(BucketReplicationConfigRuleDestinationEncryptionConfigurationArgs.builder()
                                    .replicaKmsKeyId(d.kmsKeyArn()).build())
                            .replicationTime(BucketReplicationConfigRuleDestinationReplicationTimeArgs.builder()
                                    .status("Enabled")
                                    .time(BucketReplicationConfigRuleDestinationReplicationTimeTimeArgs.builder()
                                            .minutes(ReplicatedBucketArgs.REPLICATION_TIME_MINUTES).build())
                                    .build())
                            .metrics(BucketReplicationConfigRuleDestinationMetricsArgs.builder()
                                    .status("Enabled")
                                    .eventThreshold(BucketReplicationConfigRuleDestinationMetricsEventThresholdArgs.builder()
                                            .minutes(ReplicatedBucketArgs.REPLICATION_TIME_MINUTES).build())
                                    .build())
                            .build())
                    .build());
        }
        return rules;
    }

    /** The role S3 assumes for one source bucket's configuration: read the source, write the destinations, nothing else. */
    private static Role replicationRole(String name, ReplicatedBucketArgs.Peer source, List<ReplicatedBucketArgs.Peer> destinations,
                                        ReplicatedBucketArgs args, Resource parent) {
        var facts = args.facts();
        var role = new Role(name, RoleArgs.builder()
                .description("S3 replication of the " + args.domain() + " bucket in " + source.region())
                .assumeRolePolicy(facts.accountId().applyValue(account -> Json.write(Map.of("Version", "2012-10-17",
                        "Statement", List.of(Map.of("Effect", "Allow", "Principal", Map.of("Service", "s3.amazonaws.com"),
                                "Action", "sts:AssumeRole",
                                "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", account))))))))
                .tags(Tags.name(name))
                .build(), CustomResourceOptions.builder().parent(parent).build());
        var values = new ArrayList<Output<String>>();
        values.add(source.bucketArn());
        values.add(source.kmsKeyArn());
        destinations.forEach(d -> {
            values.add(d.bucketArn());
            values.add(d.kmsKeyArn());
        });
        var policy = Output.all(values).applyValue(v -> {
            var statements = new ArrayList<Map<String, Object>>();
            statements.add(Map.of("Sid", "ReadSourceConfiguration", "Effect", "Allow",
                    "Action", List.of("s3:GetReplicationConfiguration", "s3:ListBucket"), "Resource", v.get(0)));
            statements.add(Map.of("Sid", "ReadSourceVersions", "Effect", "Allow",
                    "Action", List.of("s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"),
                    "Resource", v.get(0) + "/*"));
            statements.add(Map.of("Sid", "DecryptSource", "Effect", "Allow", "Action", "kms:Decrypt", "Resource", v.get(1),
                    "Condition", Map.of("StringEquals", Map.of("kms:ViaService", "s3." + source.region() + ".amazonaws.com"))));
            var objects = new ArrayList<String>();
            for (int i = 0; i < destinations.size(); i++) {
                objects.add(v.get(2 + 2 * i) + "/*");
            }
            statements.add(Map.of("Sid", "WriteReplicas", "Effect", "Allow",
                    "Action", List.of("s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"), "Resource", objects));
            for (int i = 0; i < destinations.size(); i++) {
                var d = destinations.get(i);
                statements.add(Map.of("Sid", "EncryptReplicas" + i, "Effect", "Allow",
                        "Action", List.of("kms:Encrypt", "kms:GenerateDataKey"), "Resource", v.get(3 + 2 * i),
                        "Condition", Map.of("StringEquals", Map.of("kms:ViaService", "s3." + d.region() + ".amazonaws.com"))));
            }
            return Json.write(Map.of("Version", "2012-10-17", "Statement", statements));
        });
        new RolePolicy(name, RolePolicyArgs.builder().role(role.id()).policy(policy).build(),
                CustomResourceOptions.builder().parent(role).build());
        return role;
    }

    /** TLS only, and no upload that asks for an encryption other than the bucket's KMS default. */
    static String bucketPolicy(String bucketArn) {
        var statements = new ArrayList<>(BucketParts.tlsOnly(bucketArn));
        statements.add(Map.of("Sid", "DenyOtherEncryption", "Effect", "Deny", "Principal", "*", "Action", "s3:PutObject",
                "Resource", bucketArn + "/*",
                // both conditions: the header is sent (Null false) and is not aws:kms; an upload without
                // it gets the bucket's default (an ...IfExists or a lone StringNotEquals would deny it)
                "Condition", Map.of("Null", Map.of("s3:x-amz-server-side-encryption", "false"),
                        "StringNotEquals", Map.of("s3:x-amz-server-side-encryption", "aws:kms"))));
        return Json.write(Map.of("Version", "2012-10-17", "Statement", statements));
    }
}
