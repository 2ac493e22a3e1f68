package io.acgs2.stacks.config;

import io.acgs2.components.data.DomainPlacement;
import io.acgs2.components.network.Ipv4Cidr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Checks that only make sense for the fleet as a whole. */
final class FleetRules {

    /** Places every data domain on the fleet, recording what prevents a placement against Pulumi.yaml. */
    static Map<String, DomainPlacement> placements(ProjectSettings settings, List<RegionSpec> regions, Problems p) {
        var fleet = regions.stream().map(r -> new DomainPlacement.Region(r.region(), r.zone(), r.joinOrder(), r.partition())).toList();
        var zones = new java.util.TreeMap<String, DomainPlacement.Zone>();
        settings.zones().values().forEach(z -> zones.put(z.name(), new DomainPlacement.Zone(z.name(), z.regions(), z.restricted())));
        var out = new java.util.TreeMap<String, DomainPlacement>();
        for (var domain : settings.data().domains().values()) {
            var result = DomainPlacement.place(domain, fleet, zones);
            result.problems().forEach(f -> p.add(ConfigParser.PROJECT_FILE, DataSection.KEY + ".domains." + domain.name() + "."
                    + f.field(), f.finding().problem(), f.finding().fix()));
            result.placement().ifPresent(pl -> out.put(domain.name(), pl));
        }
        return out;
    }

    private FleetRules() {
    }

