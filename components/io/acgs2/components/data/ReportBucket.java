package io.acgs2.components.data;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketLoggingV2Args;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
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
import io.acgs2.components.common.AwsFacts;
import io.acgs2.components.common.Json;

import java.util.Map;

/**
 * A region's bucket of reports ({@code acgs2-<what>-<region>-<account>}, e.g. the compliance
 * reports), tagged with the region's zone so a report never leaves it: the platform's bucket
 * defaults ({@code protect}ed, private, versioned, TLS 1.2+ only) encrypted with its own rotating key,
 * access-logged to the region's log bucket, reports kept {@code keepDays}. Never replicated.
 */
public class ReportBucket extends ComponentResource {

    public static final String TYPE = "acgs2:data:ReportBucket";

    public final Output<String> bucketName;
    public final Output<String> bucketArn;
    public final Output<String> kmsKeyArn;

    public ReportBucket(String name, String what, String region, String zone, int keepDays, AwsFacts facts, Output<String> accessLogBucket,
                        ComponentResourceOptions options) {
        super(TYPE, name, options);
        var inComponent = CustomResourceOptions.builder().parent(this).build();
        var tags = Map.of(AuroraGlobalDatabase.TAG_ZONE, zone);
        var key = new StoreParts(this, name, tags).key("alias/acgs2/" + what, "Encrypts the " + what + " bucket of " + region, facts);
        var parts = new BucketParts(this, name, tags).create(facts.accountId().applyValue(a -> BucketParts.bucketName(what, region, a)));
        var bucket = parts.bucket();
        new BucketServerSideEncryptionConfigurationV2(name + "-encryption", BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder()
                                .sseAlgorithm("aws:kms").kmsMasterKeyId(key.arn()).build())
                        .bucketKeyEnabled(true)
                        .build())
                .build(), inComponent);
        new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(bucket.arn().applyValue(arn -> Json.write(Map.of("Version", "2012-10-17", "Statement", BucketParts.tlsOnly(arn)))))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(parts.publicAccess()).build());
        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("keep-" + keepDays + "-days")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(keepDays).build())
                        .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                .noncurrentDays(30).build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(parts.versioning()).build());
        new BucketLoggingV2(name + "-access-logs", BucketLoggingV2Args.builder()
                .bucket(bucket.id())
                .targetBucket(accessLogBucket)
                .targetPrefix(what + "/")
                .build(), inComponent);
        this.bucketName = bucket.bucket();
        this.bucketArn = bucket.arn();
        this.kmsKeyArn = key.arn();
        this.registerOutputs(Map.of("bucketName", bucketName, "bucketArn", bucketArn));
    }
}
