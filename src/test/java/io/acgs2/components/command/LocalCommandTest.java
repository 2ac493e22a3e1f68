package io.acgs2.components.command;

import com.pulumi.core.Output;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.CustomResourceOptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalCommandTest {

    @Test
    void registersUnderTheProvidersTypeTokenWithItsInputsThroughTheExplicitProvider() {
        var plan = runInRegion("eu-west-1", r -> {
            var provider = new CommandProvider("command-eu-west-1", CustomResourceOptions.builder().build());
            new LocalCommand("cmd", LocalCommandArgs.builder()
                    .create("echo create").update("echo update").delete("echo delete")
                    .environment(Output.of(Map.of("A", "1")))
                    .interpreter(List.of("/bin/sh", "-c"))
                    .build(), CustomResourceOptions.builder().provider(provider).build());
        });
        var cmd = one(plan, LocalCommand.TYPE, "cmd");
        assertEquals("echo create", cmd.inputs().get("create"));
        assertEquals("echo update", cmd.inputs().get("update"));
        assertEquals("echo delete", cmd.inputs().get("delete"));
        assertEquals(Map.of("A", "1"), cmd.inputs().get("environment"));
        assertEquals(List.of("/bin/sh", "-c"), cmd.inputs().get("interpreter"));
        assertTrue(cmd.providerUrn().contains("pulumi:providers:command::command-eu-west-1"), cmd.providerUrn());
        var provider = one(plan, "pulumi:providers:command", "command-eu-west-1");
        assertTrue(provider.custom());
    }

    @Test
    void createIsRequired() {
        var e = assertThrows(MissingRequiredPropertyException.class, () -> LocalCommandArgs.builder().delete("x").build());
        assertTrue(e.getMessage().contains("create"), e.getMessage());
    }

    @Test
    void thePluginIsPinnedForTheEngineToInstall() throws Exception {
        try (var in = LocalCommand.class.getClassLoader().getResourceAsStream("com/pulumi/command/plugin.json")) {
            assertNotNull(in, "plugin.json is on the classpath");
            var manifest = json(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertEquals("command", manifest.get("name").asText());
            assertEquals(LocalCommand.PLUGIN_VERSION, manifest.get("version").asText());
            assertTrue(manifest.get("resource").asBoolean());
        }
        // EnginePathTest checks that the provider the program registers asks for the version discovery lists
    }
}
