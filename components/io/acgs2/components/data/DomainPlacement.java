package io.acgs2.components.data;

import io.acgs2.components.common.FieldFinding;
import io.acgs2.components.common.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a data domain's stores live: a pure function of the domain and the fleet. The regions are
 * the writer and the replicas (by default every fleet region the zone allows, in the writer's AWS
 * partition); the owner, which creates the global database and datastore once, is the earliest of
 * them in join order, so ownership never moves when the writer does.
 *
 * @param domain      the domain
 * @param regions     every region of the domain, in join order
 * @param owner       the earliest region: creates the global resources
 * @param secondaries the regions other than the owner, in join order
 * @param warnings    what plans but deserves attention (a single region has no cross-region copy)
 */
public record DomainPlacement(DataDomain domain, List<String> regions, String owner, List<String> secondaries,
                              List<String> warnings) {

    /** The ElastiCache global datastore limit. */
    public static final int MAX_CACHE_SECONDARIES = 2;

    /** A fleet region as the planner sees it. */
    public record Region(String region, String zone, int joinOrder, String partition) {
    }

    /** A sovereignty zone as the planner sees it. */
    public record Zone(String name, List<String> regions, boolean restricted) {
    }

    public DomainPlacement {
        regions = List.copyOf(regions);
        secondaries = List.copyOf(secondaries);
        warnings = List.copyOf(warnings);
    }

    /** Whether {@code region} holds the domain. */
    public boolean includes(String region) {
        return regions.contains(region);
    }

    /**
     * Places {@code domain} on the fleet, or returns every rule it breaks (each naming the field
     * under the domain, e.g. {@code writer}, and the fix).
     */
    public static Result place(DataDomain domain, List<Region> fleet, Map<String, Zone> zones) {
        var problems = new ArrayList<FieldFinding>();
        var byRegion = new java.util.HashMap<String, Region>();
        fleet.forEach(r -> byRegion.put(r.region(), r));
        var zone = zones.get(domain.zone());
        if (!domain.isGlobal() && zone == null) {
            problems.add(new FieldFinding("zone", new Finding("zone '" + domain.zone() + "' is not defined",
                    "use one of " + zones.keySet().stream().sorted().toList() + " or " + DataDomain.GLOBAL
                            + " for non-personal platform data")));
            return new Result(Optional.empty(), problems);
        }
        var writer = byRegion.get(domain.writer());
        if (writer == null) {
            problems.add(new FieldFinding("writer", new Finding("region " + domain.writer() + " has no stack in the fleet",
                    "use one of " + fleet.stream().map(Region::region).sorted().toList())));
            return new Result(Optional.empty(), problems);
        }
        if (!allows(domain, zone, writer)) {
            problems.add(new FieldFinding("writer", new Finding(domain.writer() + " is not in zone " + domain.zone(),
                    "pick a writer region of zone " + domain.zone() + ": " + zone.regions())));
        }
        var chosen = new LinkedHashSet<Region>();
        chosen.add(writer);
        if (domain.replicas().isPresent()) {
            for (var name : domain.replicas().get()) {
                var r = byRegion.get(name);
                if (r == null) {
                    problems.add(new FieldFinding("replicas", new Finding("region " + name + " has no stack in the fleet",
                            "list only fleet regions, or add Pulumi." + name + ".yaml")));
                } else if (!allows(domain, zone, r)) {
                    problems.add(new FieldFinding("replicas", new Finding(name + " is outside zone " + domain.zone()
                            + (zone.restricted() ? " (restricted: its data never leaves " + zone.regions() + ")" : ""),
                            "remove it; a domain of another zone needs a domain of its own")));
                } else if (!r.partition().equals(writer.partition())) {
                    problems.add(new FieldFinding("replicas", new Finding(name + " is in AWS partition " + r.partition()
                            + ", the writer in " + writer.partition(), "replicate only within one partition")));
                } else {
                    chosen.add(r);
                }
            }
        } else {
            fleet.stream().filter(r -> allows(domain, zone, r) && r.partition().equals(writer.partition())).forEach(chosen::add);
        }
        var regions = chosen.stream().sorted(Comparator.comparingInt(Region::joinOrder)).map(Region::region).toList();
        var owner = regions.get(0);
        var secondaries = regions.subList(1, regions.size());
        if (domain.stores().contains(DataStore.CACHE) && secondaries.size() > MAX_CACHE_SECONDARIES) {
            problems.add(new FieldFinding("stores", new Finding("the cache would have " + secondaries.size()
                    + " secondary regions " + secondaries + ", but an ElastiCache global datastore allows at most "
                    + MAX_CACHE_SECONDARIES, "list at most " + (MAX_CACHE_SECONDARIES + 1) + " regions in replicas, or split the "
                    + "domain in two (each with its own cache), or drop cache from its stores")));
        }
        if (domain.stores().contains(DataStore.BUCKET)) {
            regions.stream().filter(r -> domain.name().length() > BucketParts.maxWhat(r)).findFirst().ifPresent(r ->
                    problems.add(new FieldFinding("stores", new Finding("the bucket in " + r + " would be named "
                            + BucketParts.bucketName(domain.name(), r, "<account>") + ", longer than S3's " + BucketParts.MAX_NAME
                            + " characters", "rename the domain to at most " + BucketParts.maxWhat(r) + " characters"))));
        }
        var warnings = new ArrayList<String>();
        if (regions.size() == 1 && !domain.stores().isEmpty()) {
            warnings.add("domain " + domain.name() + " lives only in " + owner + " and has no cross-region copy: add a second "
                    + (domain.isGlobal() ? "" : domain.zone() + " ") + "region for disaster recovery of domain " + domain.name());
        }
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        return new Result(Optional.of(new DomainPlacement(domain, regions, owner, secondaries, warnings)), problems);
    }

    /** A zone allows a region; global data may live in any fleet region. */
    private static boolean allows(DataDomain domain, Zone zone, Region region) {
        return domain.isGlobal() || (zone.regions().contains(region.region()) && zone.name().equals(region.zone()));
    }


    /** The placement, or the problems that prevent it. */
    public record Result(Optional<DomainPlacement> placement, List<FieldFinding> problems) {
    }
}
