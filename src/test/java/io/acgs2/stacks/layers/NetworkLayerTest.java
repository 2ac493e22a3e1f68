package io.acgs2.stacks.layers;

import io.acgs2.components.governance.FleetManifest;
import io.acgs2.components.network.RegionalNetwork;
import io.acgs2.components.network.TransitHub;
import io.acgs2.components.network.TransitPeering;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static io.acgs2.stacks.layers.LayerFixture.runLayer;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.shippedProject;
import static io.acgs2.testing.Fixtures.stackFile;
import static io.acgs2.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The network layer alone, on the region context of a stack of the fleet. */
class NetworkLayerTest {

    @Test
    void buildsTheNetworkTheHubAndOneLinkPerEarlierRegionFromTheContext(@TempDir Path tmp) {
        var dir = write(shippedProject(tmp), "Pulumi.us-west-2.yaml", stackFile("us-west-2", "us", 2, "10.30.0.0/16")
                + "    azCount: 2\n    natStrategy: single\n");
        var layer = new AtomicReference<NetworkLayer>();
        var plan = runLayer(dir, "us-west-2", region -> layer.set(NetworkLayer.deploy(region)));

        assertEquals(1, plan.count(RegionalNetwork.TYPE));
        assertEquals(1, plan.count(TransitHub.TYPE));
        assertEquals(0, plan.count(FleetManifest.TYPE), "the layer builds only its own components");
        assertEquals(java.util.Set.of("us-east-1", "eu-west-1"), layer.get().peerings().keySet());
        one(plan, TransitPeering.TYPE, NetworkLayer.PEERING_PREFIX + "us-east-1");
        one(plan, TransitPeering.TYPE, NetworkLayer.PEERING_PREFIX + "eu-west-1");

        // the stack file's network section reaches the component; the rest are the args' defaults
        assertEquals(6, plan.count("aws:ec2/subnet:Subnet"));
        assertEquals(1, plan.count("aws:ec2/natGateway:NatGateway"));
        assertEquals(365L, one(plan, "aws:cloudwatch/logGroup:LogGroup", NetworkLayer.NETWORK + "-flow-logs")
                .inputs().get("retentionInDays"));
        assertEquals(64514L, one(plan, "aws:ec2transitgateway/transitGateway:TransitGateway", NetworkLayer.TRANSIT + "-tgw")
                .inputs().get("amazonSideAsn"));
        assertNotNull(layer.get().networkOutputs().vpcId());
        assertNotNull(layer.get().transitOutputs().peeringAttachmentIds());
    }

    @Test
    void theFoundingRegionOwnsNoLink(@TempDir Path tmp) {
        var plan = runLayer(shippedProject(tmp), "us-east-1", NetworkLayer::deploy);
        assertEquals(0, plan.count(TransitPeering.TYPE));
        assertEquals(0, plan.count("pulumi:pulumi:StackReference"));
    }
}
