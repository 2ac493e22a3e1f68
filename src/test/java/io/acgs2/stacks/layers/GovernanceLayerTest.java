package io.acgs2.stacks.layers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.acgs2.components.governance.FleetManifestDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static io.acgs2.stacks.layers.LayerFixture.runLayer;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.shippedProject;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The governance layer alone: the manifest declares the fleet as the stack files do. */
class GovernanceLayerTest {

    @Test
    void theManifestDeclaresEveryRegionZoneAndTenant(@TempDir Path tmp) throws Exception {
        var doc = new AtomicReference<FleetManifestDocument>();
        var plan = runLayer(shippedProject(tmp), "eu-west-1", region -> {
            doc.set(GovernanceLayer.document(region));
            GovernanceLayer.deploy(region);
        });
        var d = doc.get();
        assertEquals("eu-west-1", d.stack());
        assertEquals("gdpr", d.zone());
        assertEquals(List.of("gdpr", "pipl"), d.restrictedZones());
        assertEquals(Map.of("acme-health", new FleetManifestDocument.Tenant("us", "us-east-1"),
                "nordbank", new FleetManifestDocument.Tenant("gdpr", "eu-west-1")), d.tenants());
        assertEquals(List.of(new FleetManifestDocument.Member("us-east-1", "us-east-1", "us", true, 0),
                new FleetManifestDocument.Member("eu-west-1", "eu-west-1", "gdpr", false, 1)), d.fleet());
        var value = one(plan, "aws:ssm/parameter:Parameter", GovernanceLayer.MANIFEST + "-manifest").inputs().get("value");
        var mapper = new ObjectMapper();
        assertEquals(mapper.valueToTree(d), mapper.readTree(String.valueOf(value)), "the parameter holds the document");
    }
}
