package io.acgs2.components.network;

import com.pulumi.aws.ec2transitgateway.RouteTable;
import com.pulumi.aws.ec2transitgateway.RouteTableArgs;
import com.pulumi.aws.ec2transitgateway.RouteTableAssociation;
import com.pulumi.aws.ec2transitgateway.RouteTableAssociationArgs;
import com.pulumi.aws.ec2transitgateway.RouteTablePropagation;
import com.pulumi.aws.ec2transitgateway.RouteTablePropagationArgs;
import com.pulumi.aws.ec2transitgateway.TransitGateway;
import com.pulumi.aws.ec2transitgateway.TransitGatewayArgs;
import com.pulumi.aws.ec2transitgateway.VpcAttachment;
import com.pulumi.aws.ec2transitgateway.VpcAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.common.Tags;

import java.util.Map;

/**
 * A region's Transit Gateway: no auto-accepted attachments and no default route table, so every
 * attachment and route is explicit; one route table; the VPC attached on its private subnets with
 * its CIDRs propagated. Cross-region links are {@link TransitPeering}s.
 */
public class TransitHub extends ComponentResource {

    public static final String TYPE = "acgs2:network:TransitHub";

    public final Output<String> transitGatewayId;
    public final Output<String> routeTableId;
    public final Output<String> vpcAttachmentId;
    /** The gateway's BGP ASN. */
    public final int amazonSideAsn;
    /** The attachment itself: VPC routes through the gateway must wait for it. */
    public final VpcAttachment vpcAttachment;

    public TransitHub(String name, TransitHubArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var inComponent = CustomResourceOptions.builder().parent(this).build();
        this.amazonSideAsn = args.amazonSideAsn();

        var tgw = new TransitGateway(name + "-tgw", TransitGatewayArgs.builder()
                .description("ACGS-2 regional hub (" + name + ")")
                .amazonSideAsn(args.amazonSideAsn())
                .autoAcceptSharedAttachments("disable")   // CKV_AWS_331
                .defaultRouteTableAssociation("disable")  // every association is explicit
                .defaultRouteTablePropagation("disable")
                .dnsSupport("enable")
                .vpnEcmpSupport("enable")
                .tags(Tags.name(name + "-tgw"))
                .build(), inComponent);
        var inTgw = CustomResourceOptions.builder().parent(tgw).build();

        var table = new RouteTable(name + "-rt", RouteTableArgs.builder()
                .transitGatewayId(tgw.id()).tags(Tags.name(name + "-rt")).build(), inTgw);
        var inTable = CustomResourceOptions.builder().parent(table).build();

        this.vpcAttachment = new VpcAttachment(name + "-vpc", VpcAttachmentArgs.builder()
                .transitGatewayId(tgw.id())
                .vpcId(args.vpcId())
                .subnetIds(args.attachmentSubnetIds())
                .dnsSupport("enable")
                .transitGatewayDefaultRouteTableAssociation(false)
                .transitGatewayDefaultRouteTablePropagation(false)
                .tags(Tags.name(name + "-vpc"))
                .build(), inTgw);
        new RouteTableAssociation(name + "-vpc", RouteTableAssociationArgs.builder()
                .transitGatewayRouteTableId(table.id()).transitGatewayAttachmentId(vpcAttachment.id()).build(), inTable);
        // Propagation keeps the VPC's own CIDRs (secondary blocks included) in the table without static routes.
        new RouteTablePropagation(name + "-vpc", RouteTablePropagationArgs.builder()
                .transitGatewayRouteTableId(table.id()).transitGatewayAttachmentId(vpcAttachment.id()).build(), inTable);

        this.transitGatewayId = tgw.id();
        this.routeTableId = table.id();
        this.vpcAttachmentId = vpcAttachment.id();
        this.registerOutputs(Map.of(
                "transitGatewayId", transitGatewayId,
                "routeTableId", routeTableId,
                "vpcAttachmentId", vpcAttachmentId));
    }
}
