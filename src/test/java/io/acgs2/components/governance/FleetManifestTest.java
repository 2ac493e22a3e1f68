package io.acgs2.components.governance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.acgs2.testing.Fixtures.PROJECT;
import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetManifestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static FleetManifestDocument document(String region, String zone) {
        return new FleetManifestDocument("acgs2-infra", region, region, zone,
                Map.of("us", List.of("us-east-1", "us-west-2"), "gdpr", List.of("eu-west-1")), List.of("gdpr"),
                Map.of("nordbank", new FleetManifestDocument.Tenant("gdpr", "eu-west-1")),
                List.of(new FleetManifestDocument.Member("us-east-1", "us-east-1", "us", true, 0),
                        new FleetManifestDocument.Member("eu-west-1", "eu-west-1", "gdpr", false, 1)));
    }

    @Test
    void publishesTheManifestAsATaggedStringParameterParentedToTheComponent() throws Exception {
        var plan = runInRegion("eu-west-1", r -> new FleetManifest("fleet", FleetManifestArgs.builder()
                .manifest(document("eu-west-1", "gdpr")).build(), r.opts()));
        var parameter = one(plan, "aws:ssm/parameter:Parameter", "fleet-manifest");
        assertEquals(one(plan, FleetManifest.TYPE, "fleet").urn(), parameter.parent());
        assertEquals("eu-west-1", parameter.providerRegion());
        assertEquals(FleetManifest.PARAMETER_NAME, parameter.inputs().get("name"));
        assertEquals("String", parameter.inputs().get("type"));
        assertEquals("fleet", map(parameter.inputs().get("tags")).get("acgs2:manifest"));
        var value = JSON.readTree(String.valueOf(parameter.inputs().get("value")));
        assertEquals("gdpr", value.get("zone").asText());
        assertEquals("eu-west-1", value.get("tenants").get("nordbank").get("homeRegion").asText());
        assertEquals(2, value.get("fleet").size());
        assertEquals(1, value.get("fleet").get(1).get("joinOrder").asInt());
    }

    @Test
    void theManifestValidatesAgainstTheSchemaThePolicyPackReads() throws Exception {
        var schemaFile = PROJECT.resolve("policies/schemas/fleet-manifest.schema.json");
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(JSON.readTree(schemaFile.toFile()));
        var written = JSON.readTree(io.acgs2.components.common.Json.write(document("us-east-1", "us")));
        assertEquals(java.util.Set.of(), schema.validate(written), "the program writes what the pack's schema describes");

        // and the schema is strict enough to catch a drift: an extra or a missing field fails
        var extra = written.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) extra).put("region2", "x");
        assertTrue(!schema.validate(extra).isEmpty());
        var missing = written.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) missing.get("fleet").get(0)).remove("joinOrder");
        assertTrue(!schema.validate(missing).isEmpty());
    }

    @Test
    void aManifestThatContradictsItselfIsRejectedNamingEachField() {
        var bad = new FleetManifestDocument("acgs2-infra", "ap-southeast-1", "ap-southeast-1", "pdpa",
                Map.of("us", List.of("us-east-1")), List.of("gdpr"), Map.of(),
                List.of(new FleetManifestDocument.Member("us-east-1", "us-east-1", "us", true, 0)));
        var e = assertThrows(IllegalArgumentException.class, () -> FleetManifestArgs.builder().manifest(bad).build());
        var m = e.getMessage();
        assertTrue(m.contains("manifest.zone: zone 'pdpa' is not among [us]"), m);
        assertTrue(m.contains("manifest.fleet: does not list the manifest's own region ap-southeast-1"), m);
        assertTrue(m.contains("manifest.restrictedZones: zone 'gdpr' is not among [us]"), m);
        assertThrows(IllegalArgumentException.class, () -> FleetManifestArgs.builder().build());
    }
}
