package io.acgs2.stacks.config;

import java.util.Comparator;
import io.acgs2.components.data.DomainPlacement;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole fleet: project settings, every region ordered by join order, and where each data
 * domain lives. Built only by {@link FleetLoader}, so a Fleet in hand is always valid.
 *
 * @param placements the data domains' placements by domain name
 */
public record Fleet(ProjectSettings settings, List<RegionSpec> regions, Map<String, DomainPlacement> placements) {
    public Fleet {
        regions = regions.stream().sorted(Comparator.comparingInt(RegionSpec::joinOrder)).toList();
        placements = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(placements));
    }

    /** What plans but deserves attention (e.g. a domain with no cross-region copy), for the plan and the engine's log. */
    public List<String> warnings() {
        return placements.values().stream().flatMap(p -> p.warnings().stream()).toList();
    }

    /** The domains that have stores in {@code region}. */
    public List<DomainPlacement> domainsIn(String region) {
        return placements.values().stream().filter(p -> p.includes(region)).toList();
    }

    /** The fleet's stack in {@code region}, if it has one. */
    public Optional<RegionSpec> byRegion(String region) {
        return regions.stream().filter(r -> r.region().equals(region)).findFirst();
    }

    /** The regions of {@code zone}, in join order. */
    public List<RegionSpec> regionsOf(String zone) {
        return regions.stream().filter(r -> r.zone().equals(zone)).toList();
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

    /**
     * Whether a service runs in {@code region}: a shared one everywhere, a tenant's own one only in
     * the regions its tenant's zone allows.
     */
    public boolean runs(io.acgs2.components.mesh.ServiceSpec app, RegionSpec region) {
        return app.tenant().map(t -> settings.tenants().get(t)).map(t -> settings.zones().get(t.zone()))
                .map(z -> z.regions().contains(region.region())).orElse(true);
    }

    /** The stacks planned or deployed before {@code self} because it reads their outputs. */
    public List<String> dependencies(RegionSpec self) {
        return earlierPeers(self).stream().map(RegionSpec::stack).toList();
    }
}
