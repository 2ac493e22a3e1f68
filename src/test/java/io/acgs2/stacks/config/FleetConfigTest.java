package io.acgs2.stacks.config;

import io.acgs2.components.network.NatStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.acgs2.testing.Fixtures.read;
import static io.acgs2.testing.Fixtures.shippedProject;
import static io.acgs2.testing.Fixtures.stackFile;
import static io.acgs2.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetConfigTest {

    @Test
    void theShippedFleetLoads(@TempDir Path tmp) {
        var fleet = FleetLoader.load(shippedProject(tmp));
        assertEquals(2, fleet.regions().size());
        var us = fleet.requireStack("us-east-1");
        assertTrue(us.founding());
        assertEquals(0, us.joinOrder());
        assertEquals(3, us.azCount());
        assertEquals(java.util.Optional.of(NatStrategy.ONE_PER_AZ), us.network().natStrategy());
        assertEquals("gdpr", fleet.requireStack("eu-west-1").zone());
        assertTrue(fleet.settings().zones().get("gdpr").restricted());
        assertEquals("acgs2-mesh", fleet.settings().meshId());
    }

    @Test
    void unsetNetworkKeysStayUnsetSoTheArgsApplyTheirDefaults(@TempDir Path tmp) {
        var dir = write(shippedProject(tmp), "Pulumi.us-west-2.yaml", stackFile("us-west-2", "us", 2, "10.40.0.0/16"));
        var r = FleetLoader.load(dir).requireStack("us-west-2");
        assertTrue(r.network().azCount().isEmpty());
        assertTrue(r.network().natStrategy().isEmpty());
        assertEquals(io.acgs2.components.network.RegionalNetworkArgs.DEFAULT_AZ_COUNT, r.azCount(), "the effective count is the args' default");
        assertEquals("network-us-west-2", r.meshNetwork());
        assertTrue(r.network().secondaryCidrs().isEmpty());
    }

    static Stream<Arguments> badConfigurations() {
        return Stream.of(
                bad("a CIDR overlapping another region's is CRITICAL",
                        d -> write(d, "Pulumi.us-west-2.yaml", stackFile("us-west-2", "us", 2, "10.10.128.0/17")),
                        "Pulumi.us-west-2.yaml: acgs2-infra:network: CRITICAL: CIDR 10.10.128.0/17 overlaps 10.10.0.0/16 of "
                                + "Pulumi.us-east-1.yaml. Fix: give every region disjoint CIDRs, e.g. 10.0.0.0/16"),
                bad("a secondary CIDR overlapping another region's",
                        d -> write(d, "Pulumi.us-west-2.yaml", stackFile("us-west-2", "us", 2, "10.40.0.0/16")
                                + "    secondaryCidrs: [10.20.0.0/20]\n"),
                        "Pulumi.us-west-2.yaml: acgs2-infra:network: CRITICAL: CIDR 10.20.0.0/20 overlaps 10.20.0.0/16 of "
                                + "Pulumi.eu-west-1.yaml. Fix: give every region disjoint CIDRs, e.g. 10.0.0.0/16"),
                bad("a second founding region",
                        d -> write(d, "Pulumi.us-west-2.yaml", stackFile("us-west-2", "us", 2, "10.40.0.0/16")
                                .replace("    joinOrder: 2", "    founding: true\n    joinOrder: 2")),
                        "Pulumi.us-west-2.yaml: acgs2-infra:fleet.founding: the fleet already has founding region us-east-1. "
                                + "Fix: remove founding: true here; only Pulumi.us-east-1.yaml keeps it"),
                bad("no founding region",
                        d -> write(d, "Pulumi.us-east-1.yaml", read(d, "Pulumi.us-east-1.yaml").replace("founding: true", "founding: false")),
                        "Pulumi.<stack>.yaml: acgs2-infra:fleet.founding: no region is the founding region. "
                                + "Fix: set founding: true in exactly one stack file (the first region deployed)"),
                bad("a duplicate join order",
                        d -> write(d, "Pulumi.us-west-2.yaml", stackFile("us-west-2", "us", 1, "10.40.0.0/16")),
                        "acgs2-infra:fleet.joinOrder: joinOrder 1 is already used by "),
                bad("a region its zone does not allow",
                        d -> write(d, "Pulumi.us-west-2.yaml", stackFile("us-west-2", "gdpr", 2, "10.40.0.0/16")),
                        "Pulumi.us-west-2.yaml: acgs2-infra:zone: zone 'gdpr' does not allow region us-west-2. Fix: pick the "
                                + "zone that allows us-west-2 or add the region to acgs2-infra:zones.gdpr.regions (only if the "
                                + "law of that zone allows it)"),
                bad("an unknown zone",
                        d -> write(d, "Pulumi.us-west-2.yaml", stackFile("us-west-2", "mars", 2, "10.40.0.0/16")),
                        "Pulumi.us-west-2.yaml: acgs2-infra:zone: zone 'mars' is not defined in Pulumi.yaml. Fix: use one of "
                                + "[gdpr, pipl, us] or add the zone under acgs2-infra:zones"),
                bad("a CIDR that is not a CIDR",
                        d -> write(d, "Pulumi.us-west-2.yaml", stackFile("us-west-2", "us", 2, "10.300.0.0/16")),
                        "Pulumi.us-west-2.yaml: acgs2-infra:network.vpcCidr: '10.300.0.0/16' is not an IPv4 CIDR block. "
                                + "Fix: write it as a.b.c.d/n with no host bits set, e.g. 10.30.0.0/16"),
                bad("a VPC too large for AWS",
                        d -> write(d, "Pulumi.us-west-2.yaml", stackFile("us-west-2", "us", 2, "10.0.0.0/8")),
                        "Pulumi.us-west-2.yaml: acgs2-infra:network.vpcCidr: /8 is outside /16 to /20. Fix: use a /16"),
                bad("a NAT strategy that does not exist",
                        d -> write(d, "Pulumi.us-west-2.yaml", stackFile("us-west-2", "us", 2, "10.40.0.0/16")
                                + "    natStrategy: per-region\n"),
                        "Pulumi.us-west-2.yaml: acgs2-infra:network.natStrategy: 'per-region' is not a NAT strategy. "
                                + "Fix: use one of: none, single, one-per-az"),
                bad("an AZ count out of range",
                        d -> write(d, "Pulumi.us-west-2.yaml", stackFile("us-west-2", "us", 2, "10.40.0.0/16") + "    azCount: 12\n"),
                        "Pulumi.us-west-2.yaml: acgs2-infra:network.azCount: '12' is not a whole number from 1 to 8. "
                                + "Fix: use 3 (the default) or the number of AZs the region has"),
                bad("a misspelt setting",
                        d -> write(d, "Pulumi.us-west-2.yaml", stackFile("us-west-2", "us", 2, "10.40.0.0/16") + "    natStrategey: single\n"),
                        "Pulumi.us-west-2.yaml: acgs2-infra:network.natStrategey: unknown setting. Fix: remove it or use one of "
                                + "[availabilityZones, azCount, natStrategy, secondaryCidrs, vpcCidr]"),
                bad("pinned AZs that do not match the count",
                        d -> write(d, "Pulumi.us-west-2.yaml", stackFile("us-west-2", "us", 2, "10.40.0.0/16")
                                + "    availabilityZones: [us-west-2a, us-west-2b]\n"),
                        "Pulumi.us-west-2.yaml: acgs2-infra:network.availabilityZones: lists 2 AZs but azCount is 3. Fix: list "
                                + "exactly azCount AZs, or remove the list to use the region's first 3"),
                bad("a pinned AZ of another region",
                        d -> write(d, "Pulumi.us-west-2.yaml", stackFile("us-west-2", "us", 2, "10.40.0.0/16")
                                + "    availabilityZones: [us-west-2a, us-west-2b, us-east-1c]\n"),
                        "Pulumi.us-west-2.yaml: acgs2-infra:network.availabilityZones: 'us-east-1c' is not an AZ of us-west-2. "
                                + "Fix: use names such as us-west-2a"),
                bad("a missing region",
                        d -> write(d, "Pulumi.us-west-2.yaml", stackFile("us-west-2", "us", 2, "10.40.0.0/16")
                                .replace("  aws:region: us-west-2\n", "")),
                        "Pulumi.us-west-2.yaml: aws:region: is missing. Fix: set the stack's AWS region, e.g. aws:region: us-west-2"),
                bad("a missing network block",
                        d -> write(d, "Pulumi.us-west-2.yaml", "config:\n  aws:region: us-west-2\n  acgs2-infra:zone: us\n"
                                + "  acgs2-infra:fleet:\n    joinOrder: 2\n"),
                        "Pulumi.us-west-2.yaml: acgs2-infra:network: is missing. Fix: add acgs2-infra:network: {vpcCidr: 10.N.0.0/16}"),
                bad("a duplicate mesh network name",
                        d -> write(d, "Pulumi.us-west-2.yaml", stackFile("us-west-2", "us", 2, "10.40.0.0/16")
                                + "  acgs2-infra:mesh:\n    network: network-us-east-1\n"),
                        "Pulumi.us-west-2.yaml: acgs2-infra:mesh.network: mesh network 'network-us-east-1' is already used by "
                                + "Pulumi.us-east-1.yaml. Fix: give each region its own network name, e.g. network-us-west-2"),
                bad("two stacks for one region",
                        d -> write(d, "Pulumi.prod-us-east-1.yaml", stackFile("us-east-1", "us", 2, "10.40.0.0/16")
                                + "  acgs2-infra:mesh:\n    network: network-prod\n"),
                        "acgs2-infra:region: region us-east-1 is already served by ".replace("acgs2-infra:region", "aws:region")),
                bad("a tenant homed outside the fleet",
                        d -> write(d, "Pulumi.yaml", read(d, "Pulumi.yaml").replace("homeRegion: eu-west-1", "homeRegion: eu-central-1")),
                        "Pulumi.yaml: acgs2-infra:tenants.nordbank.homeRegion: home region eu-central-1 has no stack file. Fix: "
                                + "use one of [eu-west-1, us-east-1] or add Pulumi.eu-central-1.yaml"),
                bad("a tenant homed outside its zone",
                        d -> write(d, "Pulumi.yaml", read(d, "Pulumi.yaml").replace("homeRegion: eu-west-1", "homeRegion: us-east-1")),
                        "Pulumi.yaml: acgs2-infra:tenants.nordbank.homeRegion: home region us-east-1 is in zone 'us', not the "
                                + "tenant's zone 'gdpr'. Fix: pick a home region of zone 'gdpr'"),
                bad("a tenant zone with no region in the fleet",
                        d -> write(d, "Pulumi.yaml", read(d, "Pulumi.yaml").replace("      nordbank:\n        zone: gdpr\n"
                                + "        homeRegion: eu-west-1\n", "      nordbank:\n        zone: gdpr\n        homeRegion: eu-west-1\n"
                                + "      shenzhen-grid:\n        zone: pipl\n        homeRegion: cn-north-1\n")),
                        "Pulumi.yaml: acgs2-infra:zones.pipl: tenants live in zone 'pipl' but no stack file serves it. "
                                + "Fix: add a stack file for one of [cn-north-1, cn-northwest-1]"),
                bad("a project-wide setting in a stack file",
                        d -> write(d, "Pulumi.us-west-2.yaml", stackFile("us-west-2", "us", 2, "10.40.0.0/16") + "  acgs2-infra:meshId: other\n"),
                        "Pulumi.us-west-2.yaml: acgs2-infra:meshId: is project-wide and may not differ per stack. "
                                + "Fix: move it to the config: block of Pulumi.yaml"),
                bad("a reserved tag key",
                        d -> write(d, "Pulumi.yaml", read(d, "Pulumi.yaml").replace("      owner: platform-team", "      zone: everywhere")),
                        "Pulumi.yaml: acgs2-infra:tags.zone: tag key 'zone' is reserved. Fix: rename it; the program sets "
                                + "[Name, project, region, stack, zone] itself"),
                bad("broken YAML",
                        d -> write(d, "Pulumi.us-west-2.yaml", "config:\n  aws:region: [unclosed\n"),
                        "Pulumi.us-west-2.yaml: (file): is not valid YAML"));
    }

    private static Arguments bad(String what, Consumer<Path> change, String expected) {
        return Arguments.of(what, change, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigurations")
    void aBadConfigurationIsRejectedNamingFileKeyAndFix(String what, Consumer<Path> change, String expected,
                                                         @TempDir Path tmp) {
        var dir = shippedProject(tmp);
        change.accept(dir);
        var e = assertThrows(ConfigException.class, () -> FleetLoader.load(dir));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith(expected) || p.contains(expected)),
                "expected a problem starting with\n  " + expected + "\ngot\n  " + String.join("\n  ", e.problems()));
    }

    @Test
    void everyProblemIsReportedAtOnce(@TempDir Path tmp) {
        var dir = write(shippedProject(tmp), "Pulumi.us-west-2.yaml", stackFile("us-west-2", "gdpr", 1, "10.10.0.0/16")
                + "    natStrategy: sometimes\n");
        var e = assertThrows(ConfigException.class, () -> FleetLoader.load(dir));
        // two problems of the stack itself (zone, NAT) and two of the fleet (join order, CIDR overlap)
        assertEquals(4, e.problems().size(), String.join("\n", e.problems()));
        assertTrue(e.getMessage().contains("4 problems"));
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("joinOrder 1 is already used by Pulumi.eu-west-1.yaml")));
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("CRITICAL: CIDR 10.10.0.0/16 overlaps")));
        assertFalse(e.problems().stream().anyMatch(p -> !p.contains("Fix: ")), "every problem says how to fix it");
    }
}
