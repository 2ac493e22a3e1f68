package io.acgs2.components.data;

import com.pulumi.core.Output;
import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.common.AwsFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Inputs of {@link ReplicationAlarms}. Build with {@link #builder()}. */
public final class ReplicationAlarmsArgs {

    /** The ACGS-2 guides' replication lag thresholds. */
    public static final int DEFAULT_WARNING_SECONDS = 30;
    public static final int DEFAULT_CRITICAL_SECONDS = 60;

    /**
     * A secondary cache member here: its replication group id and node count (the lag metric is
     * per node, and only the group's primary node reports it).
     */
    public record CacheMember(String replicationGroupId, int nodes) {
    }

    /**
     * One S3 replication rule whose source bucket is in the alarms' region (S3 reports replication
     * metrics in the source region).
     */
    public record BucketEdge(String domain, String destinationRegion, Output<String> sourceBucket,
                             Output<String> destinationBucket, String ruleId) {
    }

    private final Map<String, Output<String>> secondaries;
    private final Map<String, CacheMember> caches;
    private final List<BucketEdge> buckets;
    private final Output<String> topicArn;
    private final int warningSeconds;
    private final int criticalSeconds;
    private final AwsFacts facts;

    private ReplicationAlarmsArgs(Builder b) {
        this.secondaries = java.util.Collections.unmodifiableMap(new TreeMap<>(b.secondaries));
        this.caches = java.util.Collections.unmodifiableMap(new TreeMap<>(b.caches));
        this.buckets = List.copyOf(b.buckets);
        this.topicArn = b.topicArn;
        this.warningSeconds = b.warningSeconds == null ? DEFAULT_WARNING_SECONDS : b.warningSeconds;
        this.criticalSeconds = b.criticalSeconds == null ? DEFAULT_CRITICAL_SECONDS : b.criticalSeconds;
        this.facts = b.facts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Domain to the cluster identifier of its secondary Aurora member in this region. Default: none. */
    public Map<String, Output<String>> secondaries() {
        return secondaries;
    }

    /** Domain to its secondary cache member in this region. Default: none. */
    public Map<String, CacheMember> caches() {
        return caches;
    }

    /** The S3 replication rules with their source bucket in this region. Default: none. */
    public List<BucketEdge> buckets() {
        return buckets;
    }

    /**
     * An existing topic of this region to notify (alarms that one stack keeps in another region
     * use that region's topic). Default: none, the component creates the region's encrypted topic.
     */
    public Optional<Output<String>> topicArn() {
        return Optional.ofNullable(topicArn);
    }

    /** Default: 30. */
    public int warningSeconds() {
        return warningSeconds;
    }

    /** Default: 60. */
    public int criticalSeconds() {
        return criticalSeconds;
    }

    public AwsFacts facts() {
        return facts;
    }

    public static final class Builder {
        private Map<String, Output<String>> secondaries = Map.of();
        private Map<String, CacheMember> caches = Map.of();
        private List<BucketEdge> buckets = new ArrayList<>();
        private Output<String> topicArn;
        private Integer warningSeconds;
        private Integer criticalSeconds;
        private AwsFacts facts;

        private Builder() {
        }

        public Builder secondaries(Map<String, Output<String>> v) {
            this.secondaries = v == null ? Map.of() : v;
            return this;
        }

        public Builder caches(Map<String, CacheMember> v) {
            this.caches = v == null ? Map.of() : v;
            return this;
        }

        public Builder buckets(List<BucketEdge> v) {
            this.buckets = v == null ? new ArrayList<>() : new ArrayList<>(v);
            return this;
        }

        public Builder topicArn(Output<String> v) {
            this.topicArn = v;
            return this;
        }

        public Builder warningSeconds(int v) {
            this.warningSeconds = v;
            return this;
        }

        public Builder criticalSeconds(int v) {
            this.criticalSeconds = v;
            return this;
        }

        public Builder facts(AwsFacts v) {
            this.facts = v;
            return this;
        }

        public ReplicationAlarmsArgs build() {
            var p = new ArgsProblems("ReplicationAlarmsArgs");
            if (topicArn != null && secondaries.isEmpty() && caches.isEmpty() && buckets.isEmpty()) {
                p.add("topicArn", "is set but there is nothing to alarm on",
                        "pass secondaries, caches or buckets, or leave topicArn unset to create the region's topic");
            }
            caches.forEach((domain, c) -> {
                if (c == null || c.replicationGroupId() == null || c.nodes() < 1) {
                    p.add("caches." + domain, "has no replication group id or no nodes", "pass the member's id and node count");
                }
            });
            int warning = warningSeconds == null ? DEFAULT_WARNING_SECONDS : warningSeconds;
            int critical = criticalSeconds == null ? DEFAULT_CRITICAL_SECONDS : criticalSeconds;
            if (warning < 1 || critical <= warning) {
                p.add("criticalSeconds", "warning " + warning + " s and critical " + critical + " s are not increasing",
                        "set 0 < warningSeconds < criticalSeconds, e.g. 30 and 60");
            }
            p.require("facts", facts, "pass the region's AwsFacts");
            p.throwIfAny();
            return new ReplicationAlarmsArgs(this);
        }
    }
}
