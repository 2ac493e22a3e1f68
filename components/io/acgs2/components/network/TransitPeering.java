package io.acgs2.components.network;

import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2transitgateway.PeeringAttachment;
import com.pulumi.aws.ec2transitgateway.PeeringAttachmentAccepter;
import com.pulumi.aws.ec2transitgateway.PeeringAttachmentAccepterArgs;
import com.pulumi.aws.ec2transitgateway.PeeringAttachmentArgs;
import com.pulumi.aws.ec2transitgateway.RouteTableAssociation;
import com.pulumi.aws.ec2transitgateway.RouteTableAssociationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.common.Tags;

import java.util.List;
import java.util.Map;

/**
 * One cross-region Transit Gateway peering link, owned whole by the region that joined later:
 * the requester attachment (local), its accepter (peer region, through the peer provider), the
 * route-table associations and static routes on both gateways, and the VPC routes on both sides.
 *
 * <p>Owning both sides in the later stack means adding a region adds or replaces nothing in any
 * earlier stack: their previews keep working before the new region is deployed, and their
 * networks never change because a region joined.
 */
public class TransitPeering extends ComponentResource {

    public static final String TYPE = "acgs2:network:TransitPeering";

    public final Output<String> attachmentId;

    public TransitPeering(String name, TransitPeeringArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var local = args.local();
        var peer = args.peer();
        var inComponent = CustomResourceOptions.builder().parent(this).build();

        var attachment = new PeeringAttachment(name + "-attachment", PeeringAttachmentArgs.builder()
                .transitGatewayId(local.transitGatewayId())
                .peerRegion(peer.region())
                .peerTransitGatewayId(peer.transitGatewayId())
                .peerAccountId(peer.accountId())
                .tags(Tags.name(name + "-attachment"))
                .build(), inComponent);
        var accepter = new PeeringAttachmentAccepter(name + "-accepter", PeeringAttachmentAccepterArgs.builder()
                .transitGatewayAttachmentId(attachment.id())
                .tags(Tags.name(name + "-accepter"))
                .build(), CustomResourceOptions.builder().parent(this).provider(args.peerProvider()).build());
        // Both sides use the same attachment id; everything below waits for the accepter.
        var accepted = accepter.transitGatewayAttachmentId();
        var localAfterAccept = CustomResourceOptions.builder().parent(this).dependsOn(accepter).build();
        var inPeer = CustomResourceOptions.builder().parent(this).provider(args.peerProvider()).build();

        new RouteTableAssociation(name + "-assoc-" + local.region(), RouteTableAssociationArgs.builder()
                .transitGatewayRouteTableId(local.routeTableId()).transitGatewayAttachmentId(accepted).build(),
                localAfterAccept);
        new RouteTableAssociation(name + "-assoc-" + peer.region(), RouteTableAssociationArgs.builder()
                .transitGatewayRouteTableId(peer.routeTableId()).transitGatewayAttachmentId(accepted).build(), inPeer);

        // Static routes: peering attachments do not propagate.
        for (var cidr : peer.cidrs()) {
            new com.pulumi.aws.ec2transitgateway.Route(name + "-" + local.region() + "-to-" + cidr.slug(),
                    com.pulumi.aws.ec2transitgateway.RouteArgs.builder()
                            .transitGatewayRouteTableId(local.routeTableId())
                            .destinationCidrBlock(cidr.toString())
                            .transitGatewayAttachmentId(accepted).build(), localAfterAccept);
        }
        for (var cidr : local.cidrs()) {
            new com.pulumi.aws.ec2transitgateway.Route(name + "-" + peer.region() + "-to-" + cidr.slug(),
                    com.pulumi.aws.ec2transitgateway.RouteArgs.builder()
                            .transitGatewayRouteTableId(peer.routeTableId())
                            .destinationCidrBlock(cidr.toString())
                            .transitGatewayAttachmentId(accepted).build(), inPeer);
        }

        // VPC routes: each side's private route tables send the other side's CIDRs to its own gateway.
        var localVpc = CustomResourceOptions.builder().parent(this).dependsOn(args.localAttachment()).build();
        vpcRoutes(name, local.region(), local.azCount(), local.privateRouteTableIds(), peer.cidrs(),
                local.transitGatewayId(), localVpc);
        vpcRoutes(name, peer.region(), peer.azCount(), peer.privateRouteTableIds(), local.cidrs(),
                peer.transitGatewayId(), inPeer);

        this.attachmentId = accepted;
        this.registerOutputs(Map.of("attachmentId", attachmentId));
    }

    private static void vpcRoutes(String name, String region, int tables, Output<List<String>> tableIds,
                                  List<Ipv4Cidr> destinations, Output<String> gatewayId, CustomResourceOptions opts) {
        for (int az = 0; az < tables; az++) {
            final int i = az;
            for (var cidr : destinations) {
                new Route(name + "-" + region + "-" + RegionalNetworkArgs.azKey(az) + "-to-" + cidr.slug(), RouteArgs.builder()
                        .routeTableId(tableIds.applyValue(ids -> ids.get(i)))
                        .destinationCidrBlock(cidr.toString())
                        .transitGatewayId(gatewayId)
                        .build(), opts);
            }
        }
    }
}
