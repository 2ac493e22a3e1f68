package io.acgs2.components.data;

import io.acgs2.components.common.FieldFinding;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainPlacementTest {

    static final Map<String, DomainPlacement.Zone> ZONES = Map.of(
            "us", new DomainPlacement.Zone("us", List.of("us-east-1", "us-east-2", "us-west-2"), false),
            "gdpr", new DomainPlacement.Zone("gdpr", List.of("eu-west-1", "eu-central-1"), true),
            "pipl", new DomainPlacement.Zone("pipl", List.of("cn-north-1"), true));

    static final List<DomainPlacement.Region> SHIPPED = List.of(
            new DomainPlacement.Region("us-east-1", "us", 0, "aws"),
            new DomainPlacement.Region("eu-west-1", "gdpr", 1, "aws"));

    static DataDomain domain(String zone, String writer, List<String> replicas, DataStore... stores) {
        return new DataDomain("d", zone, writer, Optional.ofNullable(replicas),
                stores.length == 0 ? Set.of() : EnumSet.of(stores[0], stores));
    }

    @Test
    void theShippedFleetPlacesGlobalDataEverywhereAndZoneDataOnlyInItsZone() {
        var platform = DomainPlacement.place(domain("global", "us-east-1", null, DataStore.DATABASE), SHIPPED, ZONES)
                .placement().orElseThrow();
        assertEquals(List.of("us-east-1", "eu-west-1"), platform.regions());
        assertEquals("us-east-1", platform.owner());
        assertEquals(List.of("eu-west-1"), platform.secondaries());
        assertEquals(List.of(), platform.warnings());

        var gdpr = DomainPlacement.place(domain("gdpr", "eu-west-1", null, DataStore.DATABASE), SHIPPED, ZONES).placement().orElseThrow();
        assertEquals(List.of("eu-west-1"), gdpr.regions());
        assertEquals(List.of("domain d lives only in eu-west-1 and has no cross-region copy: add a second gdpr region for "
                + "disaster recovery of domain d"), gdpr.warnings());
    }

    @Test
    void theOwnerIsTheEarliestRegionWhoeverWrites() {
        var fleet = List.of(new DomainPlacement.Region("us-east-1", "us", 0, "aws"),
                new DomainPlacement.Region("us-west-2", "us", 2, "aws"), new DomainPlacement.Region("us-east-2", "us", 1, "aws"));
        for (var writer : List.of("us-east-1", "us-east-2", "us-west-2")) {
            var p = DomainPlacement.place(domain("us", writer, null, DataStore.DATABASE), fleet, ZONES).placement().orElseThrow();
            assertEquals("us-east-1", p.owner(), "ownership never moves when the writer does");
            assertEquals(List.of("us-east-1", "us-east-2", "us-west-2"), p.regions());
        }
    }

    @Test
    void everyBrokenRuleIsNamedWithItsField() {
        var fleet = new ArrayList<>(SHIPPED);
        fleet.add(new DomainPlacement.Region("cn-north-1", "pipl", 2, "aws-cn"));
        assertEquals("writer", only(domain("gdpr", "us-east-1", null), fleet).field());
        assertTrue(only(domain("gdpr", "us-east-1", null), fleet).finding().problem().contains("us-east-1 is not in zone gdpr"));
        var replica = only(domain("gdpr", "eu-west-1", List.of("us-east-1")), fleet);
        assertEquals("replicas", replica.field());
        assertTrue(replica.finding().problem().contains("restricted: its data never leaves"), replica.toString());
        assertEquals("zone", only(domain("mars", "eu-west-1", null), fleet).field());
        assertTrue(only(domain("us", "us-east-9", null), fleet).finding().problem().contains("has no stack in the fleet"));
        assertTrue(only(domain("global", "us-east-1", List.of("cn-north-1")), fleet).finding().problem()
                .contains("is in AWS partition aws-cn"));
    }

    @Test
    void aCacheHasAtMostTwoSecondaryRegionsAndTheMessageSaysHowToSplit() {
        var fleet = List.of(new DomainPlacement.Region("us-east-1", "us", 0, "aws"), new DomainPlacement.Region("us-east-2", "us", 1, "aws"),
                new DomainPlacement.Region("us-west-2", "us", 2, "aws"), new DomainPlacement.Region("eu-west-1", "gdpr", 3, "aws"));
        var tooMany = only(domain("global", "us-east-1", null, DataStore.CACHE), fleet);
        assertEquals("stores", tooMany.field());
        assertTrue(tooMany.finding().problem().contains("at most 2"), tooMany.toString());
        assertTrue(tooMany.finding().fix().contains("split the domain"), tooMany.toString());
        assertTrue(DomainPlacement.place(domain("global", "us-east-1", null, DataStore.DATABASE), fleet, ZONES).problems().isEmpty(),
                "only the cache has the limit");
    }

    @Test
    void aBucketNameMustFitS3sLimitInEveryRegionOfTheDomain() {
        var fleet = List.of(new DomainPlacement.Region("us-east-1", "us", 0, "aws"),
                new DomainPlacement.Region("ap-southeast-1", "global-ish", 1, "aws"));
        // 30 characters: acgs2-<30>-us-east-1-<12> is 60, but acgs2-<30>-ap-southeast-1-<12> is 64
        var longName = new DataDomain("customer-analytics-aggregates1", "global", "us-east-1", Optional.empty(),
                EnumSet.of(DataStore.BUCKET));
        var problem = only(longName, fleet);
        assertEquals("stores", problem.field());
        assertTrue(problem.finding().problem().contains("the bucket in ap-southeast-1 would be named "
                + "acgs2-customer-analytics-aggregates1-ap-southeast-1-<account>, longer than S3's 63 characters"), problem.toString());
        assertTrue(problem.finding().fix().contains("at most 29 characters"), problem.toString());
        var noBucket = new DataDomain("customer-analytics-aggregates1", "global", "us-east-1", Optional.empty(),
                EnumSet.of(DataStore.DATABASE));
        assertTrue(DomainPlacement.place(noBucket, fleet, ZONES).problems().isEmpty(), "only a bucket's name has the limit");
    }

    private static FieldFinding only(DataDomain d, List<DomainPlacement.Region> fleet) {
        var problems = DomainPlacement.place(d, fleet, ZONES).problems();
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    // ---- properties over random fleets ----

    @Provide
    Arbitrary<List<DomainPlacement.Region>> fleets() {
        var all = List.of(new DomainPlacement.Region("us-east-1", "us", 0, "aws"), new DomainPlacement.Region("us-east-2", "us", 0, "aws"),
                new DomainPlacement.Region("us-west-2", "us", 0, "aws"), new DomainPlacement.Region("eu-west-1", "gdpr", 0, "aws"),
                new DomainPlacement.Region("eu-central-1", "gdpr", 0, "aws"), new DomainPlacement.Region("cn-north-1", "pipl", 0, "aws-cn"));
        return Arbitraries.shuffle(all).flatMap(shuffled -> Arbitraries.integers().between(1, shuffled.size()).map(n -> {
            var fleet = new ArrayList<DomainPlacement.Region>();
            for (int i = 0; i < n; i++) {
                var r = shuffled.get(i);
                fleet.add(new DomainPlacement.Region(r.region(), r.zone(), i, r.partition()));
            }
            return fleet;
        }));
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of("us", "gdpr", "pipl", "global");
    }

    @Property
    void aPlacementStaysInItsZoneAndPartitionAndIsOwnedByItsEarliestRegion(@ForAll("fleets") List<DomainPlacement.Region> fleet,
                                                                           @ForAll("zones") String zone) {
        for (var writer : fleet) {
            var result = DomainPlacement.place(domain(zone, writer.region(), null, DataStore.DATABASE, DataStore.BUCKET), fleet, ZONES);
            var byName = new java.util.HashMap<String, DomainPlacement.Region>();
            fleet.forEach(r -> byName.put(r.region(), r));
            result.placement().ifPresent(p -> {
                assertTrue(p.regions().contains(writer.region()));
                for (var r : p.regions()) {
                    var region = byName.get(r);
                    assertEquals(writer.partition(), region.partition(), "no replication across partitions");
                    if (!zone.equals("global")) {
                        assertEquals(zone, region.zone(), "a zone's data stays in the zone");
                    }
                }
                int earliest = p.regions().stream().mapToInt(r -> byName.get(r).joinOrder()).min().orElseThrow();
                assertEquals(earliest, byName.get(p.owner()).joinOrder());
                assertEquals(p.regions().size() - 1, p.secondaries().size());
            });
            if (result.placement().isEmpty()) {
                assertTrue(!zone.equals("global") && !zone.equals(writer.zone()), "only a writer outside the zone fails: " + result);
            }
        }
    }
}
