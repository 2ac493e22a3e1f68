package io.acgs2.components.data;

import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.acgs2.components.common.Tags;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What every bucket of the platform has the same way, as children of its component: the bucket
 * ({@code protect}ed, never force-destroyed), ownership enforced (ACLs off), all four public access
 * blocks, versioning, and the statements of a TLS-only bucket policy.
 *
 * @param owner the bucket's component
 * @param name  the component's name (pieces are {@code <name>-bucket}, {@code <name>-versioning}, ...)
 * @param tags  the bucket's data tags
 */
record BucketParts(Resource owner, String name, Map<String, String> tags) {

    /** S3's limit on a bucket name. */
    static final int MAX_NAME = 63;
    /** acgs2-&lt;what&gt;-&lt;region&gt;-&lt;account&gt;: readable, unique per account and region, and states its region. */
    static final Pattern NAME = Pattern.compile("^acgs2-([a-z0-9-]+)-([a-z]{2}(?:-gov|-iso[a-z]?)?"
            + "-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\\d)-(\\d{12})$");

    /** The platform's name of a bucket: S3 names are global, so the account and the region are in it. */
    static String bucketName(String what, String region, String accountId) {
        return "acgs2-" + what + "-" + region + "-" + accountId;
    }

    /** The longest {@code what} that fits {@link #MAX_NAME} in {@code region}. */
    static int maxWhat(String region) {
        return MAX_NAME - "acgs2-".length() - 1 - region.length() - 1 - 12;
    }

    Created create(Output<String> bucketName) {
        var inComponent = CustomResourceOptions.builder().parent(owner).build();
        var bucket = new BucketV2(name + "-bucket", BucketV2Args.builder()
                // named: readable, and the replication rules and the residency gate read the region from it
                .bucket(bucketName)
                .forceDestroy(false)
                .tags(Tags.name(name + "-bucket", tags))
                .build(), CustomResourceOptions.builder().parent(owner).protect(true).build());
        var ownership = new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), inComponent);
        var publicAccess = new BucketPublicAccessBlock(name + "-public-access", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), inComponent);
        var versioning = new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                .build(), inComponent);
        return new Created(bucket, ownership, publicAccess, versioning);
    }

    /** The pieces, for dependsOn (replication and lifecycle need versioning on first). */
    record Created(BucketV2 bucket, BucketOwnershipControls ownership, BucketPublicAccessBlock publicAccess,
                   BucketVersioningV2 versioning) {
    }

    /** Refuses plain HTTP and TLS older than 1.2, for every principal. */
    static List<Map<String, Object>> tlsOnly(String bucketArn) {
        var resources = List.of(bucketArn, bucketArn + "/*");
        return List.of(
                Map.of("Sid", "DenyInsecureTransport", "Effect", "Deny", "Principal", "*", "Action", "s3:*",
                        "Resource", resources, "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))),
                Map.of("Sid", "DenyTlsBelow12", "Effect", "Deny", "Principal", "*", "Action", "s3:*",
                        "Resource", resources, "Condition", Map.of("NumericLessThan", Map.of("s3:TlsVersion", "1.2"))));
    }
}
