package io.acgs2.components.network;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static io.acgs2.testing.Fixtures.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransitPeeringTest {

    private static final String PEERING = "aws:ec2transitgateway/peeringAttachment:PeeringAttachment";
    private static final String ACCEPTER = "aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter";
    private static final String TGW_ROUTE = "aws:ec2transitgateway/route:Route";
    private static final String VPC_ROUTE = "aws:ec2/route:Route";

    private static TransitPeeringArgs.End peerEnd() {
        return TransitPeeringArgs.End.builder()
                .region("us-east-1")
                .accountId(Output.of("210987654321"))
                .transitGatewayId(Output.of("tgw-peer"))
                .routeTableId(Output.of("tgw-rtb-peer"))
                .cidrs(List.of(Ipv4Cidr.parse("10.10.0.0/16")))
                .privateRouteTableIds(Output.of(List.of("rtb-p1", "rtb-p2")))
                .azCount(2)
                .build();
    }

    /** A link from a real local hub in eu-west-1 (3 AZs, two CIDRs) to a peer in us-east-1 (2 AZs). */
    private static StackPlan link() {
        return runInRegion("eu-west-1", r -> {
            var network = new RegionalNetwork("net", RegionalNetworkArgs.builder()
                    .vpcCidr(Ipv4Cidr.parse("10.20.0.0/16")).secondaryCidrs(List.of(Ipv4Cidr.parse("100.64.0.0/16")))
                    .facts(r.facts()).build(), r.opts());
            var hub = new TransitHub("hub", TransitHubArgs.builder().vpcId(network.vpcId)
                    .attachmentSubnetIds(network.privateSubnetIds).amazonSideAsn(64513).build(), r.opts());
            var peerProvider = new Provider("aws-us-east-1", ProviderArgs.builder().region("us-east-1").build());
            new TransitPeering("link", TransitPeeringArgs.builder()
                    .local(TransitPeeringArgs.End.builder()
                            .region("eu-west-1")
                            .transitGatewayId(hub.transitGatewayId)
                            .routeTableId(hub.routeTableId)
                            .cidrs(List.of(Ipv4Cidr.parse("10.20.0.0/16"), Ipv4Cidr.parse("100.64.0.0/16")))
                            .privateRouteTableIds(network.privateRouteTableIds)
                            .azCount(network.azCount)
                            .build())
                    .peer(peerEnd())
                    .localAttachment(hub.vpcAttachment)
                    .peerProvider(peerProvider)
                    .build(), r.opts());
        });
    }

    @Test
    void theRequesterIsLocalAndTheAccepterInThePeerRegion() {
        var plan = link();
        var attachment = one(plan, PEERING, "link-attachment");
        assertEquals("eu-west-1", attachment.providerRegion());
        assertEquals("us-east-1", attachment.inputs().get("peerRegion"));
        assertEquals("tgw-peer", attachment.inputs().get("peerTransitGatewayId"));
        assertEquals("210987654321", attachment.inputs().get("peerAccountId"));
        var accepter = one(plan, ACCEPTER, "link-accepter");
        assertEquals("us-east-1", accepter.providerRegion());
        assertTrue(accepter.dependencies().contains(attachment.urn()));
        var component = one(plan, TransitPeering.TYPE, "link");
        assertTrue(where(plan, r -> r.custom() && r.name().startsWith("link-")).stream()
                .allMatch(r -> component.urn().equals(r.parent())), "every child is parented to the link");
    }

    @Test
    void staticAndVpcRoutesGoBothWaysPerCidrAndPerAz() {
        var plan = link();
        var accepter = one(plan, ACCEPTER, "link-accepter");
        // gateway routes: local table to the peer's CIDR; peer table to both local CIDRs
        var local = where(plan, r -> r.type().equals(TGW_ROUTE) && "eu-west-1".equals(r.providerRegion()));
        var remote = where(plan, r -> r.type().equals(TGW_ROUTE) && "us-east-1".equals(r.providerRegion()));
        assertEquals(List.of("10.10.0.0/16"), local.stream().map(r -> r.inputs().get("destinationCidrBlock")).toList());
        assertEquals(2, remote.size());
        assertTrue(local.get(0).dependencies().contains(accepter.urn()), "local routes wait for the accepter");
        assertTrue(remote.stream().allMatch(r -> "tgw-rtb-peer".equals(r.inputs().get("transitGatewayRouteTableId"))));
        // VPC routes: 3 local private tables x 1 peer CIDR, 2 peer tables x 2 local CIDRs
        var vpcLocal = where(plan, r -> r.type().equals(VPC_ROUTE) && r.name().startsWith("link-eu-west-1-az"));
        var vpcPeer = where(plan, r -> r.type().equals(VPC_ROUTE) && r.name().startsWith("link-us-east-1-az"));
        assertEquals(3, vpcLocal.size());
        assertEquals(4, vpcPeer.size());
        assertTrue(vpcPeer.stream().allMatch(r -> "us-east-1".equals(r.providerRegion())
                && "tgw-peer".equals(r.inputs().get("transitGatewayId"))));
        assertEquals(List.of("rtb-p1", "rtb-p1", "rtb-p2", "rtb-p2"),
                vpcPeer.stream().map(r -> String.valueOf(r.inputs().get("routeTableId"))).sorted().toList());
        var attachment = one(plan, "aws:ec2transitgateway/vpcAttachment:VpcAttachment", "hub-vpc");
        assertTrue(vpcLocal.stream().allMatch(r -> r.dependencies().contains(attachment.urn())),
                "local VPC routes wait for the local attachment");
    }

    @Test
    void badArgsAreRejectedTogetherNamingEachField() {
        var sameRegion = TransitPeeringArgs.End.builder().region("us-east-1").transitGatewayId(Output.of("tgw"))
                .routeTableId(Output.of("rtb")).cidrs(List.of(Ipv4Cidr.parse("10.10.128.0/17")))
                .privateRouteTableIds(Output.of(List.of("r"))).azCount(1).build();
        var e = assertThrows(IllegalArgumentException.class, () -> TransitPeeringArgs.builder()
                .local(sameRegion)
                .peer(TransitPeeringArgs.End.builder().region("us-east-1").cidrs(List.of(Ipv4Cidr.parse("10.10.0.0/16"))).build())
                .build());
        var m = e.getMessage();
        for (var expected : List.of("peer.transitGatewayId: is required", "peer.routeTableId: is required",
                "peer.privateRouteTableIds: is required", "peer.azCount: must be at least 1", "peer.accountId: is required",
                "localAttachment: is required", "peerProvider: is required",
                "peer.region: equals the local region us-east-1",
                "peer.cidrs: local CIDR 10.10.128.0/17 overlaps peer CIDR 10.10.0.0/16")) {
            assertTrue(m.contains(expected), "missing '" + expected + "' in " + m);
        }
    }
}
