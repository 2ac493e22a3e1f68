package io.acgs2.stacks.config;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The whole fleet: project settings and every region, ordered by join order. Built only by
 * {@link FleetLoader}, so a Fleet in hand is always valid.
 */
public record Fleet(ProjectSettings settings, List<RegionSpec> regions) {
    public Fleet {
        regions = regions.stream().sorted(Comparator.comparingInt(RegionSpec::joinOrder)).toList();
    }

    public Optional<RegionSpec> byStack(String stack) {
        return regions.stream().filter(r -> r.stack().equals(stack)).findFirst();
    }

    public RegionSpec requireStack(String stack) {
        return byStack(stack).orElseThrow(() -> new ConfigException(List.of(
                "Pulumi." + stack + ".yaml: stack '" + stack + "' has no stack file in the project directory. Fix: "
                        + "create Pulumi." + stack + ".yaml (copy an existing region's file and change its values)")));
    }

    /**
     * The regions this one links to with Transit Gateway peering and owns the link for: every region
     * that joined earlier, in the same AWS partition.
     */
    public List<RegionSpec> earlierPeers(RegionSpec self) {
        return regions.stream()
                .filter(r -> r.joinOrder() < self.joinOrder() && r.partition().equals(self.partition()))
                .toList();
    }

    /** The stacks planned or deployed before {@code self} because it reads their outputs. */
    public List<String> dependencies(RegionSpec self) {
        return earlierPeers(self).stream().map(RegionSpec::stack).toList();
    }
}
