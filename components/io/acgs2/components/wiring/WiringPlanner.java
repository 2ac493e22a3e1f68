package io.acgs2.components.wiring;

import io.acgs2.components.common.FieldFinding;
import io.acgs2.components.common.Finding;
import io.acgs2.components.data.DataStore;
import io.acgs2.components.data.DomainPlacement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which of a service's declared domains it is wired to in a region, and what in a declaration is
 * wrong: pure functions of the declaration and the fleet's placements. A service in region R is
 * wired only to the domains placed in R; a domain it declares but that is not placed in R is an
 * error unless the declaration's {@code exceptIn} names R or R's zone.
 */
public final class WiringPlanner {

    private WiringPlanner() {
    }

    /**
     * One domain a service is wired to in a region.
     *
     * @param domain the data domain
     * @param zone   its zone (or global)
     * @param stores the stores it uses here, and how
     * @param topics the topics it uses here, and how
     */
    public record Wired(String domain, String zone, Map<DataStore, StoreAccess> stores, Map<String, Set<TopicAccess>> topics) {
        public Wired {
            stores = stores.isEmpty() ? Map.of() : Collections.unmodifiableMap(new java.util.EnumMap<>(stores));
            topics = Collections.unmodifiableSortedMap(new TreeMap<>(topics));
        }

        public java.util.Optional<StoreAccess> access(DataStore store) {
            return java.util.Optional.ofNullable(stores.get(store));
        }
    }

    /**
     * A service's wiring in one region.
     *
     * @param service the service
     * @param region  the region
     * @param domains the domains it is wired to here, by name
     * @param without the declared domains it does without here (exceptIn)
     */
    public record RegionWiring(String service, String region, List<Wired> domains, List<String> without) {
        public RegionWiring {
            domains = List.copyOf(domains);
            without = List.copyOf(without);
        }

        public boolean isEmpty() {
            return domains.isEmpty();
        }

        /** The topics it uses here, with how, over every domain. */
        public Map<String, Set<TopicAccess>> topics() {
            var all = new TreeMap<String, Set<TopicAccess>>();
            domains.forEach(d -> all.putAll(d.topics()));
            return all;
        }

        /** Whether any domain here has the store. */
        public boolean uses(DataStore store) {
            return domains.stream().anyMatch(d -> d.stores().containsKey(store));
        }
    }

    /** A region the service runs in. */
    public record Region(String region, String zone) {
    }

    /** The service's wiring in {@code region}: its declared domains placed there, less those it does without there. */
    public static RegionWiring plan(String service, List<DomainUse> uses, Region region, Map<String, DomainPlacement> placements) {
        var wired = new ArrayList<Wired>();
        var without = new ArrayList<String>();
        for (var use : uses) {
            var placement = placements.get(use.domain());
            // exceptIn also opts out where the domain is placed: the service then does without it there
            if (placement != null && placement.includes(region.region()) && !use.exceptedIn(region.region(), region.zone())) {
                wired.add(new Wired(use.domain(), placement.domain().zone(), use.stores(), use.topics()));
            } else {
                without.add(use.domain());
            }
        }
        return new RegionWiring(service, region.region(), wired, without);
    }

    /**
     * Every rule the declaration breaks, each with the field under {@code data} it concerns (e.g.
     * {@code gdpr-tenants.cache}) and the fix.
     *
     * @param runsIn      the regions the service runs in
     * @param placements  the fleet's domain placements, by domain
     * @param topicDomain the domain of each topic of the events section
     * @param zones       the zones and their regions (exceptIn may name either)
     */
    public static List<FieldFinding> check(List<DomainUse> uses, List<Region> runsIn, Map<String, DomainPlacement> placements,
                                           Map<String, String> topicDomain, Map<String, List<String>> zones) {
        var problems = new ArrayList<FieldFinding>();
        for (var use : uses) {
            var d = use.domain();
            var placement = placements.get(d);
            if (placement == null) {
                problems.add(new FieldFinding(d, new Finding("'" + d + "' is not a data domain",
                        "use one of " + new java.util.TreeSet<>(placements.keySet()) + ", or define it under data.domains")));
                continue;
            }
            if (use.stores().isEmpty() && use.topics().isEmpty()) {
                problems.add(new FieldFinding(d, new Finding("declares no store and no topic",
                        "write e.g. {database: read-write} or remove the domain")));
            }
            var has = placement.domain().stores();
            use.stores().keySet().stream().filter(s -> !has.contains(s)).forEach(s -> problems.add(new FieldFinding(
                    d + "." + s.configValue(), new Finding("domain " + d + " has no " + s.configValue() + " (its stores: "
                    + has.stream().map(DataStore::configValue).sorted().toList() + ")",
                    "remove it, or add " + s.configValue() + " to data.domains." + d + ".stores"))));
            use.topics().keySet().forEach(t -> {
                var of = topicDomain.get(t);
                if (of == null) {
                    problems.add(new FieldFinding(d + ".topics." + t, new Finding("'" + t + "' is not a topic of events.topics",
                            "use one of " + topicDomain.entrySet().stream().filter(e -> e.getValue().equals(d)).map(Map.Entry::getKey)
                                    .sorted().toList() + ", or add it to events.topics with domain: " + d)));
                } else if (!of.equals(d)) {
                    problems.add(new FieldFinding(d + ".topics." + t, new Finding("topic " + t + " belongs to domain " + of
                            + ", not " + d, "declare it under data." + of + ".topics")));
                }
            });
            for (var e : use.exceptIn()) {
                var known = zones.containsKey(e) || zones.values().stream().anyMatch(rs -> rs.contains(e));
                if (!known) {
                    problems.add(new FieldFinding(d + ".exceptIn", new Finding("'" + e + "' is neither a zone nor a region of one",
                            "name zones " + new java.util.TreeSet<>(zones.keySet()) + " or their regions")));
                }
            }
            for (var r : runsIn) {
                if (!placement.includes(r.region()) && !use.exceptedIn(r.region(), r.zone())) {
                    problems.add(new FieldFinding(d, new Finding("the service runs in " + r.region() + " (zone " + r.zone()
                            + "), where domain " + d + " is not placed (its regions: " + placement.regions() + ")",
                            "add exceptIn: [" + r.zone() + "] (or [" + r.region() + "]) to say the service does without " + d
                                    + " there; its data never leaves its regions")));
                }
            }
        }
        return problems;
    }
}
