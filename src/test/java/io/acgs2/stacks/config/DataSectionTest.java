package io.acgs2.stacks.config;

import io.acgs2.components.data.DataStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.acgs2.testing.Fixtures.read;
import static io.acgs2.testing.Fixtures.shippedProject;
import static io.acgs2.testing.Fixtures.stackFile;
import static io.acgs2.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data section on the shipped fleet: placements, warnings, and bad domains named by file, key and fix. */
class DataSectionTest {

    @Test
    void theShippedDomainsArePlacedAndTheSingleRegionOnesWarn(@TempDir Path tmp) {
        var fleet = FleetLoader.load(shippedProject(tmp));
        var p = fleet.placements();
        assertEquals(Set.of("platform", "us-tenants", "gdpr-tenants"), p.keySet());
        assertEquals(List.of("us-east-1", "eu-west-1"), p.get("platform").regions());
        assertEquals(List.of("us-east-1"), p.get("us-tenants").regions());
        assertEquals(List.of("eu-west-1"), p.get("gdpr-tenants").regions());
        assertEquals(Set.of(DataStore.DATABASE, DataStore.BUCKET), p.get("gdpr-tenants").domain().stores());
        assertEquals(2, fleet.warnings().size(), fleet.warnings().toString());
        assertTrue(fleet.warnings().contains("domain gdpr-tenants lives only in eu-west-1 and has no cross-region copy: add a "
                + "second gdpr region for disaster recovery of domain gdpr-tenants"), fleet.warnings().toString());
        assertEquals(List.of("eu-west-1"), fleet.domainsIn("eu-west-1").stream().filter(d -> d.domain().zone().equals("gdpr"))
                .flatMap(d -> d.regions().stream()).toList());
    }

    @Test
    void aSecondEuRegionJoinsTheGdprDomainByDefaultAndSilencesItsWarning(@TempDir Path tmp) {
        var dir = write(shippedProject(tmp), "Pulumi.eu-central-1.yaml", stackFile("eu-central-1", "gdpr", 2, "10.30.0.0/16"));
        var fleet = FleetLoader.load(dir);
        assertEquals(List.of("eu-west-1", "eu-central-1"), fleet.placements().get("gdpr-tenants").regions());
        assertEquals("eu-west-1", fleet.placements().get("gdpr-tenants").owner());
        assertTrue(fleet.warnings().stream().noneMatch(w -> w.contains("gdpr-tenants")), fleet.warnings().toString());
    }

    @Test
    void badDomainsAreRejectedNamingFileKeyAndFix(@TempDir Path tmp) {
        var dir = shippedProject(tmp);
        write(dir, "Pulumi.yaml", read(dir, "Pulumi.yaml")
                .replace("          zone: gdpr\n          writer: eu-west-1\n", "          zone: gdpr\n          writer: eu-west-1\n"
                        + "          replicas: [us-east-1]\n")
                .replace("        us-tenants:\n          zone: us\n          writer: us-east-1\n",
                        "        us-tenants:\n          zone: us\n          writer: eu-west-1\n")
                .replace("          stores: [database, cache, bucket]\n        us-tenants:",
                        "          stores: [database, queue]\n        us-tenants:"));
        var e = assertThrows(ConfigException.class, () -> FleetLoader.load(dir));
        var problems = String.join("\n", e.problems());
        for (var expected : List.of(
                "Pulumi.yaml: acgs2-infra:data.domains.gdpr-tenants.replicas: us-east-1 is outside zone gdpr (restricted: its data "
                        + "never leaves [eu-west-1, eu-west-3, eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2]). "
                        + "Fix: remove it; a domain of another zone needs a domain of its own",
                "Pulumi.yaml: acgs2-infra:data.domains.us-tenants.writer: eu-west-1 is not in zone us. Fix: pick a writer region of zone us",
                "Pulumi.yaml: acgs2-infra:data.domains.platform.stores: 'queue' is not a store. Fix: use some of: database, cache, bucket")) {
            assertTrue(problems.contains(expected), "missing\n  " + expected + "\nin\n" + problems);
        }
    }

    @Test
    void alarmThresholdsAreConfigurableAndMustIncrease(@TempDir Path tmp) {
        var dir = shippedProject(tmp);
        var base = read(dir, "Pulumi.yaml");
        write(dir, "Pulumi.yaml", base.replace("  data:\n    value:\n", "  data:\n    value:\n      alarms:\n        warningSeconds: 20\n"
                + "        criticalSeconds: 45\n"));
        var data = FleetLoader.load(dir).settings().data();
        assertEquals(java.util.Optional.of(20), data.warningSeconds());
        assertEquals(java.util.Optional.of(45), data.criticalSeconds());

        write(dir, "Pulumi.yaml", base.replace("  data:\n    value:\n", "  data:\n    value:\n      alarms:\n        warningSeconds: 90\n"));
        var e = assertThrows(ConfigException.class, () -> FleetLoader.load(dir));
        assertTrue(e.problems().contains("Pulumi.yaml: acgs2-infra:data.alarms: warning 90 s and critical 60 s are not increasing. "
                + "Fix: set 0 < warningSeconds < criticalSeconds (the guides: 30 and 60)"), String.join("\n", e.problems()));
    }
}
