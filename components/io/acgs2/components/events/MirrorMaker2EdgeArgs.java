package io.acgs2.components.events;

import com.pulumi.core.Output;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import io.acgs2.components.common.ArgsProblems;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Inputs of {@link MirrorMaker2Edge}: one directed edge, source region to target region. Build with {@link #builder()}. */
public final class MirrorMaker2EdgeArgs {

    /**
     * The region the topics are read from.
     *
     * @param region               its AWS region (the mirror alias, which prefixes the mirrored topics)
     * @param kafka                its Kafka cluster's name
     * @param clusterCaCertPem     its cluster CA certificate (the mirror trusts only this)
     * @param mirrorBootstrap      host:port of its mirror listener
     * @param mirrorSecurityGroupId its mirror NLBs' security group
     * @param vpcCidrs             its VPC's CIDRs (where its load balancers are)
     * @param kubernetes           a provider for its cluster (the mirror's user is made there)
     * @param aws                  a provider for its region
     */
    public record Source(String region, String kafka, Output<String> clusterCaCertPem, Output<String> mirrorBootstrap,
                         Output<String> mirrorSecurityGroupId, List<String> vpcCidrs, ProviderResource kubernetes,
                         ProviderResource aws) {
        public Source {
            vpcCidrs = List.copyOf(vpcCidrs);
        }
    }

    /**
     * The region the mirror runs in and writes to.
     *
     * @param region            its AWS region
     * @param kafka             its Kafka cluster's name
     * @param internalBootstrap host:port of its tls listener
     * @param vpcCidrs          its VPC's CIDRs (the source admits them)
     * @param kubernetes        a provider for its cluster
     */
    public record Target(String region, String kafka, String internalBootstrap, List<String> vpcCidrs, ProviderResource kubernetes) {
        public Target {
            vpcCidrs = List.copyOf(vpcCidrs);
        }
    }

    private final Source source;
    private final Target target;
    private final Map<String, String> topics;
    private final String namespace;
    private final List<Resource> after;

    private MirrorMaker2EdgeArgs(Builder b) {
        this.source = b.source;
        this.target = b.target;
        this.topics = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(b.topics));
        this.namespace = b.namespace == null ? StrimziOperatorArgs.DEFAULT_NAMESPACE : b.namespace;
        this.after = List.copyOf(b.after);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Required. */
    public Source source() {
        return source;
    }

    /** Required. */
    public Target target() {
        return target;
    }

    /** The topics mirrored, to their domain's zone: exactly those whose domain includes both regions. Required, non-empty. */
    public Map<String, String> topics() {
        return topics;
    }

    /** Default: kafka. */
    public String namespace() {
        return namespace;
    }

    /**
     * What its Strimzi objects wait for: this stack's Strimzi operator, so that in its own cluster
     * they are made after the CRDs (an earlier region's were applied by its own stack). Default: none.
     */
    public List<Resource> after() {
        return after;
    }

    /** The mirror's topic pattern: the exact names, never a wildcard. */
    public String topicsPattern() {
        return String.join("|", topics.keySet().stream().map(t -> t.replace(".", "\\.")).toList());
    }

    public static final class Builder {
        private Source source;
        private Target target;
        private Map<String, String> topics = Map.of();
        private String namespace;
        private final List<Resource> after = new ArrayList<>();

        private Builder() {
        }

        public Builder source(Source v) {
            this.source = v;
            return this;
        }

        public Builder target(Target v) {
            this.target = v;
            return this;
        }

        public Builder topics(Map<String, String> v) {
            this.topics = v == null ? Map.of() : v;
            return this;
        }

        public Builder namespace(String v) {
            this.namespace = v;
            return this;
        }

        public Builder after(List<? extends Resource> v) {
            this.after.addAll(v);
            return this;
        }

        public MirrorMaker2EdgeArgs build() {
            var p = new ArgsProblems("MirrorMaker2EdgeArgs");
            p.require("source", source, "pass the region mirrored from");
            p.require("target", target, "pass the region mirrored to");
            if (topics.isEmpty()) {
                p.add("topics", "is empty", "create an edge only for topics whose domain includes both regions");
            }
            topics.keySet().stream().filter(t -> !KafkaClusterArgs.TOPIC.matcher(t).matches()).forEach(t ->
                    p.add("topics", "'" + t + "' is not a Kafka topic name", "use letters, digits, '.', '_' and '-'"));
            if (source != null && target != null && source.region().equals(target.region())) {
                p.add("target", "is the source region " + source.region(), "mirror between two regions");
            }
            p.throwIfAny();
            return new MirrorMaker2EdgeArgs(this);
        }
    }
}