    /**
     * @param complete whether every stack file parsed far enough to be in {@code regions}; checks
     *                 about what is missing from the fleet run only then
     */
    static void check(ProjectSettings settings, List<RegionSpec> regions, boolean complete, Problems p) {
        var founders = regions.stream().filter(RegionSpec::founding).toList();
        if (founders.isEmpty() && complete) {
            p.add("Pulumi.<stack>.yaml", FleetSection.KEY + ".founding", "no region is the founding region",
                    "set founding: true in exactly one stack file (the first region deployed)");
        } else if (founders.size() > 1) {
            for (var f : founders.subList(1, founders.size())) {
                p.add(f.file(), FleetSection.KEY + ".founding", "the fleet already has founding region "
                        + founders.get(0).stack(), "remove founding: true here; only " + founders.get(0).file() + " keeps it");
            }
        } else if (!founders.isEmpty() && founders.get(0).joinOrder() != 0) {
            p.add(founders.get(0).file(), FleetSection.KEY + ".joinOrder", "the founding region must have joinOrder 0",
                    "set joinOrder: 0");
        }

        duplicates(regions, RegionSpec::joinOrder).forEach((order, rs) -> rs.subList(1, rs.size()).forEach(r ->
                p.add(r.file(), FleetSection.KEY + ".joinOrder", "joinOrder " + order + " is already used by "
                        + rs.get(0).file(), "use the next free number, " + (maxOrder(regions) + 1))));
        duplicates(regions, RegionSpec::region).forEach((region, rs) -> rs.subList(1, rs.size()).forEach(r ->
                p.add(r.file(), AwsRegionSection.KEY, "region " + region + " is already served by " + rs.get(0).file(),
                        "each region is one stack; remove this file or change its region")));
        duplicates(regions, RegionSpec::meshNetwork).forEach((net, rs) -> rs.subList(1, rs.size()).forEach(r ->
                p.add(r.file(), MeshSection.KEY + ".network", "mesh network '" + net + "' is already used by "
                        + rs.get(0).file(), "give each region its own network name, e.g. network-" + r.region())));

        // CRITICAL: overlapping CIDRs make Transit Gateway routing ambiguous and break peering.
        for (int i = 0; i < regions.size(); i++) {
            for (int j = i + 1; j < regions.size(); j++) {
                var a = regions.get(i);
                var b = regions.get(j);
                for (Ipv4Cidr ca : a.allCidrs()) {
                    for (Ipv4Cidr cb : b.allCidrs()) {
                        if (ca.overlaps(cb)) {
                            p.add(b.file(), NetworkSection.KEY, "CRITICAL: CIDR " + cb + " overlaps " + ca + " of "
                                    + a.file(), "give every region disjoint CIDRs, e.g. " + freeSuggestion(regions));
                        }
                    }
                }
            }
        }

        if (!complete) {
            return;
        }
        var fleetRegions = regions.stream().collect(Collectors.toMap(RegionSpec::region, r -> r, (x, y) -> x));
        for (var zone : settings.zones().values()) {
            boolean used = settings.tenants().values().stream().anyMatch(t -> t.zone().equals(zone.name()));
            if (used && regions.stream().noneMatch(r -> r.zone().equals(zone.name()))) {
                p.add(ConfigParser.PROJECT_FILE, ZonesSection.KEY + "." + zone.name(), "tenants live in zone '"
                        + zone.name() + "' but no stack file serves it", "add a stack file for one of " + zone.regions());
            }
        }
        for (var t : settings.tenants().values()) {
            var home = fleetRegions.get(t.homeRegion());
            var key = TenantsSection.KEY + "." + t.id() + ".homeRegion";
            if (home == null) {
                p.add(ConfigParser.PROJECT_FILE, key, "home region " + t.homeRegion() + " has no stack file",
                        "use one of " + fleetRegions.keySet().stream().sorted().toList() + " or add Pulumi."
                                + t.homeRegion() + ".yaml");
            } else if (!home.zone().equals(t.zone())) {
                p.add(ConfigParser.PROJECT_FILE, key, "home region " + t.homeRegion() + " is in zone '" + home.zone()
                        + "', not the tenant's zone '" + t.zone() + "'", "pick a home region of zone '" + t.zone() + "'");
            }
        }
        // a region-local topic belongs to a domain that lives in its region
        var placements = placements(settings, regions, new Problems());
        for (var r : regions) {
            KafkaSection.Config kafka = r.section(KafkaSection.SECTION);
            if (kafka == null) {
                continue;
            }
            kafka.localTopics().values().forEach(t -> {
                var placement = placements.get(t.domain());
                if (placement != null && !placement.includes(r.region())) {
                    p.add(r.file(), KafkaSection.KEY + ".topics." + t.name() + ".domain", "domain " + t.domain()
                            + " has no region here (it lives in " + placement.regions() + ")",
                            "bind the topic to a domain of " + r.region() + ", or declare it in the domain's regions");
                }
            });
        }
        ServicesSection.Config services = settings.section(ServicesSection.SECTION);
        if (services != null) {
            services.apps().values().forEach(app -> {
                var key = ServicesSection.KEY + ".apps." + app.name();
                for (var r : app.gpuRegions()) {
                    var spec = fleetRegions.get(r);
                    if (spec == null) {
                        p.add(ConfigParser.PROJECT_FILE, key + ".gpu.regions", "region " + r + " has no stack file",
                                "list only fleet regions: " + fleetRegions.keySet().stream().sorted().toList());
                    } else if (spec.section(EksSection.SECTION) != null && spec.section(EksSection.SECTION).nodeGroups().values().stream()
                            .noneMatch(g -> g.gpu())) {
                        p.add(spec.file(), EksSection.KEY + ".nodeGroups", "service " + app.name() + " runs on GPUs in " + r
                                + " but the region has no GPU node group", "add a node group with gpu: true here, or drop " + r
                                + " from " + key + ".gpu.regions");
                    }
                }
                app.traffic().distributeTo().forEach((from, tos) -> {
                    for (var to : tos) {
                        var a = fleetRegions.get(from);
                        var b = fleetRegions.get(to);
                        if (a == null || b == null) {
                            p.add(ConfigParser.PROJECT_FILE, key + ".traffic.distributeTo." + from, "region " + (a == null ? from : to)
                                    + " has no stack file", "name only fleet regions: " + fleetRegions.keySet().stream().sorted().toList());
                        } else if (!a.zone().equals(b.zone())) {
                            // residency denies a tenant's request outside its zone: a steady split across zones
                            // would fail that share of every restricted tenant's requests
                            p.add(ConfigParser.PROJECT_FILE, key + ".traffic.distributeTo." + from, "sends a share of " + from
                                    + "'s traffic (zone " + a.zone() + ") to " + to + " (zone " + b.zone()
                                    + "), where the residency policy refuses the other zone's tenants",
                                    "distribute only among regions of one zone; across zones use locality: failover");
                        }
                    }
                });
                app.traffic().failoverTo().forEach((from, to) -> {
                    for (var r : List.of(from, to)) {
                        if (!fleetRegions.containsKey(r)) {
                            p.add(ConfigParser.PROJECT_FILE, key + ".traffic.failoverTo", "region " + r + " has no stack file",
                                    "name only fleet regions: " + fleetRegions.keySet().stream().sorted().toList());
                        }
                    }
                });
            });
        }
        TrafficRules.check(settings, regions, p);
    }

    private static <K> Map<K, List<RegionSpec>> duplicates(List<RegionSpec> regions,
                                                          java.util.function.Function<RegionSpec, K> key) {
        var by = new HashMap<K, List<RegionSpec>>();
        regions.forEach(r -> by.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        by.values().removeIf(l -> l.size() < 2);
        return by;
    }

    private static int maxOrder(List<RegionSpec> regions) {
        return regions.stream().mapToInt(RegionSpec::joinOrder).max().orElse(0);
    }

    /** A /16 in 10.0.0.0/8 that no region uses, to put in the fix. */
    private static String freeSuggestion(List<RegionSpec> regions) {
        for (int i = 0; i < 256; i++) {
            var candidate = Ipv4Cidr.parse("10." + i + ".0.0/16");
            if (regions.stream().flatMap(r -> r.allCidrs().stream()).noneMatch(candidate::overlaps)) {
                return candidate.toString();
            }
        }
        return "a block in 172.16.0.0/12";
    }
}
