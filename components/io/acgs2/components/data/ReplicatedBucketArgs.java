package io.acgs2.components.data;

import com.pulumi.core.Output;
import com.pulumi.resources.ProviderResource;
import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.common.AwsFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Inputs of {@link ReplicatedBucket}: one region's bucket of a data domain and the replication links
 * this region owns. Build with {@link #builder()}: {@code build()} applies the defaults and rejects
 * every bad field at once, naming it and the fix.
 */
public final class ReplicatedBucketArgs {

    /** Noncurrent versions are kept this long, then expire (a deleted or overwritten object stays recoverable). */
    public static final int DEFAULT_NONCURRENT_VERSION_DAYS = 90;
    /** Incomplete multipart uploads are aborted after this many days (they are billed and invisible). */
    public static final int ABORT_MULTIPART_DAYS = 7;
    /** S3 Replication Time Control: 99.99% of objects within 15 minutes (the only value S3 accepts). */
    public static final int REPLICATION_TIME_MINUTES = 15;

    /**
     * Another region's bucket of the same domain, as its stack exports it.
     *
     * @param region    its region
     * @param bucket    its name
     * @param bucketArn its ARN
     * @param kmsKeyArn its region's key: replicas are re-encrypted with it
     */
    public record Peer(String region, Output<String> bucket, Output<String> bucketArn, Output<String> kmsKeyArn) {
    }

    private final String domain;
    private final String zone;
    private final String region;
    private final AwsFacts facts;
    private final Output<String> accessLogBucket;
    private final List<Peer> destinations;
    private final Peer ownerBucket;
    private final ProviderResource ownerProvider;
    private final int noncurrentVersionDays;
    private final boolean replicateDeleteMarkers;

    private ReplicatedBucketArgs(Builder b) {
        this.domain = b.domain;
        this.zone = b.zone;
        this.region = b.region;
        this.facts = b.facts;
        this.accessLogBucket = b.accessLogBucket;
        this.destinations = List.copyOf(b.destinations);
        this.ownerBucket = b.ownerBucket;
        this.ownerProvider = b.ownerProvider;
        this.noncurrentVersionDays = b.noncurrentVersionDays == null ? DEFAULT_NONCURRENT_VERSION_DAYS : b.noncurrentVersionDays;
        this.replicateDeleteMarkers = b.replicateDeleteMarkers == null || b.replicateDeleteMarkers;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The data domain (a lower-case label). Required. Tags acgs2:data-domain and names the bucket. */
    public String domain() {
        return domain;
    }

    /** The sovereignty zone the data lives in, tagged acgs2:data-zone. For a global domain: the region's own zone. Required. */
    public String zone() {
        return zone;
    }

    /** The region of the component's provider. Required. */
    public String region() {
        return region;
    }

    /** Required. */
    public AwsFacts facts() {
        return facts;
    }

    /** The region's server access log bucket ({@link AccessLogBucket}). Required. */
    public Output<String> accessLogBucket() {
        return accessLogBucket;
    }

    /**
     * The domain's buckets in the regions that joined before this one: this bucket's replication
     * configuration has one rule to each. Default: none (the domain's owner, or a single region).
     */
    public List<Peer> destinations() {
        return destinations;
    }

    /**
     * The domain owner's bucket, given only to the domain's second region: it owns the owner bucket's
     * replication configuration (one rule, to this region), through {@link #ownerProvider()}.
     */
    public Optional<Peer> ownerBucket() {
        return Optional.ofNullable(ownerBucket);
    }

    /** A provider for the owner's region. Required with {@link #ownerBucket()}. */
    public Optional<ProviderResource> ownerProvider() {
        return Optional.ofNullable(ownerProvider);
    }

    /** Days a noncurrent version is kept. Default: 90. */
    public int noncurrentVersionDays() {
        return noncurrentVersionDays;
    }

    /**
     * Whether a delete (a delete marker) replicates. Default: true, so a deleted object is deleted in
     * every region of the domain (an erasure request is honoured everywhere) while its versions stay
     * recoverable until they expire; deleting a version is never replicated (S3 does not, by design).
     */
    public boolean replicateDeleteMarkers() {
        return replicateDeleteMarkers;
    }

    /** This region's bucket name, for {@code accountId}. */
    public String bucketName(String accountId) {
        return BucketParts.bucketName(domain, region, accountId);
    }

    public static final class Builder {
        private String domain;
        private String zone;
        private String region;
        private AwsFacts facts;
        private Output<String> accessLogBucket;
        private final List<Peer> destinations = new ArrayList<>();
        private Peer ownerBucket;
        private ProviderResource ownerProvider;
        private Integer noncurrentVersionDays;
        private Boolean replicateDeleteMarkers;

        private Builder() {
        }

        public Builder domain(String v) {
            this.domain = v;
            return this;
        }

        public Builder zone(String v) {
            this.zone = v;
            return this;
        }

        public Builder region(String v) {
            this.region = v;
            return this;
        }

        public Builder facts(AwsFacts v) {
            this.facts = v;
            return this;
        }

        public Builder accessLogBucket(Output<String> v) {
            this.accessLogBucket = v;
            return this;
        }

        public Builder destination(Peer v) {
            this.destinations.add(v);
            return this;
        }

        public Builder ownerBucket(Peer bucket, ProviderResource provider) {
            this.ownerBucket = bucket;
            this.ownerProvider = provider;
            return this;
        }

        public Builder noncurrentVersionDays(int v) {
            this.noncurrentVersionDays = v;
            return this;
        }

        public Builder replicateDeleteMarkers(boolean v) {
            this.replicateDeleteMarkers = v;
            return this;
        }

        public ReplicatedBucketArgs build() {
            var p = new ArgsProblems("ReplicatedBucketArgs");
            StoreRules.placement(p, domain, zone, region);
            if (StoreRules.valid(domain, region) && domain.length() > BucketParts.maxWhat(region)) {
                p.add("domain", "bucket name " + BucketParts.bucketName(domain, region, "123456789012").replace("123456789012", "<account>")
                        + " is longer than S3's " + BucketParts.MAX_NAME + " characters",
                        "use a domain name of at most " + BucketParts.maxWhat(region) + " characters");
            }
            p.require("facts", facts, "pass the region's AwsFacts");
            p.require("accessLogBucket", accessLogBucket, "pass the region's AccessLogBucket bucket name");
            var seen = new java.util.HashSet<String>();
            for (var d : destinations) {
                if (d == null || d.region() == null || d.bucket() == null || d.bucketArn() == null || d.kmsKeyArn() == null) {
                    p.add("destinations", "has an incomplete peer", "pass region, bucket, bucketArn and kmsKeyArn of each");
                } else if (d.region().equals(region)) {
                    p.add("destinations", "includes this region " + region, "replicate only to other regions");
                } else if (!seen.add(d.region())) {
                    p.add("destinations", "names " + d.region() + " twice", "pass each region once");
                }
            }
            if (ownerBucket != null && ownerProvider == null) {
                p.add("ownerProvider", "is missing", "pass a provider for the owner's region " + ownerBucket.region());
            }
            if (ownerBucket != null && destinations.stream().noneMatch(d -> d != null && ownerBucket.region().equals(d.region()))) {
                p.add("ownerBucket", "the owner " + ownerBucket.region() + " is not among the destinations",
                        "a region that owns the owner's link also replicates back to it: add it as a destination");
            }
            if (noncurrentVersionDays != null && noncurrentVersionDays < 1) {
                p.add("noncurrentVersionDays", "is " + noncurrentVersionDays, "keep noncurrent versions at least 1 day, e.g. 90");
            }
            p.throwIfAny();
            return new ReplicatedBucketArgs(this);
        }
    }
}
