package io.acgs2.components.network;

import io.acgs2.components.common.Finding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of a regional network's inputs, written once: the stack-file parser, the
 * {@link RegionalNetworkArgs} builder and the {@link CidrPlan} all call these, so a rule and its
 * message never drift apart.
 */
public final class NetworkRules {

    /** The largest VPC AWS allows. */
    public static final int MIN_VPC_PREFIX = 16;
    /** The smallest VPC the plan accepts: a /24 public block per AZ would be /28 at /20. */
    public static final int MAX_VPC_PREFIX = 20;
    /** Secondary CIDR blocks AWS accepts. */
    public static final int MIN_SECONDARY_PREFIX = 16;
    public static final int MAX_SECONDARY_PREFIX = 28;
    /** The most AZs a plan has room for (eight slots per tier). */
    public static final int MAX_AZS = 8;

    private NetworkRules() {
    }

    public static Optional<Finding> vpcCidr(Ipv4Cidr cidr) {
        if (cidr.prefix() < MIN_VPC_PREFIX || cidr.prefix() > MAX_VPC_PREFIX) {
            return Optional.of(new Finding("/" + cidr.prefix() + " is outside /" + MIN_VPC_PREFIX + " to /" + MAX_VPC_PREFIX,
                    "use a /16 (AWS allows no larger VPC; smaller than /" + MAX_VPC_PREFIX
                            + " leaves too few addresses for EKS pods)"));
        }
        return Optional.empty();
    }

    /** A secondary block: a size AWS accepts, and disjoint from the primary ({@code vpc} may be null). */
    public static Optional<Finding> secondaryCidr(Ipv4Cidr cidr, Ipv4Cidr vpc) {
        if (cidr.prefix() < MIN_SECONDARY_PREFIX || cidr.prefix() > MAX_SECONDARY_PREFIX) {
            return Optional.of(new Finding("'" + cidr + "' is not an IPv4 CIDR block from /" + MIN_SECONDARY_PREFIX + " to /"
                    + MAX_SECONDARY_PREFIX, "use a block AWS accepts as a secondary VPC CIDR, e.g. 100.64.0.0/16"));
        }
        if (vpc != null && cidr.overlaps(vpc)) {
            return Optional.of(new Finding(cidr + " overlaps the VPC CIDR " + vpc, "pick a block outside " + vpc));
        }
        return Optional.empty();
    }

    public static Optional<Finding> azCount(int count) {
        if (count < 1 || count > MAX_AZS) {
            return Optional.of(new Finding("'" + count + "' is not a whole number from 1 to " + MAX_AZS,
                    "use " + RegionalNetworkArgs.DEFAULT_AZ_COUNT + " (the default) or the number of AZs the region has"));
        }
        return Optional.empty();
    }

    /**
     * Pinned AZ names: exactly {@code azCount} of them, each once, each of {@code region} (when known).
     */
    public static List<Finding> availabilityZones(List<String> zones, int azCount, String region) {
        var out = new ArrayList<Finding>();
        if (zones.isEmpty()) {
            return out;
        }
        if (zones.size() != azCount) {
            out.add(new Finding("lists " + zones.size() + " AZs but azCount is " + azCount,
                    "list exactly azCount AZs, or remove the list to use the region's first " + azCount));
        }
        if (region != null) {
            for (var zone : zones) {
                if (!zone.matches(Pattern.quote(region) + "[a-z]")) {
                    out.add(new Finding("'" + zone + "' is not an AZ of " + region, "use names such as " + region + "a"));
                }
            }
        }
        if (zones.size() != new HashSet<>(zones).size()) {
            out.add(new Finding("lists an AZ twice", "list each AZ once"));
        }
        return out;
    }
}
