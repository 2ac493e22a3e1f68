package io.acgs2.components.network;

import java.util.ArrayList;
import java.util.List;

/**
 * Inputs of {@link RegionalNetwork}.
 *
 * @param vpcCidr              the VPC's primary CIDR, /16 to /20. Required.
 * @param secondaryCidrs       extra CIDR blocks associated with the VPC. Default: none
 * @param azCount              availability zones to spread subnets over, 1 to 8. Default: 3
 * @param natStrategy          NAT gateways: none, single or one per AZ. Default: one per AZ
 * @param flowLogRetentionDays days VPC flow logs are kept. Default: 365
 * @param availabilityZones    AZ names to use, in order; empty means the first {@code azCount}
 *                             available AZs of the region. Pin them in production: a change in the
 *                             region's AZ list would otherwise move (replace) subnets.
 * @param retainFlowLogs       keep the flow log group and its KMS key when the stack is destroyed,
 *                             so audit evidence outlives the network. Default: true
 */
public record RegionalNetworkArgs(Ipv4Cidr vpcCidr, List<Ipv4Cidr> secondaryCidrs, int azCount,
                                  NatStrategy natStrategy, int flowLogRetentionDays, List<String> availabilityZones,
                                  boolean retainFlowLogs) {

    public static final int DEFAULT_AZ_COUNT = 3;
    public static final int DEFAULT_FLOW_LOG_RETENTION_DAYS = 365;
    /** Retention values CloudWatch Logs accepts. */
    public static final List<Integer> ALLOWED_RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    public RegionalNetworkArgs {
        secondaryCidrs = secondaryCidrs == null ? List.of() : List.copyOf(secondaryCidrs);
        natStrategy = natStrategy == null ? NatStrategy.ONE_PER_AZ : natStrategy;
        availabilityZones = availabilityZones == null ? List.of() : List.copyOf(availabilityZones);
        var problems = new ArrayList<String>();
        if (vpcCidr == null) {
            problems.add("vpcCidr is required: pass the region's VPC block, e.g. 10.10.0.0/16");
        } else if (vpcCidr.prefix() < CidrPlan.MIN_VPC_PREFIX || vpcCidr.prefix() > CidrPlan.MAX_VPC_PREFIX) {
            problems.add("vpcCidr " + vpcCidr + " must be /" + CidrPlan.MIN_VPC_PREFIX + " to /" + CidrPlan.MAX_VPC_PREFIX);
        }
        if (azCount < 1 || azCount > CidrPlan.MAX_AZS) {
            problems.add("azCount " + azCount + " must be 1 to " + CidrPlan.MAX_AZS);
        }
        if (!availabilityZones.isEmpty() && availabilityZones.size() != azCount) {
            problems.add("availabilityZones lists " + availabilityZones.size() + " AZs but azCount is " + azCount
                    + ": list exactly azCount AZs or none");
        }
        for (var s : secondaryCidrs) {
            if (vpcCidr != null && s.overlaps(vpcCidr)) {
                problems.add("secondary CIDR " + s + " overlaps vpcCidr " + vpcCidr + ": pick a disjoint block");
            }
        }
        if (!ALLOWED_RETENTION_DAYS.contains(flowLogRetentionDays)) {
            problems.add("flowLogRetentionDays " + flowLogRetentionDays + " is not a CloudWatch retention value: use one of "
                    + ALLOWED_RETENTION_DAYS);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("RegionalNetworkArgs: " + String.join("; ", problems));
        }
    }

    /** Args with the defaults for the rest: a year of flow logs, kept on destroy, AZs looked up. */
    public static RegionalNetworkArgs of(Ipv4Cidr vpcCidr, List<Ipv4Cidr> secondaryCidrs, int azCount, NatStrategy nat) {
        return new RegionalNetworkArgs(vpcCidr, secondaryCidrs, azCount, nat, DEFAULT_FLOW_LOG_RETENTION_DAYS, List.of(),
                true);
    }

    public CidrPlan plan() {
        return CidrPlan.of(vpcCidr, azCount);
    }

    /** The key repeated per-AZ children are named by: az1, az2, ... (stable whatever the AZ names). */
    public static String azKey(int azIndex) {
        return "az" + (azIndex + 1);
    }
}
