package io.acgs2.components.random;

import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.CustomResourceOptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomPasswordTest {

    @Test
    void registersUnderTheProvidersTypeTokenWithItsInputs() {
        var plan = runInRegion("eu-west-1", r -> new RandomPassword("pw", RandomPasswordArgs.builder()
                .length(40).special(true).overrideSpecial("!#$%").minLower(2).minUpper(3).minNumeric(4).minSpecial(5)
                .keepers(Map.of("rotation", "2026-q4"))
                .build()));
        var pw = one(plan, "random:index/randomPassword:RandomPassword", "pw");
        assertEquals(40L, pw.inputs().get("length"));
        assertEquals(true, pw.inputs().get("special"));
        assertEquals("!#$%", pw.inputs().get("overrideSpecial"));
        assertEquals(2L, pw.inputs().get("minLower"));
        assertEquals(3L, pw.inputs().get("minUpper"));
        assertEquals(4L, pw.inputs().get("minNumeric"));
        assertEquals(5L, pw.inputs().get("minSpecial"));
        assertEquals(Map.of("rotation", "2026-q4"), pw.inputs().get("keepers"));
        assertTrue(pw.custom());
        // no AWS provider: the random provider's default one
        assertTrue(pw.providerUrn() == null || pw.providerUrn().contains("pulumi:providers:random"), pw.providerUrn());
    }

    @Test
    void theResultIsSecretWhereverItFlows() {
        var plan = runInRegion("eu-west-1", r -> {
            var pw = new RandomPassword("pw", RandomPasswordArgs.builder().length(24).build());
            r.ctx().export("password", pw.result());
            r.ctx().export("hash", pw.bcryptHash());
            r.ctx().export("length", pw.length());
        });
        assertEquals("[secret]", plan.outputs().get("password"));
        assertEquals("[secret]", plan.outputs().get("hash"));
        assertTrue(plan.secretOutputNames().containsAll(java.util.Set.of("password", "hash")));
        assertEquals(24, ((Number) plan.outputs().get("length")).intValue());
        assertEquals(24, String.valueOf(plan.rawOutputs().get("password")).length());
    }

    @Test
    void optionsPinThePluginAndDeclareTheSecretOutputsWithoutDroppingTheCallers() {
        var options = RandomPassword.makeResourceOptions(CustomResourceOptions.builder().protect(true).build());
        assertEquals(Optional.of(RandomPassword.PLUGIN_VERSION), options.getVersion());
        assertTrue(options.getAdditionalSecretOutputs().containsAll(RandomPassword.SECRET_OUTPUTS));
        assertTrue(options.isProtect());
        assertEquals(Optional.of("4.21.2"), RandomPassword.makeResourceOptions(null).getVersion());
    }

    @Test
    void lengthIsRequired() {
        var e = assertThrows(MissingRequiredPropertyException.class, () -> RandomPasswordArgs.builder().special(false).build());
        assertTrue(e.getMessage().contains("length"), e.getMessage());
    }

    @Test
    void pluginDiscoveryListsTheRandomPluginAtThePinnedVersion() throws Exception {
        try (var in = RandomPassword.class.getClassLoader().getResourceAsStream("com/pulumi/random/plugin.json")) {
            assertNotNull(in, "plugin.json is on the classpath");
            var manifest = json(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertEquals("random", manifest.get("name").asText());
            assertEquals(RandomPassword.PLUGIN_VERSION, manifest.get("version").asText());
            assertTrue(manifest.get("resource").asBoolean());
        }
        // what the language host runs for plugin discovery:
        // exec:java -DmainClass=com.pulumi.bootstrap.internal.Main -DmainArgs=packages
        var listing = discoveredPlugins();
        var random = new java.util.ArrayList<com.fasterxml.jackson.databind.JsonNode>();
        listing.forEach(p -> {
            if ("random".equals(p.path("name").asText())) {
                random.add(p);
            }
        });
        assertEquals(1, random.size(), "plugins: " + listing);
        assertEquals(RandomPassword.PLUGIN_VERSION, random.get(0).path("version").asText());
        assertTrue(random.get(0).path("resource").asBoolean());
        assertFalse(listing.toString().isEmpty());
    }

    /** Runs the SDK's discovery entry point and parses what it prints. */
    private static synchronized com.fasterxml.jackson.databind.JsonNode discoveredPlugins() throws Exception {
        var original = System.out;
        var captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            com.pulumi.bootstrap.internal.Main.main(new String[]{"packages"});
        } finally {
            System.setOut(original);
        }
        var text = captured.toString(StandardCharsets.UTF_8).trim();
        return json(text.substring(text.indexOf('[')));
    }
}
