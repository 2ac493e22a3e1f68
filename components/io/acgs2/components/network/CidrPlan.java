package io.acgs2.components.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The subnet plan of a VPC: a pure function of (VPC CIDR, AZ count). It never looks at AZ names,
 * so the same config always yields the same blocks, and adding an AZ later only adds blocks.
 *
 * <p>Layout: the VPC is cut into 4 quarters. The private tier (largest: pods get VPC IPs on EKS)
 * takes quarters 0 and 1, split into 8 equal blocks; the isolated tier takes quarter 2 in 8
 * blocks; the public tier takes the first half of quarter 3 in 8 blocks. The rest of quarter 3 is
 * left free for later tiers. Eight slots per tier bound the AZ count at 8 (no region has more).
 */
public final class CidrPlan {

    /** The most AZs a plan has room for. */
    public static final int MAX_AZS = NetworkRules.MAX_AZS;

    public record Subnet(SubnetTier tier, int azIndex, Ipv4Cidr cidr) {
    }

    private final Ipv4Cidr vpc;
    private final int azCount;
    private final List<Subnet> subnets;

    private CidrPlan(Ipv4Cidr vpc, int azCount, List<Subnet> subnets) {
        this.vpc = vpc;
        this.azCount = azCount;
        this.subnets = List.copyOf(subnets);
    }

    public static CidrPlan of(Ipv4Cidr vpc, int azCount) {
        NetworkRules.vpcCidr(vpc).ifPresent(f -> {
            throw new IllegalArgumentException("VPC CIDR " + vpc + ": " + f.problem() + ". Fix: " + f.fix());
        });
        NetworkRules.azCount(azCount).ifPresent(f -> {
            throw new IllegalArgumentException("AZ count " + f.problem() + ". Fix: " + f.fix());
        });
        var subnets = new ArrayList<Subnet>();
        for (var tier : SubnetTier.values()) {
            var range = range(vpc, tier);
            for (int az = 0; az < azCount; az++) {
                subnets.add(new Subnet(tier, az, range.subnet(range.prefix() + 3, az)));
            }
        }
        subnets.sort(Comparator.comparing(Subnet::cidr));
        return new CidrPlan(vpc, azCount, subnets);
    }

    /**
     * The block a tier's subnets are cut from (room for {@link #MAX_AZS}): quarters 0-1 for private,
     * quarter 2 for isolated, the first half of quarter 3 for public. A rule or route naming a
     * tier's range covers the tier in every AZ the region has or will have, and nothing else.
     */
    public static Ipv4Cidr range(Ipv4Cidr vpc, SubnetTier tier) {
        return switch (tier) {
            case PRIVATE -> vpc.subnet(vpc.prefix() + 1, 0);
            case ISOLATED -> vpc.subnet(vpc.prefix() + 2, 2);
            case PUBLIC -> vpc.subnet(vpc.prefix() + 3, 6);
        };
    }

    public Ipv4Cidr vpc() {
        return vpc;
    }

    public int azCount() {
        return azCount;
    }

    public List<Subnet> subnets() {
        return subnets;
    }

    public Ipv4Cidr cidr(SubnetTier tier, int azIndex) {
        return subnets.stream()
                .filter(s -> s.tier() == tier && s.azIndex() == azIndex)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + tier + " subnet for AZ " + azIndex))
                .cidr();
    }
}
