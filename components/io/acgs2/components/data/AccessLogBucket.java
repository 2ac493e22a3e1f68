package io.acgs2.components.data;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.common.Json;

import java.util.ArrayList;
import java.util.Map;

/**
 * A region's S3 server access log bucket: every data bucket of the region logs its requests here,
 * under its domain's prefix. Private, ownership enforced, versioned, TLS only, {@code protect}ed;
 * only the S3 logging service of this account may write, and only from the platform's buckets.
 *
 * <p>Encrypted with S3-managed keys (SSE-S3), not a customer key: AWS documents SSE-S3 as the
 * encryption for server access log destinations (log delivery does not use the bucket's KMS key);
 * the residency gate's bucket rule accepts it for a bucket that is a logging target and nothing else.
 */
public class AccessLogBucket extends ComponentResource {

    public static final String TYPE = "acgs2:data:AccessLogBucket";
    public static final String TAG_PURPOSE = "acgs2:purpose";

    public final Output<String> bucketName;
    public final Output<String> bucketArn;
    /** The bucket's policy: log delivery may write once it exists (ELB writes a test object when logging is turned on). */
    public final BucketPolicy policy;

    public AccessLogBucket(String name, AccessLogBucketArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var inComponent = CustomResourceOptions.builder().parent(this).build();
        var facts = args.facts();
        var parts = new BucketParts(this, name, Map.of(TAG_PURPOSE, "s3-access-logs", ReplicatedBucket.TAG_ZONE, args.zone())).create(facts.accountId().applyValue(args::bucketName));
        var bucket = parts.bucket();
        new BucketServerSideEncryptionConfigurationV2(name + "-encryption", BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder()
                                .sseAlgorithm("AES256").build())
                        .build())
                .build(), inComponent);
        this.policy = new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(Output.tuple(bucket.arn(), facts.accountId(), facts.partition())
                        .applyValue(t -> policy(t.t1, t.t2, t.t3, args.region(), args.loadBalancerLogPrefix())))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(parts.publicAccess()).build());
        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("retention")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(args.retentionDays()).build())
                        .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                .noncurrentDays(30).build())
                        .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                .daysAfterInitiation(ReplicatedBucketArgs.ABORT_MULTIPART_DAYS).build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(parts.versioning()).build());
        this.bucketName = bucket.bucket();
        this.bucketArn = bucket.arn();
        this.registerOutputs(Map.of("bucketName", bucketName, "bucketArn", bucketArn));
    }

    /**
     * The accounts Elastic Load Balancing writes access logs from, in the regions that existed before
     * August 2022 (Elastic Load Balancing User Guide, "Enable access logs", and terraform-provider-aws
     * {@code elb/service_account_data_source.go}); newer regions use only the log delivery service
     * principal, which the policy names everywhere.
     */
    static final Map<String, String> ELB_LOG_ACCOUNTS = Map.ofEntries(
            Map.entry("us-east-1", "127311923021"), Map.entry("us-east-2", "033677994240"),
            Map.entry("us-west-1", "027434742980"), Map.entry("us-west-2", "797873946194"),
            Map.entry("ca-central-1", "985666609251"), Map.entry("sa-east-1", "507241528517"),
            Map.entry("eu-west-1", "156460612806"), Map.entry("eu-west-2", "652711504416"),
            Map.entry("eu-west-3", "009996457667"), Map.entry("eu-central-1", "054676820928"),
            Map.entry("eu-north-1", "897822967062"), Map.entry("eu-south-1", "635631232127"),
            Map.entry("ap-northeast-1", "582318560864"), Map.entry("ap-northeast-2", "600734575887"),
            Map.entry("ap-southeast-1", "114774131450"), Map.entry("ap-southeast-2", "783225319266"),
            Map.entry("ap-south-1", "718504428378"));

    /** S3 log delivery of this account's acgs2 buckets may write; TLS only for everyone. */
    static String policy(String bucketArn, String accountId, String partition) {
        return policy(bucketArn, accountId, partition, null, java.util.Optional.empty());
    }

    /**
     * As above, and with a load balancer log prefix, Elastic Load Balancing may write this account's
     * logs under it: the log delivery service principal, and in the older regions the region's ELB
     * account too (AWS documents both; the bucket keeps SSE-S3, the only encryption ALB logs support).
     */
    static String policy(String bucketArn, String accountId, String partition, String region,
                         java.util.Optional<String> loadBalancerLogPrefix) {
        var statements = new ArrayList<Map<String, Object>>();
        statements.add(Map.of("Sid", "S3ServerAccessLogs", "Effect", "Allow",
                "Principal", Map.of("Service", "logging.s3.amazonaws.com"),
                "Action", "s3:PutObject", "Resource", bucketArn + "/*",
                "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", accountId),
                        "ArnLike", Map.of("aws:SourceArn", "arn:" + partition + ":s3:::acgs2-*"))));
        loadBalancerLogPrefix.ifPresent(prefix -> {
            var logs = bucketArn + "/" + prefix + "/AWSLogs/" + accountId + "/*";
            statements.add(Map.of("Sid", "LoadBalancerAccessLogs", "Effect", "Allow",
                    "Principal", Map.of("Service", "logdelivery.elasticloadbalancing.amazonaws.com"),
                    "Action", "s3:PutObject", "Resource", logs));
            var elbAccount = ELB_LOG_ACCOUNTS.get(region);
            if (elbAccount != null) {
                statements.add(Map.of("Sid", "LoadBalancerAccessLogsRegionAccount", "Effect", "Allow",
                        "Principal", Map.of("AWS", "arn:" + partition + ":iam::" + elbAccount + ":root"),
                        "Action", "s3:PutObject", "Resource", logs));
            }
        });
        statements.addAll(BucketParts.tlsOnly(bucketArn));
        return Json.write(Map.of("Version", "2012-10-17", "Statement", statements));
    }
}
