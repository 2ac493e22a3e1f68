package io.acgs2.stacks.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.acgs2.testing.Fixtures.read;
import static io.acgs2.testing.Fixtures.shippedProject;
import static io.acgs2.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The events and kafka sections: the shipped topics, and bad ones named by file, key and fix before anything is registered. */
class EventsSectionTest {

    @Test
    void theShippedTopicsAreBoundToDomains(@TempDir Path tmp) {
        var fleet = FleetLoader.load(shippedProject(tmp));
        EventsSection.Config events = fleet.settings().section(EventsSection.SECTION);
        assertEquals(Set.of("acgs.agent.messages", "acgs.agent.events", "acgs.audit.events"), events.topics().keySet());
        assertEquals("gdpr-tenants", events.topics().get("acgs.audit.events").domain());
        assertEquals(3, events.sizing().brokers());
    }

    @Test
    void badTopicsAreRejectedNamingFileKeyAndFix(@TempDir Path tmp) {
        var dir = shippedProject(tmp);
        write(dir, "Pulumi.yaml", read(dir, "Pulumi.yaml")
                .replace("        acgs.agent.events:\n          domain: platform\n", "        acgs.agent.events:\n          domain: telemetry\n")
                .replace("      controllers: 3\n", "      controllers: 2\n"));
        write(dir, "Pulumi.us-east-1.yaml", read(dir, "Pulumi.us-east-1.yaml")
                + "  acgs2-infra:kafka:\n    brokers: 5\n    topics:\n      acgs.eu.local:\n        domain: gdpr-tenants\n");
        var e = assertThrows(ConfigException.class, () -> FleetLoader.load(dir));
        var problems = String.join("\n", e.problems());
        for (var expected : List.of(
                "Pulumi.yaml: acgs2-infra:events.topics.acgs.agent.events.domain: 'telemetry' is not a data domain. Fix: use one of "
                        + "[gdpr-tenants, platform, us-tenants], or add it to acgs2-infra:data.domains",
                "Pulumi.yaml: acgs2-infra:events.controllers: is 2. Fix: use an odd quorum, 3 or 5, or 0 for dual-role nodes",
                "Pulumi.us-east-1.yaml: acgs2-infra:kafka.topics.acgs.eu.local.domain: domain gdpr-tenants has no region here (it lives "
                        + "in [eu-west-1])")) {
            assertTrue(problems.contains(expected), "missing: " + expected + "\n" + problems);
        }
    }
}
