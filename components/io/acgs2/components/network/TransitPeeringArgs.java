package io.acgs2.components.network;

import com.pulumi.core.Output;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import io.acgs2.components.common.ArgsProblems;

import java.util.List;

/**
 * Inputs of {@link TransitPeering}: the link between the region that owns it (the one that joined
 * later, {@code local}) and an earlier region ({@code peer}), whose side is reached through
 * {@code peerProvider}. Build with {@link #builder()}.
 */
public final class TransitPeeringArgs {

    /**
     * One end of a link: a region's Transit Gateway and the VPC routing behind it. Build with
     * {@link End#builder()}.
     */
    public static final class End {
        private final String region;
        private final Output<String> accountId;
        private final Output<String> transitGatewayId;
        private final Output<String> routeTableId;
        private final List<Ipv4Cidr> cidrs;
        private final Output<List<String>> privateRouteTableIds;
        private final int azCount;

        private End(EndBuilder b) {
            this.region = b.region;
            this.accountId = b.accountId;
            this.transitGatewayId = b.transitGatewayId;
            this.routeTableId = b.routeTableId;
            this.cidrs = List.copyOf(b.cidrs);
            this.privateRouteTableIds = b.privateRouteTableIds;
            this.azCount = b.azCount == null ? 0 : b.azCount;
        }

        public static EndBuilder builder() {
            return new EndBuilder();
        }

        /** The end's AWS region. Required. */
        public String region() {
            return region;
        }

        /** The AWS account of the end's Transit Gateway. Required for the peer end; unused for the local one. */
        public Output<String> accountId() {
            return accountId;
        }

        /** The end's Transit Gateway. Required. */
        public Output<String> transitGatewayId() {
            return transitGatewayId;
        }

        /** The end's Transit Gateway route table. Required. */
        public Output<String> routeTableId() {
            return routeTableId;
        }

        /** The end's VPC CIDRs, routed to from the other end. Required, at least one. */
        public List<Ipv4Cidr> cidrs() {
            return cidrs;
        }

        /** The end's private route tables, one per AZ. Required. */
        public Output<List<String>> privateRouteTableIds() {
            return privateRouteTableIds;
        }

        /** How many private route tables the end has (its AZ count). Required, at least 1. */
        public int azCount() {
            return azCount;
        }

        void check(String field, ArgsProblems p) {
            if (region == null || region.isBlank()) {
                p.add(field + ".region", "is required", "pass the end's AWS region");
            }
            p.require(field + ".transitGatewayId", transitGatewayId, "pass the end's Transit Gateway id");
            p.require(field + ".routeTableId", routeTableId, "pass the end's Transit Gateway route table id");
            p.require(field + ".privateRouteTableIds", privateRouteTableIds, "pass the end's private route table ids");
            if (cidrs.isEmpty()) {
                p.add(field + ".cidrs", "is empty", "pass the end's VPC CIDRs");
            }
            if (azCount < 1) {
                p.add(field + ".azCount", "must be at least 1", "pass the end's AZ count");
            }
        }
    }

    public static final class EndBuilder {
        private String region;
        private Output<String> accountId;
        private Output<String> transitGatewayId;
        private Output<String> routeTableId;
        private List<Ipv4Cidr> cidrs = List.of();
        private Output<List<String>> privateRouteTableIds;
        private Integer azCount;

        private EndBuilder() {
        }

        public EndBuilder region(String region) {
            this.region = region;
            return this;
        }

        public EndBuilder accountId(Output<String> accountId) {
            this.accountId = accountId;
            return this;
        }

        public EndBuilder transitGatewayId(Output<String> id) {
            this.transitGatewayId = id;
            return this;
        }

        public EndBuilder routeTableId(Output<String> id) {
            this.routeTableId = id;
            return this;
        }

        public EndBuilder cidrs(List<Ipv4Cidr> cidrs) {
            this.cidrs = cidrs == null ? List.of() : cidrs;
            return this;
        }

        public EndBuilder privateRouteTableIds(Output<List<String>> ids) {
            this.privateRouteTableIds = ids;
            return this;
        }

        public EndBuilder azCount(int azCount) {
            this.azCount = azCount;
            return this;
        }

        /** Checked as part of {@link TransitPeeringArgs.Builder#build()}, which names the end. */
        public End build() {
            return new End(this);
        }
    }

    private final End local;
    private final End peer;
    private final Resource localAttachment;
    private final ProviderResource peerProvider;

    private TransitPeeringArgs(Builder b) {
        this.local = b.local;
        this.peer = b.peer;
        this.localAttachment = b.localAttachment;
        this.peerProvider = b.peerProvider;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The owning (later) region's end. Required. */
    public End local() {
        return local;
    }

    /** The earlier region's end, from its stack's outputs. Required, with its accountId. */
    public End peer() {
        return peer;
    }

    /** The local VPC attachment: local VPC routes through the gateway wait for it. Required. */
    public Resource localAttachment() {
        return localAttachment;
    }

    /** The AWS provider of the peer region: the accepter and the peer side's routes use it. Required. */
    public ProviderResource peerProvider() {
        return peerProvider;
    }

    public static final class Builder {
        private End local;
        private End peer;
        private Resource localAttachment;
        private ProviderResource peerProvider;

        private Builder() {
        }

        public Builder local(End local) {
            this.local = local;
            return this;
        }

        public Builder peer(End peer) {
            this.peer = peer;
            return this;
        }

        public Builder localAttachment(Resource attachment) {
            this.localAttachment = attachment;
            return this;
        }

        public Builder peerProvider(ProviderResource provider) {
            this.peerProvider = provider;
            return this;
        }

        public TransitPeeringArgs build() {
            var p = new ArgsProblems("TransitPeeringArgs");
            if (p.require("local", local, "pass the owning region's end") != null) {
                local.check("local", p);
            }
            if (p.require("peer", peer, "pass the earlier region's end") != null) {
                peer.check("peer", p);
                p.require("peer.accountId", peer.accountId(), "pass the peer stack's accountId output");
            }
            p.require("localAttachment", localAttachment, "pass the local TransitHub's vpcAttachment");
            p.require("peerProvider", peerProvider, "pass the AWS provider of the peer region");
            if (local != null && peer != null) {
                if (local.region() != null && local.region().equals(peer.region())) {
                    p.add("peer.region", "equals the local region " + local.region(),
                            "a Transit Gateway peers only across regions: pick an earlier region");
                }
                for (var l : local.cidrs()) {
                    for (var r : peer.cidrs()) {
                        if (l.overlaps(r)) {
                            p.add("peer.cidrs", "local CIDR " + l + " overlaps peer CIDR " + r,
                                    "give the regions disjoint CIDRs: routes would be ambiguous");
                        }
                    }
                }
            }
            p.throwIfAny();
            return new TransitPeeringArgs(this);
        }
    }
}
