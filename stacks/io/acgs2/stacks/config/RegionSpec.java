package io.acgs2.stacks.config;

import io.acgs2.components.network.Ipv4Cidr;
import io.acgs2.components.network.NatStrategy;

import java.util.ArrayList;
import java.util.List;

/**
 * One region of the fleet: everything its stack file says.
 *
 * @param stack          the stack name (Pulumi.&lt;stack&gt;.yaml)
 * @param file           the stack file name, for messages
 * @param region         the AWS region (aws:region)
 * @param zone           the sovereignty zone the region belongs to
 * @param founding       whether this is the founding region (exactly one in the fleet)
 * @param joinOrder      the order in which the region joined the fleet (founding = 0); later
 *                       regions own the Transit Gateway peering links to earlier ones
 * @param vpcCidr        the VPC's primary CIDR (/16 to /20)
 * @param secondaryCidrs extra VPC CIDRs (e.g. for pods). Default: none
 * @param azCount        availability zones to spread over. Default: 3
 * @param nat            NAT strategy. Default: one-per-az
 * @param meshNetwork    the Istio network name of this region's cluster. Default: network-&lt;region&gt;
 * @param availabilityZones the AZ names to use, in order (pinning them keeps subnets in place if
 *                       the region's AZ list changes). Default: the first azCount available AZs
 */
public record RegionSpec(String stack, String file, String region, String zone, boolean founding, int joinOrder,
                         Ipv4Cidr vpcCidr, List<Ipv4Cidr> secondaryCidrs, int azCount, NatStrategy nat,
                         String meshNetwork, List<String> availabilityZones) {
    public static final int DEFAULT_AZ_COUNT = 3;

    public RegionSpec {
        secondaryCidrs = List.copyOf(secondaryCidrs);
        availabilityZones = List.copyOf(availabilityZones);
    }

    /** Primary then secondary CIDRs. */
    public List<Ipv4Cidr> allCidrs() {
        var all = new ArrayList<Ipv4Cidr>();
        all.add(vpcCidr);
        all.addAll(secondaryCidrs);
        return List.copyOf(all);
    }

    /** The AWS partition the region is in: regions of different partitions cannot peer. */
    public String partition() {
        return partitionOf(region);
    }

    public static String partitionOf(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }
}
