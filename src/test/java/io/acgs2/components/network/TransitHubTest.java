package io.acgs2.components.network;

import com.pulumi.core.Output;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransitHubTest {

    private static final String TGW = "aws:ec2transitgateway/transitGateway:TransitGateway";
    private static final String ATTACHMENT = "aws:ec2transitgateway/vpcAttachment:VpcAttachment";

    @Test
    void theGatewayAcceptsNothingImplicitlyAndAttachesTheVpcExplicitly() {
        var plan = runInRegion("eu-west-1", r -> new TransitHub("hub", TransitHubArgs.builder()
                .vpcId(Output.of("vpc-1"))
                .attachmentSubnetIds(Output.of(List.of("subnet-a", "subnet-b")))
                .amazonSideAsn(TransitHubArgs.asnFor(1))
                .build(), r.opts()));
        var component = one(plan, TransitHub.TYPE, "hub");
        var tgw = one(plan, TGW, "hub-tgw");
        assertEquals(component.urn(), tgw.parent());
        assertEquals("eu-west-1", tgw.providerRegion());
        assertEquals(64513L, tgw.inputs().get("amazonSideAsn"));
        assertEquals("disable", tgw.inputs().get("autoAcceptSharedAttachments"));
        assertEquals("disable", tgw.inputs().get("defaultRouteTableAssociation"));
        assertEquals("disable", tgw.inputs().get("defaultRouteTablePropagation"));
        assertEquals("hub-tgw", map(tgw.inputs().get("tags")).get("Name"));

        var attachment = one(plan, ATTACHMENT, "hub-vpc");
        assertEquals("vpc-1", attachment.inputs().get("vpcId"));
        assertEquals(List.of("subnet-a", "subnet-b"), attachment.inputs().get("subnetIds"));
        assertEquals(false, attachment.inputs().get("transitGatewayDefaultRouteTableAssociation"));
        var table = one(plan, "aws:ec2transitgateway/routeTable:RouteTable", "hub-rt");
        var association = one(plan, "aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation", "hub-vpc");
        var propagation = one(plan, "aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation", "hub-vpc");
        for (var r : List.of(association, propagation)) {
            assertEquals(table.urn(), r.parent());
            assertTrue(r.dependencies().containsAll(List.of(table.urn(), attachment.urn())), r.name());
        }
    }

    @Test
    void badArgsAreRejectedTogether() {
        var e = assertThrows(IllegalArgumentException.class, () -> TransitHubArgs.builder().amazonSideAsn(65535).build());
        var m = e.getMessage();
        assertTrue(m.startsWith("TransitHubArgs: 3 problems: "), m);
        assertTrue(m.contains("vpcId: is required"), m);
        assertTrue(m.contains("attachmentSubnetIds: is required"), m);
        assertTrue(m.contains("amazonSideAsn: 65535 is not a private ASN (64512 to 65534). Fix: derive it with"), m);
    }

    @Test
    void theAsnSchemeGivesEachJoinOrderItsOwnPrivateAsn() {
        assertEquals(64512, TransitHubArgs.asnFor(0));
        assertEquals(65534, TransitHubArgs.asnFor(1022));
    }
}
