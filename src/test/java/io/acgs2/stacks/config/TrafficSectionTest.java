package io.acgs2.stacks.config;

import io.acgs2.components.traffic.FrontDoorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.acgs2.testing.Fixtures.read;
import static io.acgs2.testing.Fixtures.shippedProject;
import static io.acgs2.testing.Fixtures.stackFile;
import static io.acgs2.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The traffic section and the drain switch: the shipped front door, and bad ones named by file, key and fix before anything plans. */
class TrafficSectionTest {

    @Test
    void theShippedFrontDoorTakesTheGuidesDefaults(@TempDir Path tmp) {
        var fleet = FleetLoader.load(shippedProject(tmp));
        Optional<FrontDoorSettings> traffic = fleet.settings().section(TrafficSection.SECTION);
        var f = traffic.orElseThrow();
        assertEquals(Map.of("us", "api.acgs2.example.com", "gdpr", "eu.api.acgs2.example.com"), f.hostnames());
        assertEquals("/health", f.healthCheck().path());
        assertEquals(443, f.healthCheck().port());
        assertEquals(30, f.healthCheck().intervalSeconds());
        assertEquals(3, f.healthCheck().failureThreshold());
        assertEquals("claude-flow", f.healthCheck().service());
        assertEquals(Map.of("/claude-flow/", "claude-flow", "/neural-mcp/", "neural-mcp"), f.routes(), "every shared service by default");
        assertTrue(f.hostedZone().create());
        assertTrue(f.ipv6());
        fleet.regions().forEach(r -> assertEquals(false, r.section(DrainSection.SECTION)));
    }

    static List<String> problems(Path dir) {
        return assertThrows(ConfigException.class, () -> FleetLoader.load(dir)).problems();
    }

    @Test
    void badSettingsAreNamedWithTheirFixBeforeAnythingPlans(@TempDir Path tmp) {
        var dir = shippedProject(tmp);
        write(dir, "Pulumi.yaml", read(dir, "Pulumi.yaml")
                .replace("        gdpr: eu.api.acgs2.example.com\n", "        gdpr: eu.api.other.example.org\n")
                .replace("        service: claude-flow\n", "        service: claude-flow\n        intervalSeconds: 20\n"
                        + "      tlsPolicy: ELBSecurityPolicy-TLS13-1-3-2021-06\n"));
        assertEquals(List.of(
                "Pulumi.yaml: acgs2-infra:traffic.hostnames.gdpr: 'eu.api.other.example.org' is not in the hosted zone acgs2.example.com. "
                        + "Fix: use a name under acgs2.example.com",
                "Pulumi.yaml: acgs2-infra:traffic.healthCheck.intervalSeconds: 20 is not a Route 53 request interval. "
                        + "Fix: use 30 (standard) or 10 (fast, billed extra)",
                "Pulumi.yaml: acgs2-infra:traffic.tlsPolicy: 'ELBSecurityPolicy-TLS13-1-3-2021-06' is not a TLS 1.2+ policy the health "
                        + "checkers can also use. Fix: use one of " + io.acgs2.components.traffic.TlsPolicies.ALLOWED), problems(dir));
    }

    @Test
    void aBoundOverTheTargetAZoneWithoutAHostnameAndAnUnknownServiceAreRefused(@TempDir Path tmp) {
        var dir = shippedProject(tmp);
        write(dir, "Pulumi.yaml", read(dir, "Pulumi.yaml")
                .replace("        gdpr: eu.api.acgs2.example.com\n", "")
                .replace("        service: claude-flow\n", "        service: claude-fl0w\n        failureThreshold: 10\n"));
        var found = String.join("\n", problems(dir));
        assertTrue(found.contains("Pulumi.yaml: acgs2-infra:traffic.healthCheck: the DNS failover bound is 390 s (30 s x (10 + 1) + 60 s "
                + "alias TTL), over failoverTargetSeconds 300. Fix: lower intervalSeconds (10) or failureThreshold, or raise "
                + "failoverTargetSeconds"), found);
        assertTrue(found.contains("Pulumi.yaml: acgs2-infra:traffic.hostnames.gdpr: zone gdpr has region eu-west-1 but no hostname. "
                + "Fix: give it one, e.g. gdpr.api.acgs2.example.com"), found);
        assertTrue(found.contains("Pulumi.yaml: acgs2-infra:traffic.healthCheck.service: 'claude-fl0w' is not a service. "
                + "Fix: use one of [claude-flow, neural-mcp]"), found);
    }

    @Test
    void aRegionOfAnotherPartitionIsRefusedNamingTheWayOut(@TempDir Path tmp) {
        var dir = write(shippedProject(tmp), "Pulumi.cn-north-1.yaml", stackFile("cn-north-1", "pipl", 2, "10.50.0.0/16"));
        var found = problems(dir);
        assertTrue(found.contains("Pulumi.cn-north-1.yaml: aws:region: region cn-north-1 is in partition aws-cn, which the front door "
                + "does not serve yet (Route 53 records and health checks cannot cross partitions, and a public endpoint in China "
                + "needs an ICP-recorded domain). Fix: remove acgs2-infra:traffic from Pulumi.yaml, or deploy this region as a fleet "
                + "of its own partition"), String.join("\n", found));
    }

    @Test
    void drainIsABooleanOfTheStackFile(@TempDir Path tmp) {
        var dir = shippedProject(tmp);
        write(dir, "Pulumi.eu-west-1.yaml", read(dir, "Pulumi.eu-west-1.yaml") + "  acgs2-infra:drain: maybe\n");
        assertEquals(List.of("Pulumi.eu-west-1.yaml: acgs2-infra:drain: 'maybe' is not true or false. Fix: write acgs2-infra:drain: true "
                + "to take the region out of DNS, or remove it"), problems(dir));
        write(dir, "Pulumi.eu-west-1.yaml", read(dir, "Pulumi.eu-west-1.yaml").replace("maybe", "true"));
        var fleet = FleetLoader.load(dir);
        assertEquals(true, fleet.regions().stream().filter(r -> r.region().equals("eu-west-1")).findFirst().orElseThrow()
                .section(DrainSection.SECTION));
    }
}
