package io.acgs2.stacks.config;

import io.acgs2.components.mesh.TrafficPolicy;
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

/** The services and mesh CA sections: the shipped services, and bad ones named by file, key and fix before anything is registered. */
class ServicesSectionTest {

    @Test
    void theShippedServicesKeepTheFailoverTarget(@TempDir Path tmp) {
        var fleet = FleetLoader.load(shippedProject(tmp));
        ServicesSection.Config services = fleet.settings().section(ServicesSection.SECTION);
        assertEquals(Set.of("claude-flow", "neural-mcp"), services.apps().keySet());
        assertEquals(30, services.failoverTargetSeconds());
        assertEquals(List.of("us-east-1"), services.apps().get("neural-mcp").gpuRegions());
        assertEquals(9.0, services.apps().get("claude-flow").traffic().failoverBoundSeconds());
        assertEquals(24.0, services.apps().get("neural-mcp").traffic().failoverBoundSeconds());
        assertEquals(TrafficPolicy.FAILOVER, services.apps().get("claude-flow").traffic().locality());
        assertEquals("generated", fleet.settings().section(MeshCaSection.SECTION).root());
    }

    @Test
    void imagesCarryADigestUnlessTagsAreAcceptedOnPurpose(@TempDir Path tmp) {
        var dir = shippedProject(tmp);
        var digest = "a".repeat(64);
        // the default (no imagePinning): a tag alone is refused, a digest (with or without its tag) is taken
        write(dir, "Pulumi.yaml", read(dir, "Pulumi.yaml")
                .replace("      imagePinning: tag\n", "")
                .replace("image: ghcr.io/acgs2/neural-mcp:1.8.0", "image: ghcr.io/acgs2/neural-mcp:1.8.0@sha256:" + digest));
        var e = assertThrows(ConfigException.class, () -> FleetLoader.load(dir));
        assertEquals(List.of("Pulumi.yaml: acgs2-infra:services.apps.claude-flow.image: 'ghcr.io/acgs2/claude-flow:2.4.1' is pinned "
                + "by a tag only, which its registry can move to another image. Fix: append the digest the tag names now (crane digest "
                + "ghcr.io/acgs2/claude-flow:2.4.1): ghcr.io/acgs2/claude-flow:2.4.1@sha256:<digest>; or set "
                + "acgs2-infra:services.imagePinning: tag to accept tags"), e.problems());
        write(dir, "Pulumi.yaml", read(dir, "Pulumi.yaml")
                .replace("image: ghcr.io/acgs2/claude-flow:2.4.1", "image: registry.internal:5000/acgs2/claude-flow@sha256:" + digest));
        var apps = FleetLoader.load(dir).settings().section(ServicesSection.SECTION).apps();
        assertEquals("registry.internal:5000/acgs2/claude-flow@sha256:" + digest, apps.get("claude-flow").image());
        assertEquals("ghcr.io/acgs2/neural-mcp:1.8.0@sha256:" + digest, apps.get("neural-mcp").image());
        // a value other than digest or tag names the key
        write(dir, "Pulumi.yaml", read(dir, "Pulumi.yaml").replace("      failoverTargetSeconds: 30\n",
                "      failoverTargetSeconds: 30\n      imagePinning: loose\n"));
        var bad = assertThrows(ConfigException.class, () -> FleetLoader.load(dir));
        assertTrue(String.join("\n", bad.problems()).contains("acgs2-infra:services.imagePinning: is 'loose'. Fix: use digest (the default) or tag"),
                String.join("\n", bad.problems()));
    }

    @Test
    void badServicesAreRejectedNamingFileKeyAndFix(@TempDir Path tmp) {
        var dir = shippedProject(tmp);
        write(dir, "Pulumi.yaml", read(dir, "Pulumi.yaml")
                .replace("image: ghcr.io/acgs2/claude-flow:2.4.1", "image: ghcr.io/acgs2/claude-flow:latest")
                .replace("          traffic:\n            perTryTimeoutMillis: 8000\n",
                        "          traffic:\n            perTryTimeoutMillis: 12000\n            locality: distribute\n"
                                + "            distributeTo: {us-east-1: [eu-west-1]}\n")
                .replace("timeoutMillis: 30000", "timeoutMillis: 40000")
                .replace("            regions: [us-east-1]\n", "            regions: [eu-west-1]\n")
                .replace("      failoverTargetSeconds: 30\n", "      failoverTargetSeconds: 30\n      jwt:\n        issuer: https://id.example\n"
                        + "        jwksUri: http://id.example/jwks\n"));
        var e = assertThrows(ConfigException.class, () -> FleetLoader.load(dir));
        var problems = String.join("\n", e.problems());
        for (var expected : List.of(
                "Pulumi.yaml: acgs2-infra:services.apps.claude-flow.image: 'ghcr.io/acgs2/claude-flow:latest' is not pinned. Fix: give "
                        + "a version tag other than latest, or @sha256:<digest>",
                "Pulumi.yaml: acgs2-infra:services.apps.neural-mcp.traffic: the failover bound is 36 s (3 × max(1000 ms connect, "
                        + "12000 ms per try)), over the 30 s target",
                "Pulumi.eu-west-1.yaml: acgs2-infra:eks.nodeGroups: service neural-mcp runs on GPUs in eu-west-1 but the region has "
                        + "no GPU node group",
                "Pulumi.yaml: acgs2-infra:services.jwt.jwksUri: 'http://id.example/jwks' is not an https URL",
                "Pulumi.yaml: acgs2-infra:services.apps.neural-mcp.traffic.distributeTo.us-east-1: sends a share of us-east-1's "
                        + "traffic (zone us) to eu-west-1 (zone gdpr), where the residency policy refuses the other zone's tenants")) {
            assertTrue(problems.contains(expected), "missing: " + expected + "\n" + problems);
        }
    }

    @Test
    void aProvidedRootNeedsEachRegionsIntermediateAsSecretConfig(@TempDir Path tmp) {
        var dir = shippedProject(tmp);
        write(dir, "Pulumi.yaml", read(dir, "Pulumi.yaml").replace("      root: generated\n", "      root: provided\n"));
        write(dir, "Pulumi.eu-west-1.yaml", read(dir, "Pulumi.eu-west-1.yaml")
                + "  acgs2-infra:meshIntermediate:\n    secure: v1:AAAAciphertext\n");
        var e = assertThrows(ConfigException.class, () -> FleetLoader.load(dir));
        var problems = String.join("\n", e.problems());
        assertTrue(problems.contains("Pulumi.us-east-1.yaml: acgs2-infra:meshIntermediate: is missing, and acgs2-infra:meshCa.root "
                + "is provided"), problems);
        assertTrue(e.problems().stream().noneMatch(p -> p.startsWith("Pulumi.eu-west-1.yaml")), problems);
    }
}
