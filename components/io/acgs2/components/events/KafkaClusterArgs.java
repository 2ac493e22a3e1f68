package io.acgs2.components.events;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.compute.ClusterCore;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Inputs of {@link KafkaCluster}. Build with {@link #builder()}. */
public final class KafkaClusterArgs {

    static final Pattern TOPIC = Pattern.compile("^[a-zA-Z0-9._-]{1,249}$");
    static final Pattern NAME = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$");

    /**
     * A topic placed in this region.
     *
     * @param spec the topic
     * @param zone its domain's zone (labelled on the KafkaTopic)
     */
    public record Placed(TopicSpec spec, String zone) {
    }

    private final String name;
    private final String region;
    private final String namespace;
    private final String servicesNamespace;
    private final ClusterCore cluster;
    private final Output<String> ebsKeyArn;
    private final Output<String> clusterSecurityGroupId;
    private final KafkaSizing sizing;
    private final List<Placed> topics;
    private final int caValidityDays;
    private final List<Resource> after;

    private KafkaClusterArgs(Builder b) {
        this.name = b.name;
        this.region = b.region;
        this.namespace = b.namespace == null ? StrimziOperatorArgs.DEFAULT_NAMESPACE : b.namespace;
        this.servicesNamespace = b.servicesNamespace == null ? "acgs2" : b.servicesNamespace;
        this.cluster = b.cluster;
        this.ebsKeyArn = b.ebsKeyArn;
        this.clusterSecurityGroupId = b.clusterSecurityGroupId;
        this.sizing = b.sizing == null ? KafkaSizing.defaults() : b.sizing;
        this.topics = List.copyOf(b.topics);
        this.caValidityDays = b.caValidityDays == null ? 1825 : b.caValidityDays;
        this.after = List.copyOf(b.after);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The Kafka cluster's name (unique in the fleet: a mirror names its source by it). Required. */
    public String name() {
        return name;
    }

    /** Required. */
    public String region() {
        return region;
    }

    /** Default: kafka. */
    public String namespace() {
        return namespace;
    }

    /** The services' namespace: its pods may reach the tls listener. Default: acgs2. */
    public String servicesNamespace() {
        return servicesNamespace;
    }

    /** Required. */
    public ClusterCore cluster() {
        return cluster;
    }

    /** The cluster's EBS key: the brokers' volumes are encrypted with it (the EBS CSI driver may use it). Required. */
    public Output<String> ebsKeyArn() {
        return ebsKeyArn;
    }

    /** The nodes' and pods' security group: the mirror load balancer's targets. Required. */
    public Output<String> clusterSecurityGroupId() {
        return clusterSecurityGroupId;
    }

    /** Default: {@link KafkaSizing#defaults()}. */
    public KafkaSizing sizing() {
        return sizing;
    }

    /** The topics placed here. Default: none. */
    public List<Placed> topics() {
        return topics;
    }

    /** The cluster CA's lifetime. Default: 1825 (5 years). */
    public int caValidityDays() {
        return caValidityDays;
    }

    /** What must exist first (the operator). Required, non-empty. */
    public List<Resource> after() {
        return after;
    }

    public static final class Builder {
        private String name;
        private String region;
        private String namespace;
        private String servicesNamespace;
        private ClusterCore cluster;
        private Output<String> ebsKeyArn;
        private Output<String> clusterSecurityGroupId;
        private KafkaSizing sizing;
        private final List<Placed> topics = new ArrayList<>();
        private Integer caValidityDays;
        private final List<Resource> after = new ArrayList<>();

        private Builder() {
        }

        public Builder name(String v) {
            this.name = v;
            return this;
        }

        public Builder region(String v) {
            this.region = v;
            return this;
        }

        public Builder namespace(String v) {
            this.namespace = v;
            return this;
        }

        public Builder servicesNamespace(String v) {
            this.servicesNamespace = v;
            return this;
        }

        public Builder cluster(ClusterCore v) {
            this.cluster = v;
            return this;
        }

        public Builder ebsKeyArn(Output<String> v) {
            this.ebsKeyArn = v;
            return this;
        }

        public Builder clusterSecurityGroupId(Output<String> v) {
            this.clusterSecurityGroupId = v;
            return this;
        }

        public Builder sizing(KafkaSizing v) {
            this.sizing = v;
            return this;
        }

        public Builder topic(Placed v) {
            this.topics.add(v);
            return this;
        }

        public Builder caValidityDays(int v) {
            this.caValidityDays = v;
            return this;
        }

        public Builder after(List<? extends Resource> v) {
            this.after.addAll(v);
            return this;
        }

        public KafkaClusterArgs build() {
            var p = new ArgsProblems("KafkaClusterArgs");
            if (p.require("name", name, "name the Kafka cluster, e.g. acgs2-us-east-1") != null && !NAME.matcher(name).matches()) {
                p.add("name", "'" + name + "' is not a lower-case DNS label of at most 40 characters", "use e.g. acgs2-us-east-1");
            }
            p.require("region", region, "pass the cluster's region");
            p.require("cluster", cluster, "pass the EKS cluster's core");
            p.require("ebsKeyArn", ebsKeyArn, "pass the EKS cluster's ebsKeyArn");
            p.require("clusterSecurityGroupId", clusterSecurityGroupId, "pass the EKS cluster's clusterSecurityGroupId");
            var s = sizing == null ? KafkaSizing.defaults() : sizing;
            if (s.brokers() < 1 || s.controllers() < 0 || s.storageGiB() < 1) {
                p.add("sizing", s + " is not a cluster", "use at least 1 broker, 0 or more controllers, 1 GiB");
            }
            if (s.controllers() > 0 && s.controllers() % 2 == 0) {
                p.add("sizing.controllers", "is " + s.controllers() + ", an even quorum", "use 3 or 5 controllers (or 0 for dual-role nodes)");
            }
            for (var t : topics) {
                if (!TOPIC.matcher(t.spec().name()).matches()) {
                    p.add("topics", "'" + t.spec().name() + "' is not a Kafka topic name", "use letters, digits, '.', '_' and '-'");
                }
                if (t.spec().replicas() > s.brokers()) {
                    p.add("topics", t.spec().name() + " has " + t.spec().replicas() + " replicas but the region has " + s.brokers()
                            + " brokers", "lower its replicas or add brokers");
                }
            }
            if (after.isEmpty()) {
                p.add("after", "is empty", "pass the Strimzi operator's release: its CRDs must exist first");
            }
            p.throwIfAny();
            return new KafkaClusterArgs(this);
        }
    }
}
