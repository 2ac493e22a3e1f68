package io.acgs2.components.data;

import com.pulumi.core.Output;
import com.pulumi.resources.ProviderResource;
import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.network.Ipv4Cidr;

import java.util.List;

/**
 * Inputs of {@link RotationPath}: what a later region needs to let the domain owner's rotation
 * function reach this region's cluster. Build with {@link #builder()}: {@code build()} rejects
 * every bad field at once, naming it and the fix.
 */
public final class RotationPathArgs {

    private final String domain;
    private final String ownerRegion;
    private final Ipv4Cidr ownerPrivateRange;
    private final Output<String> ownerRotationSecurityGroupId;
    private final ProviderResource ownerProvider;
    private final Output<String> databaseSecurityGroupId;
    private final Ipv4Cidr isolatedRange;
    private final Output<List<String>> isolatedRouteTableIds;
    private final int azCount;
    private final Output<String> transitGatewayId;

    private RotationPathArgs(Builder b) {
        this.domain = b.domain;
        this.ownerRegion = b.ownerRegion;
        this.ownerPrivateRange = b.ownerPrivateRange;
        this.ownerRotationSecurityGroupId = b.ownerRotationSecurityGroupId;
        this.ownerProvider = b.ownerProvider;
        this.databaseSecurityGroupId = b.databaseSecurityGroupId;
        this.isolatedRange = b.isolatedRange;
        this.isolatedRouteTableIds = b.isolatedRouteTableIds;
        this.azCount = b.azCount;
        this.transitGatewayId = b.transitGatewayId;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The data domain. Required. */
    public String domain() {
        return domain;
    }

    /** The domain's owner region (where the rotation function runs). Required. */
    public String ownerRegion() {
        return ownerRegion;
    }

    /** The owner VPC's private tier (the function's subnets). Required. */
    public Ipv4Cidr ownerPrivateRange() {
        return ownerPrivateRange;
    }

    /** The rotation function's security group, in the owner's region. Required. */
    public Output<String> ownerRotationSecurityGroupId() {
        return ownerRotationSecurityGroupId;
    }

    /** A provider for the owner's region. Required. */
    public ProviderResource ownerProvider() {
        return ownerProvider;
    }

    /** This region's cluster's security group. Required. */
    public Output<String> databaseSecurityGroupId() {
        return databaseSecurityGroupId;
    }

    /** This VPC's isolated tier (where the cluster is). Required. */
    public Ipv4Cidr isolatedRange() {
        return isolatedRange;
    }

    /** This VPC's isolated route tables, one per AZ. Required. */
    public Output<List<String>> isolatedRouteTableIds() {
        return isolatedRouteTableIds;
    }

    /** How many isolated route tables there are (the region's AZ count). Required, at least 1. */
    public int azCount() {
        return azCount;
    }

    /** This region's Transit Gateway (peered with the owner's). Required. */
    public Output<String> transitGatewayId() {
        return transitGatewayId;
    }

    public static final class Builder {
        private String domain;
        private String ownerRegion;
        private Ipv4Cidr ownerPrivateRange;
        private Output<String> ownerRotationSecurityGroupId;
        private ProviderResource ownerProvider;
        private Output<String> databaseSecurityGroupId;
        private Ipv4Cidr isolatedRange;
        private Output<List<String>> isolatedRouteTableIds;
        private int azCount;
        private Output<String> transitGatewayId;

        private Builder() {
        }

        public Builder domain(String v) {
            this.domain = v;
            return this;
        }

        public Builder ownerRegion(String v) {
            this.ownerRegion = v;
            return this;
        }

        public Builder ownerPrivateRange(Ipv4Cidr v) {
            this.ownerPrivateRange = v;
            return this;
        }

        public Builder ownerRotationSecurityGroupId(Output<String> v) {
            this.ownerRotationSecurityGroupId = v;
            return this;
        }

        public Builder ownerProvider(ProviderResource v) {
            this.ownerProvider = v;
            return this;
        }

        public Builder databaseSecurityGroupId(Output<String> v) {
            this.databaseSecurityGroupId = v;
            return this;
        }

        public Builder isolatedRange(Ipv4Cidr v) {
            this.isolatedRange = v;
            return this;
        }

        public Builder isolatedRouteTableIds(Output<List<String>> v) {
            this.isolatedRouteTableIds = v;
            return this;
        }

        public Builder azCount(int v) {
            this.azCount = v;
            return this;
        }

        public Builder transitGatewayId(Output<String> v) {
            this.transitGatewayId = v;
            return this;
        }

        public RotationPathArgs build() {
            var p = new ArgsProblems("RotationPathArgs");
            p.require("domain", domain, "set the data domain");
            p.require("ownerRegion", ownerRegion, "set the domain's owner region");
            p.require("ownerPrivateRange", ownerPrivateRange, "pass the owner VPC's private tier");
            p.require("ownerRotationSecurityGroupId", ownerRotationSecurityGroupId, "pass the owner's exported rotation security group");
            p.require("ownerProvider", ownerProvider, "pass a provider for the owner's region");
            p.require("databaseSecurityGroupId", databaseSecurityGroupId, "pass this region's cluster security group");
            p.require("isolatedRange", isolatedRange, "pass this VPC's isolated tier");
            p.require("isolatedRouteTableIds", isolatedRouteTableIds, "pass this VPC's isolated route tables");
            p.require("transitGatewayId", transitGatewayId, "pass this region's Transit Gateway");
            if (azCount < 1) {
                p.add("azCount", azCount + " route tables", "pass the region's AZ count (1 or more)");
            }
            p.throwIfAny();
            return new RotationPathArgs(this);
        }
    }
}
