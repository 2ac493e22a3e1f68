package io.acgs2.components.mesh;

import com.pulumi.core.Output;
import com.pulumi.resources.ProviderResource;
import io.acgs2.components.common.ArgsProblems;

import java.util.List;

/** Inputs of {@link MeshPeering}: the two ends of one link. Build with {@link #builder()}. */
public final class MeshPeeringArgs {

    /**
     * One end of a mesh link: a region's cluster as the mesh and the network see it.
     *
     * @param region                  its AWS region
     * @param clusterName             its mesh cluster name (the key of its remote secrets)
     * @param endpoint                its private API endpoint
     * @param certificateAuthority    base64 PEM of its API server's CA
     * @param readerToken             its istio-reader-service-account token (secret)
     * @param clusterSecurityGroupId  its EKS cluster security group (the API server's ENIs)
     * @param eastWestSecurityGroupId its east-west NLB's security group
     * @param vpcCidrs                its VPC's CIDRs
     * @param kubernetes              a Kubernetes provider for its cluster
     * @param aws                     an AWS provider for its region
     */
    public record End(String region, String clusterName, Output<String> endpoint, Output<String> certificateAuthority,
                      Output<String> readerToken, Output<String> clusterSecurityGroupId, Output<String> eastWestSecurityGroupId,
                      List<String> vpcCidrs, ProviderResource kubernetes, ProviderResource aws) {
        public End {
            vpcCidrs = List.copyOf(vpcCidrs);
        }
    }

    private final End self;
    private final End peer;
    private final String servicesNamespace;
    private final String ingressNamespace;

    private MeshPeeringArgs(Builder b) {
        this.ingressNamespace = b.ingressNamespace;
        this.self = b.self;
        this.peer = b.peer;
        this.servicesNamespace = b.servicesNamespace;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The later region, which owns the link. Required. */
    public End self() {
        return self;
    }

    /** The earlier region. Required. */
    public End peer() {
        return peer;
    }

    /** The services namespace in both clusters. Required. */
    public String servicesNamespace() {
        return servicesNamespace;
    }

    /**
     * The public front door's namespace in both clusters, when the fleet has one: its ingress
     * gateway may then also reach the other region's east-west gateway (the mesh fails a request over
     * there like any other caller's). Default: none.
     */
    public java.util.Optional<String> ingressNamespace() {
        return java.util.Optional.ofNullable(ingressNamespace);
    }

    public static final class Builder {
        private End self;
        private End peer;
        private String servicesNamespace;
        private String ingressNamespace;

        private Builder() {
        }

        public Builder ingressNamespace(String v) {
            this.ingressNamespace = v;
            return this;
        }

        public Builder self(End v) {
            this.self = v;
            return this;
        }

        public Builder peer(End v) {
            this.peer = v;
            return this;
        }

        public Builder servicesNamespace(String v) {
            this.servicesNamespace = v;
            return this;
        }

        public MeshPeeringArgs build() {
            var p = new ArgsProblems("MeshPeeringArgs");
            p.require("self", self, "pass this region's end");
            p.require("peer", peer, "pass the earlier region's end");
            p.require("servicesNamespace", servicesNamespace, "pass the services namespace");
            if (self != null && peer != null) {
                if (self.clusterName().equals(peer.clusterName())) {
                    p.add("peer.clusterName", "equals this cluster's name " + self.clusterName(),
                            "give every cluster its own name: istiod ignores a remote secret for its own cluster id");
                }
                if (self.vpcCidrs().isEmpty() || peer.vpcCidrs().isEmpty()) {
                    p.add("vpcCidrs", "is empty", "pass both VPCs' CIDRs");
                }
            }
            p.throwIfAny();
            return new MeshPeeringArgs(this);
        }
    }
}
