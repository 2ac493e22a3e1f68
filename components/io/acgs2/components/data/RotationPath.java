package io.acgs2.components.data;

import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.common.Tags;
import io.acgs2.components.network.RegionalNetworkArgs;

import java.util.Map;

/**
 * The path a later region of a data domain opens so that the owner region's master secret rotation
 * ({@link MasterSecretRotation}) reaches this region's cluster while it is the writer (the secret's
 * host is the global writer endpoint). The later region owns the whole link, as it owns every link
 * to an earlier region: PostgreSQL from the owner's private tier into this cluster's security
 * group, routes from this VPC's isolated subnets back to that tier over the Transit Gateway (the
 * owner's private route tables already route this VPC there: {@code TransitPeering}), and, through
 * the owner's provider, PostgreSQL out of the rotation function's security group to this VPC's
 * isolated tier. Nothing else crosses: the data stays in the domain's regions, all in its zone.
 */
public class RotationPath extends ComponentResource {

    public static final String TYPE = "acgs2:data:RotationPath";

    public RotationPath(String name, RotationPathArgs args, ComponentResourceOptions options) {
        this(name, args, options, java.util.List.of());
    }

    /** @param after what the routes wait for (this VPC's Transit Gateway attachment: a route to an unattached gateway fails) */
    public RotationPath(String name, RotationPathArgs args, ComponentResourceOptions options,
                        java.util.List<? extends com.pulumi.resources.Resource> after) {
        super(TYPE, name, options);
        var port = AuroraGlobalDatabaseArgs.PORT;
        new SecurityGroupIngressRule(name + "-in", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(args.databaseSecurityGroupId())
                .ipProtocol("tcp").fromPort(port).toPort(port)
                .cidrIpv4(args.ownerPrivateRange().toString())
                .description("PostgreSQL from the master secret rotation of data domain " + args.domain() + " in " + args.ownerRegion())
                .tags(Tags.name(name + "-in"))
                .build(), CustomResourceOptions.builder().parent(this).build());
        for (int az = 0; az < args.azCount(); az++) {
            final int i = az;
            new Route(name + "-" + RegionalNetworkArgs.azKey(az) + "-to-" + args.ownerPrivateRange().slug(), RouteArgs.builder()
                    .routeTableId(args.isolatedRouteTableIds().applyValue(ids -> ids.get(i)))
                    .destinationCidrBlock(args.ownerPrivateRange().toString())
                    .transitGatewayId(args.transitGatewayId())
                    .build(), CustomResourceOptions.builder().parent(this)
                    .dependsOn(new java.util.ArrayList<com.pulumi.resources.Resource>(after)).build());
        }
        new SecurityGroupEgressRule(name + "-out", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(args.ownerRotationSecurityGroupId())
                .ipProtocol("tcp").fromPort(port).toPort(port)
                .cidrIpv4(args.isolatedRange().toString())
                .description("PostgreSQL to the data domain " + args.domain() + " cluster in a later region")
                .tags(Tags.name(name + "-out"))
                .build(), CustomResourceOptions.builder().parent(this).provider(args.ownerProvider()).build());
        this.registerOutputs(Map.of());
    }
}
