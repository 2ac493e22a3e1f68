package io.acgs2.components.mesh;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.compute.ClusterCore;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Inputs of {@link IstioMultiPrimary}. Build with {@link #builder()}. */
public final class IstioMultiPrimaryArgs {

    static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");

    private final String meshId;
    private final String clusterName;
    private final String network;
    private final ClusterCore cluster;
    private final Output<String> clusterSecurityGroupId;
    private final String servicesNamespace;
    private final String version;
    private final List<Resource> after;

    private IstioMultiPrimaryArgs(Builder b) {
        this.meshId = b.meshId;
        this.clusterName = b.clusterName;
        this.network = b.network;
        this.cluster = b.cluster;
        this.clusterSecurityGroupId = b.clusterSecurityGroupId;
        this.servicesNamespace = b.servicesNamespace;
        this.version = b.version == null ? IstioVersions.VERSION : b.version;
        this.after = List.copyOf(b.after);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The mesh id, the same in every region. Required. */
    public String meshId() {
        return meshId;
    }

    /** This cluster's name in the mesh (remote secrets name it), unique. Required. */
    public String clusterName() {
        return clusterName;
    }

    /** This region's Istio network, unique: pods reach another network through its east-west gateway. Required. */
    public String network() {
        return network;
    }

    /** The region's EKS cluster: its Kubernetes provider, VPC and readiness. Required. */
    public ClusterCore cluster() {
        return cluster;
    }

    /** The security group of the cluster's nodes and pods: the east-west load balancer's targets. Required. */
    public Output<String> clusterSecurityGroupId() {
        return clusterSecurityGroupId;
    }

    /** The namespace of the services (the east-west gateway may reach its pods). Required. */
    public String servicesNamespace() {
        return servicesNamespace;
    }

    /** Default: {@link IstioVersions#VERSION}. */
    public String version() {
        return version;
    }

    /** What istiod needs first: the cluster baseline and the {@code cacerts} secret. Required, non-empty. */
    public List<Resource> after() {
        return after;
    }

    public static final class Builder {
        private String meshId;
        private String clusterName;
        private String network;
        private ClusterCore cluster;
        private Output<String> clusterSecurityGroupId;
        private String servicesNamespace;
        private String version;
        private final List<Resource> after = new ArrayList<>();

        private Builder() {
        }

        public Builder meshId(String v) {
            this.meshId = v;
            return this;
        }

        public Builder clusterName(String v) {
            this.clusterName = v;
            return this;
        }

        public Builder network(String v) {
            this.network = v;
            return this;
        }

        public Builder cluster(ClusterCore v) {
            this.cluster = v;
            return this;
        }

        public Builder clusterSecurityGroupId(Output<String> v) {
            this.clusterSecurityGroupId = v;
            return this;
        }

        public Builder servicesNamespace(String v) {
            this.servicesNamespace = v;
            return this;
        }

        public Builder version(String v) {
            this.version = v;
            return this;
        }

        public Builder after(List<? extends Resource> v) {
            this.after.addAll(v);
            return this;
        }

        public IstioMultiPrimaryArgs build() {
            var p = new ArgsProblems("IstioMultiPrimaryArgs");
            for (var f : List.of(new String[]{"meshId", meshId}, new String[]{"clusterName", clusterName},
                    new String[]{"network", network}, new String[]{"servicesNamespace", servicesNamespace})) {
                if (p.require(f[0], f[1], "pass a lower-case DNS label") != null && !DNS_LABEL.matcher(f[1]).matches()) {
                    p.add(f[0], "'" + f[1] + "' is not a lower-case DNS label", "use e.g. acgs2-mesh");
                }
            }
            p.require("cluster", cluster, "pass the EKS cluster's core");
            p.require("clusterSecurityGroupId", clusterSecurityGroupId, "pass the EKS cluster's clusterSecurityGroupId");
            if (after.isEmpty()) {
                p.add("after", "is empty", "pass the cluster baseline's ready resources and the cacerts secret: istiod must find its CA at start");
            }
            p.throwIfAny();
            return new IstioMultiPrimaryArgs(this);
        }
    }
}
