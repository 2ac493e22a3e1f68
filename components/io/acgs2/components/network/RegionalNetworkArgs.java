package io.acgs2.components.network;

import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.common.AwsFacts;

import java.util.List;

/**
 * Inputs of {@link RegionalNetwork}. Build with {@link #builder()}; {@code build()} applies the
 * defaults below and rejects every bad field at once.
 */
public final class RegionalNetworkArgs {

    public static final int DEFAULT_AZ_COUNT = 3;
    public static final NatStrategy DEFAULT_NAT_STRATEGY = NatStrategy.ONE_PER_AZ;
    public static final int DEFAULT_FLOW_LOG_RETENTION_DAYS = 365;
    /** Retention values CloudWatch Logs accepts. */
    public static final List<Integer> ALLOWED_RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private final Ipv4Cidr vpcCidr;
    private final List<Ipv4Cidr> secondaryCidrs;
    private final int azCount;
    private final NatStrategy natStrategy;
    private final int flowLogRetentionDays;
    private final List<String> availabilityZones;
    private final boolean retainFlowLogs;
    private final boolean publicIpv6;
    private final AwsFacts facts;

    private RegionalNetworkArgs(Builder b) {
        this.vpcCidr = b.vpcCidr;
        this.secondaryCidrs = List.copyOf(b.secondaryCidrs);
        this.azCount = b.azCount == null ? DEFAULT_AZ_COUNT : b.azCount;
        this.natStrategy = b.natStrategy == null ? DEFAULT_NAT_STRATEGY : b.natStrategy;
        this.flowLogRetentionDays = b.flowLogRetentionDays == null ? DEFAULT_FLOW_LOG_RETENTION_DAYS : b.flowLogRetentionDays;
        this.availabilityZones = List.copyOf(b.availabilityZones);
        this.retainFlowLogs = b.retainFlowLogs == null || b.retainFlowLogs;
        this.publicIpv6 = b.publicIpv6;
        this.facts = b.facts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The VPC's primary CIDR, /16 to /20. Required. */
    public Ipv4Cidr vpcCidr() {
        return vpcCidr;
    }

    /** Extra CIDR blocks associated with the VPC, /16 to /28, disjoint from the primary. Default: none. */
    public List<Ipv4Cidr> secondaryCidrs() {
        return secondaryCidrs;
    }

    /** Availability zones to spread subnets over, 1 to 8. Default: 3. */
    public int azCount() {
        return azCount;
    }

    /** NAT gateways: none, single or one per AZ. Default: one per AZ. */
    public NatStrategy natStrategy() {
        return natStrategy;
    }

    /** Days VPC flow logs are kept, a CloudWatch Logs retention value. Default: 365. */
    public int flowLogRetentionDays() {
        return flowLogRetentionDays;
    }

    /**
     * AZ names to use, in order. Default: the first {@code azCount} available AZs of the region. Pin
     * them in production: a change in the region's AZ list would otherwise move (replace) subnets.
     */
    public List<String> availabilityZones() {
        return availabilityZones;
    }

    /**
     * Keep the flow log group and its KMS key when the stack is destroyed, so audit evidence outlives
     * the network. Default: true. Opt out with {@code retainFlowLogs(false)}.
     */
    public boolean retainFlowLogs() {
        return retainFlowLogs;
    }

    /**
     * IPv6 for the public tier, for dualstack internet-facing load balancers: the VPC gets an
     * Amazon-provided /56, each public subnet a /64 of it ({@link Ipv6Cidr#subnet64}, AZ ordinal i
     * takes /64 number i), and the public route table a default IPv6 route to the internet gateway.
     * Private and isolated subnets stay IPv4-only, and nothing gets an IPv6 address unless it asks
     * for one. Both changes apply in place to a deployed VPC (AssociateVpcCidrBlock,
     * AssociateSubnetCidrBlock). Default: false.
     */
    public boolean publicIpv6() {
        return publicIpv6;
    }

    /** Account, partition and region of the component's provider, looked up once per stack. Required. */
    public AwsFacts facts() {
        return facts;
    }

    public CidrPlan plan() {
        return CidrPlan.of(vpcCidr, azCount);
    }

    /** The key repeated per-AZ children are named by: az1, az2, ... (stable whatever the AZ names). */
    public static String azKey(int azIndex) {
        return "az" + (azIndex + 1);
    }

    public static final class Builder {
        private Ipv4Cidr vpcCidr;
        private List<Ipv4Cidr> secondaryCidrs = List.of();
        private Integer azCount;
        private NatStrategy natStrategy;
        private Integer flowLogRetentionDays;
        private List<String> availabilityZones = List.of();
        private Boolean retainFlowLogs;
        private boolean publicIpv6;
        private AwsFacts facts;

        private Builder() {
        }

        public Builder vpcCidr(Ipv4Cidr vpcCidr) {
            this.vpcCidr = vpcCidr;
            return this;
        }

        public Builder secondaryCidrs(List<Ipv4Cidr> secondaryCidrs) {
            this.secondaryCidrs = secondaryCidrs == null ? List.of() : secondaryCidrs;
            return this;
        }

        public Builder azCount(int azCount) {
            this.azCount = azCount;
            return this;
        }

        public Builder natStrategy(NatStrategy natStrategy) {
            this.natStrategy = natStrategy;
            return this;
        }

        public Builder flowLogRetentionDays(int days) {
            this.flowLogRetentionDays = days;
            return this;
        }

        public Builder availabilityZones(List<String> availabilityZones) {
            this.availabilityZones = availabilityZones == null ? List.of() : availabilityZones;
            return this;
        }

        public Builder publicIpv6(boolean publicIpv6) {
            this.publicIpv6 = publicIpv6;
            return this;
        }

        public Builder retainFlowLogs(boolean retain) {
            this.retainFlowLogs = retain;
            return this;
        }

        public Builder facts(AwsFacts facts) {
            this.facts = facts;
            return this;
        }

        public RegionalNetworkArgs build() {
            var p = new ArgsProblems("RegionalNetworkArgs");
            if (p.require("vpcCidr", vpcCidr, "pass the region's VPC block, e.g. 10.10.0.0/16") != null) {
                p.add("vpcCidr", NetworkRules.vpcCidr(vpcCidr));
            }
            int count = azCount == null ? DEFAULT_AZ_COUNT : azCount;
            p.add("azCount", NetworkRules.azCount(count));
            p.addAll("availabilityZones", NetworkRules.availabilityZones(availabilityZones, count, null));
            for (var s : secondaryCidrs) {
                p.add("secondaryCidrs", NetworkRules.secondaryCidr(s, vpcCidr));
            }
            if (flowLogRetentionDays != null && !ALLOWED_RETENTION_DAYS.contains(flowLogRetentionDays)) {
                p.add("flowLogRetentionDays", "'" + flowLogRetentionDays + "' is not a CloudWatch Logs retention value",
                        "use one of " + ALLOWED_RETENTION_DAYS);
            }
            p.require("facts", facts, "pass AwsFacts.lookUp(provider) of the component's region");
            p.throwIfAny();
            return new RegionalNetworkArgs(this);
        }
    }
}
