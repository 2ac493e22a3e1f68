package io.acgs2.stacks.config;

import io.acgs2.components.common.Finding;
import io.acgs2.components.network.Ipv4Cidr;
import io.acgs2.components.network.NatStrategy;
import io.acgs2.components.network.NetworkRules;
import io.acgs2.components.network.RegionalNetworkArgs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code acgs2-infra:network} (stack): the region's VPC. Required. Unset fields stay unset here:
 * {@link RegionalNetworkArgs} owns the defaults. The rules are {@link NetworkRules}, shared with the args.
 */
public final class NetworkSection extends BaseSection<NetworkSection.Config> {

    public static final NetworkSection SECTION = new NetworkSection();
    public static final String KEY = ConfigParser.PROJECT + ":network";
    static final Set<String> FIELDS = Set.of("vpcCidr", "secondaryCidrs", "azCount", "natStrategy", "availabilityZones");

    /**
     * @param vpcCidr           the VPC's primary CIDR. Required
     * @param secondaryCidrs    extra VPC CIDRs. Default: none
     * @param azCount           AZs to spread over. Default: {@link RegionalNetworkArgs#DEFAULT_AZ_COUNT}
     * @param natStrategy       NAT strategy. Default: {@link RegionalNetworkArgs#DEFAULT_NAT_STRATEGY}
     * @param availabilityZones pinned AZ names, in order. Default: the region's first azCount
     */
    public record Config(Ipv4Cidr vpcCidr, List<Ipv4Cidr> secondaryCidrs, Optional<Integer> azCount,
                         Optional<NatStrategy> natStrategy, List<String> availabilityZones) {
        public Config {
            secondaryCidrs = List.copyOf(secondaryCidrs);
            availabilityZones = List.copyOf(availabilityZones);
        }

        /** The AZ count the network will have (the args' default when unset). */
        public int effectiveAzCount() {
            return azCount.orElse(RegionalNetworkArgs.DEFAULT_AZ_COUNT);
        }

        /** Primary then secondary CIDRs. */
        public List<Ipv4Cidr> allCidrs() {
            var all = new ArrayList<Ipv4Cidr>();
            all.add(vpcCidr);
            all.addAll(secondaryCidrs);
            return List.copyOf(all);
        }
    }

    private NetworkSection() {
        super(KEY, Scope.STACK);
    }

    @Override
    public Config parse(SectionInput in) {
        var network = in.object(KEY, true, "add " + KEY + ": {vpcCidr: 10.N.0.0/16}");
        if (network.isEmpty()) {
            return null;
        }
        var n = network.get();
        var region = in.parsed(AwsRegionSection.SECTION);
        in.unknownFields(n, FIELDS, KEY);

        Ipv4Cidr vpcCidr = null;
        var cidrText = SectionInput.text(n.get("vpcCidr"));
        if (cidrText.isEmpty()) {
            in.add(KEY + ".vpcCidr", "is missing", "set a /16 that no other region uses, e.g. 10.30.0.0/16");
        } else {
            var c = Ipv4Cidr.tryParse(cidrText.get());
            if (c.isEmpty()) {
                in.add(KEY + ".vpcCidr", "'" + cidrText.get() + "' is not an IPv4 CIDR block",
                        "write it as a.b.c.d/n with no host bits set, e.g. 10.30.0.0/16");
            } else {
                var finding = NetworkRules.vpcCidr(c.get());
                finding.ifPresent(f -> in.add(KEY + ".vpcCidr", f));
                if (finding.isEmpty()) {
                    vpcCidr = c.get();
                }
            }
        }

        var secondary = new ArrayList<Ipv4Cidr>();
        for (var s : in.stringList(n.get("secondaryCidrs"), KEY + ".secondaryCidrs",
                "list extra CIDR blocks, e.g. [100.64.0.0/16]")) {
            var c = Ipv4Cidr.tryParse(s);
            if (c.isEmpty()) {
                in.add(KEY + ".secondaryCidrs", "'" + s + "' is not an IPv4 CIDR block from /" + NetworkRules.MIN_SECONDARY_PREFIX
                        + " to /" + NetworkRules.MAX_SECONDARY_PREFIX, "use a block AWS accepts as a secondary VPC CIDR, e.g. 100.64.0.0/16");
                continue;
            }
            var finding = NetworkRules.secondaryCidr(c.get(), vpcCidr);
            finding.ifPresent(f -> in.add(KEY + ".secondaryCidrs", f));
            if (finding.isEmpty()) {
                secondary.add(c.get());
            }
        }

        Optional<Integer> azCount = Optional.empty();
        var az = n.get("azCount");
        if (az != null) {
            // A non-number is reported with the same words as an out-of-range one.
            var finding = NetworkRules.azCount(az.isIntegralNumber() && az.canConvertToInt() ? az.asInt() : -1)
                    .map(f -> new Finding("'" + az.asText() + "' is not a whole number from 1 to " + NetworkRules.MAX_AZS, f.fix()));
            finding.ifPresent(f -> in.add(KEY + ".azCount", f));
            if (finding.isEmpty()) {
                azCount = Optional.of(az.asInt());
            }
        }
        int effectiveAzs = azCount.orElse(RegionalNetworkArgs.DEFAULT_AZ_COUNT);

        var azs = in.stringList(n.get("availabilityZones"), KEY + ".availabilityZones",
                "list AZ names of the region, e.g. [" + region.orElse(in.stack()) + "a, " + region.orElse(in.stack()) + "b]");
        NetworkRules.availabilityZones(azs, effectiveAzs, region.orElse(null))
                .forEach(f -> in.add(KEY + ".availabilityZones", f));

        Optional<NatStrategy> nat = Optional.empty();
        var natText = SectionInput.text(n.get("natStrategy"));
        if (natText.isPresent()) {
            nat = NatStrategy.fromConfig(natText.get());
            if (nat.isEmpty()) {
                in.add(KEY + ".natStrategy", "'" + natText.get() + "' is not a NAT strategy",
                        "use one of: " + NatStrategy.allowedValues());
            }
        }
        return vpcCidr == null ? null : new Config(vpcCidr, secondary, azCount, nat, azs);
    }
}
