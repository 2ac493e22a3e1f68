package io.acgs2.stacks.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static io.acgs2.testing.Fixtures.PROJECT;
import static io.acgs2.testing.Fixtures.shippedProject;
import static io.acgs2.testing.Fixtures.stackFile;
import static io.acgs2.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The section registry: the allowed keys come from it, each key lives in one file, the README documents each. */
class ConfigSectionsTest {

    @Test
    void theAllowedKeysAreTheRegisteredSections() {
        assertEquals(Set.of("aws:region", "acgs2-infra:zone", "acgs2-infra:fleet", "acgs2-infra:network", "acgs2-infra:mesh",
                "acgs2-infra:eks", "acgs2-infra:meshIntermediate", "acgs2-infra:kafka", "acgs2-infra:drain", "acgs2-infra:paging",
                "acgs2-infra:pagingEndpoints"), ConfigSections.stackKeys());
        assertEquals(Set.of("acgs2-infra:zones", "acgs2-infra:tenants", "acgs2-infra:tags", "acgs2-infra:meshId",
                "acgs2-infra:organization", "acgs2-infra:eksDefaults", "acgs2-infra:data", "acgs2-infra:meshCa",
                "acgs2-infra:services", "acgs2-infra:events", "acgs2-infra:ci", "acgs2-infra:traffic", "acgs2-infra:operations"),
                ConfigSections.projectKeys());
        var all = new HashSet<String>();
        ConfigSections.PROJECT.forEach(s -> assertTrue(all.add(s.key()), s.key() + " registered twice"));
        ConfigSections.STACK.forEach(s -> assertTrue(all.add(s.key()), s.key() + " registered twice"));
        ConfigSections.PROJECT.forEach(s -> assertEquals(ConfigSection.Scope.PROJECT, s.scope(), s.key()));
        ConfigSections.STACK.forEach(s -> assertEquals(ConfigSection.Scope.STACK, s.scope(), s.key()));
    }

    @Test
    void anUnregisteredKeyIsRejectedListingTheRegisteredOnes(@TempDir Path tmp) {
        var dir = write(shippedProject(tmp), "Pulumi.us-west-2.yaml", stackFile("us-west-2", "us", 2, "10.40.0.0/16")
                + "  acgs2-infra:route53:\n    zone: x\n");
        var e = assertThrows(ConfigException.class, () -> FleetLoader.load(dir));
        assertTrue(e.problems().contains("Pulumi.us-west-2.yaml: acgs2-infra:route53: unknown setting. Fix: remove it or use one of "
                + ConfigSections.stackKeys().stream().sorted().toList()), String.join("\n", e.problems()));
    }

    @Test
    void aStackKeyInPulumiYamlIsSentToTheStackFiles(@TempDir Path tmp) throws Exception {
        var dir = shippedProject(tmp);
        Files.writeString(dir.resolve("Pulumi.yaml"), Files.readString(dir.resolve("Pulumi.yaml"))
                + "  acgs2-infra:mesh:\n    value:\n      network: shared\n");
        var e = assertThrows(ConfigException.class, () -> FleetLoader.load(dir));
        assertTrue(e.problems().contains("Pulumi.yaml: acgs2-infra:mesh: is not a project-wide setting. "
                + "Fix: move it to the stack files (it differs per region)"), String.join("\n", e.problems()));
    }

    @Test
    void theReadmeConfigReferenceDocumentsEveryRegisteredKey() throws Exception {
        var readme = Files.readString(PROJECT.resolve("README.md"));
        for (var s : ConfigSections.PROJECT) {
            var bare = s.key().substring(s.key().indexOf(':') + 1);
            assertTrue(readme.contains("| `" + bare + "`"), "README.md does not document project key " + s.key());
        }
        for (var s : ConfigSections.STACK) {
            assertTrue(readme.contains("| `" + s.key()), "README.md does not document stack key " + s.key());
        }
    }
}
