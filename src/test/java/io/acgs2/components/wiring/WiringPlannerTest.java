package io.acgs2.components.wiring;

import io.acgs2.components.common.FieldFinding;
import io.acgs2.components.data.DataDomain;
import io.acgs2.components.data.DataStore;
import io.acgs2.components.data.DomainPlacement;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WiringPlannerTest {

    static final Map<String, DomainPlacement.Zone> ZONES = Map.of(
            "us", new DomainPlacement.Zone("us", List.of("us-east-1", "us-west-2"), false),
            "gdpr", new DomainPlacement.Zone("gdpr", List.of("eu-west-1", "eu-central-1"), true));
    static final Map<String, List<String>> ZONE_REGIONS = Map.of("us", List.of("us-east-1", "us-west-2"),
            "gdpr", List.of("eu-west-1", "eu-central-1"));
    static final List<DomainPlacement.Region> FLEET = List.of(
            new DomainPlacement.Region("us-east-1", "us", 0, "aws"),
            new DomainPlacement.Region("eu-west-1", "gdpr", 1, "aws"),
            new DomainPlacement.Region("eu-central-1", "gdpr", 2, "aws"));
    static final List<WiringPlanner.Region> RUNS = FLEET.stream().map(r -> new WiringPlanner.Region(r.region(), r.zone())).toList();
    static final Map<String, DomainPlacement> PLACEMENTS = placements();
    static final Map<String, String> TOPICS = Map.of("agent.events", "platform", "audit.events", "eu");

    static Map<String, DomainPlacement> placements() {
        var out = new TreeMap<String, DomainPlacement>();
        out.put("platform", place("platform", "global", "us-east-1", DataStore.DATABASE, DataStore.CACHE, DataStore.BUCKET));
        out.put("eu", place("eu", "gdpr", "eu-west-1", DataStore.DATABASE, DataStore.BUCKET));
        out.put("us", place("us", "us", "us-east-1", DataStore.DATABASE));
        return out;
    }

    static DomainPlacement place(String name, String zone, String writer, DataStore first, DataStore... more) {
        return DomainPlacement.place(new DataDomain(name, zone, writer, Optional.empty(), EnumSet.of(first, more)), FLEET, ZONES)
                .placement().orElseThrow();
    }

    static DomainUse use(String domain, Map<DataStore, StoreAccess> stores, Map<String, Set<TopicAccess>> topics, String... exceptIn) {
        return new DomainUse(domain, stores, topics, List.of(exceptIn));
    }

    @Test
    void aServiceIsWiredInEachRegionOnlyToTheDomainsPlacedThere() {
        var uses = List.of(
                use("platform", Map.of(DataStore.DATABASE, StoreAccess.READ_WRITE), Map.of("agent.events", Set.of(TopicAccess.PRODUCE))),
                use("eu", Map.of(DataStore.DATABASE, StoreAccess.READ_WRITE, DataStore.BUCKET, StoreAccess.READ), Map.of(), "us"),
                use("us", Map.of(DataStore.DATABASE, StoreAccess.READ), Map.of(), "gdpr"));
        assertEquals(List.of(), WiringPlanner.check(uses, RUNS, PLACEMENTS, TOPICS, ZONE_REGIONS));
        var us = WiringPlanner.plan("svc", uses, RUNS.get(0), PLACEMENTS);
        assertEquals(List.of("platform", "us"), us.domains().stream().map(WiringPlanner.Wired::domain).toList());
        assertEquals(List.of("eu"), us.without());
        var frankfurt = WiringPlanner.plan("svc", uses, RUNS.get(2), PLACEMENTS);
        assertEquals(List.of("platform", "eu"), frankfurt.domains().stream().map(WiringPlanner.Wired::domain).toList());
        assertEquals("gdpr", frankfurt.domains().get(1).zone());
        assertEquals(Map.of("agent.events", Set.of(TopicAccess.PRODUCE)), frankfurt.topics());
        assertTrue(frankfurt.uses(DataStore.BUCKET));
    }

    @Test
    void everyWrongDeclarationIsNamedWithItsField() {
        var uses = List.of(
                use("nowhere", Map.of(DataStore.DATABASE, StoreAccess.READ), Map.of()),
                use("us", Map.of(DataStore.CACHE, StoreAccess.READ), Map.of("agent.events", Set.of(TopicAccess.CONSUME),
                        "missing.topic", Set.of(TopicAccess.PRODUCE)), "gdpr", "atlantis"),
                use("eu", Map.of(), Map.of()),
                use("platform", Map.of(DataStore.BUCKET, StoreAccess.READ), Map.of()));
        var problems = WiringPlanner.check(uses, RUNS, PLACEMENTS, TOPICS, ZONE_REGIONS).stream()
                .map(f -> f.field() + ": " + f.finding().problem()).toList();
        assertEquals(List.of(
                "nowhere: 'nowhere' is not a data domain",
                "us.cache: domain us has no cache (its stores: [database])",
                "us.topics.agent.events: topic agent.events belongs to domain platform, not us",
                "us.topics.missing.topic: 'missing.topic' is not a topic of events.topics",
                "us.exceptIn: 'atlantis' is neither a zone nor a region of one",
                "eu: declares no store and no topic",
                "eu: the service runs in us-east-1 (zone us), where domain eu is not placed (its regions: [eu-west-1, eu-central-1])"),
                problems);
    }

    @Test
    void exceptInAlsoOptsOutWhereTheDomainIsPlaced() {
        var uses = List.of(use("platform", Map.of(DataStore.DATABASE, StoreAccess.READ), Map.of(), "eu-central-1"));
        assertEquals(List.of(), WiringPlanner.check(uses, RUNS, PLACEMENTS, TOPICS, ZONE_REGIONS));
        var plan = WiringPlanner.plan("svc", uses, RUNS.get(2), PLACEMENTS);
        assertTrue(plan.isEmpty());
        assertEquals(List.of("platform"), plan.without());
    }

    /** Residency: whatever a service declares, a region is wired only to domains placed in it. */
    @Property(tries = 200)
    void noRegionIsEverWiredToADomainNotPlacedInIt(@ForAll("declarations") List<DomainUse> uses) {
        for (var region : RUNS) {
            var plan = WiringPlanner.plan("svc", uses, region, PLACEMENTS);
            for (var wired : plan.domains()) {
                assertTrue(PLACEMENTS.get(wired.domain()).includes(region.region()), wired + " in " + region);
            }
            assertEquals(uses.size(), plan.domains().size() + plan.without().size());
        }
        // a declaration that checks clean names every region it runs in where a domain is missing
        List<FieldFinding> problems = WiringPlanner.check(uses, RUNS, PLACEMENTS, TOPICS, ZONE_REGIONS);
        for (var use : uses) {
            for (var region : RUNS) {
                var placed = PLACEMENTS.get(use.domain()).includes(region.region());
                if (!placed && !use.exceptedIn(region.region(), region.zone())) {
                    assertTrue(problems.stream().anyMatch(p -> p.field().equals(use.domain())
                            && p.finding().problem().contains("runs in " + region.region())), use + " " + region);
                }
            }
        }
    }

    @Provide
    Arbitrary<List<DomainUse>> declarations() {
        var one = Arbitraries.of("platform", "eu", "us").flatMap(d -> Arbitraries.subsetOf("us", "gdpr", "us-east-1", "eu-central-1")
                .map(except -> use(d, Map.of(DataStore.DATABASE, StoreAccess.READ), Map.of(), except.toArray(String[]::new))));
        return one.list().ofMinSize(1).ofMaxSize(3).uniqueElements(DomainUse::domain);
    }
}
