package io.acgs2.components.data;

import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.common.AwsFacts;

/** Inputs of {@link AccessLogBucket}. Build with {@link #builder()}. */
public final class AccessLogBucketArgs {

    /** A year of access logs: long enough for an audit, short enough to stay cheap. */
    public static final int DEFAULT_RETENTION_DAYS = 365;

    private final String region;
    private final String zone;
    private final AwsFacts facts;
    private final int retentionDays;
    private final String loadBalancerLogPrefix;

    private AccessLogBucketArgs(Builder b) {
        this.loadBalancerLogPrefix = b.loadBalancerLogPrefix;
        this.region = b.region;
        this.zone = b.zone;
        this.facts = b.facts;
        this.retentionDays = b.retentionDays == null ? DEFAULT_RETENTION_DAYS : b.retentionDays;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The region of the component's provider. Required. */
    public String region() {
        return region;
    }

    /**
     * The region's zone, tagged acgs2:data-zone: access logs hold requesters' addresses and object
     * keys, personal data that stays where the requests were served. Required.
     */
    public String zone() {
        return zone;
    }

    /** Required. */
    public AwsFacts facts() {
        return facts;
    }

    /** Days a log object is kept. Default: 365. */
    public int retentionDays() {
        return retentionDays;
    }

    /**
     * The prefix the region's public load balancers write their access logs under, when they do:
     * Elastic Load Balancing may then write there (and only there). Default: none.
     */
    public java.util.Optional<String> loadBalancerLogPrefix() {
        return java.util.Optional.ofNullable(loadBalancerLogPrefix);
    }

    /** The bucket's name for {@code accountId}. */
    public String bucketName(String accountId) {
        return BucketParts.bucketName("access-logs", region, accountId);
    }

    public static final class Builder {
        private String region;
        private String zone;
        private AwsFacts facts;
        private Integer retentionDays;
        private String loadBalancerLogPrefix;

        private Builder() {
        }

        public Builder loadBalancerLogPrefix(String v) {
            this.loadBalancerLogPrefix = v;
            return this;
        }

        public Builder region(String v) {
            this.region = v;
            return this;
        }

        public Builder zone(String v) {
            this.zone = v;
            return this;
        }

        public Builder facts(AwsFacts v) {
            this.facts = v;
            return this;
        }

        public Builder retentionDays(int v) {
            this.retentionDays = v;
            return this;
        }

        public AccessLogBucketArgs build() {
            var p = new ArgsProblems("AccessLogBucketArgs");
            if (p.require("region", region, "pass the region of the component's provider") != null
                    && !StoreRules.REGION.matcher(region).matches()) {
                p.add("region", "'" + region + "' is not an AWS region name", "write e.g. eu-west-1");
            }
            if (p.require("zone", zone, "pass the region's zone") != null && !StoreRules.LABEL.matcher(zone).matches()) {
                p.add("zone", "'" + zone + "' is not a zone name", "use a zone of Pulumi.yaml, e.g. gdpr");
            }
            p.require("facts", facts, "pass the region's AwsFacts");
            // Elastic Load Balancing refuses a prefix containing AWSLogs, and one with slashes at either end
            if (loadBalancerLogPrefix != null && (!loadBalancerLogPrefix.matches("^[a-z0-9][a-z0-9-/]*[a-z0-9]$")
                    || loadBalancerLogPrefix.contains("AWSLogs"))) {
                p.add("loadBalancerLogPrefix", "'" + loadBalancerLogPrefix + "' is not a log prefix ELB accepts",
                        "use lower-case letters, digits and '-', e.g. alb");
            }
            if (retentionDays != null && retentionDays < 1) {
                p.add("retentionDays", "is " + retentionDays, "keep logs at least 1 day, e.g. 365");
            }
            p.throwIfAny();
            return new AccessLogBucketArgs(this);
        }
    }
}
