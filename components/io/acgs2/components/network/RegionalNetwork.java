package io.acgs2.components.network;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroupArgs;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcIpv4CidrBlockAssociation;
import com.pulumi.aws.ec2.VpcIpv4CidrBlockAssociationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.common.EncryptedLogGroup;
import io.acgs2.components.common.Json;
import io.acgs2.components.common.Tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A region's VPC: public, private and isolated subnets in each AZ (from {@link CidrPlan}), an
 * internet gateway, NAT per {@link NatStrategy}, one route table per private/isolated AZ, VPC flow
 * logs to a KMS-encrypted log group, and the default security group closed.
 *
 * <p>Children are named {@code <name>-<part>} and keyed by AZ ordinal (az1, az2, ...), never by
 * list position or AZ name, so the names survive any change to the region's AZ list. Renaming the
 * component renames every child: use {@code aliases} if you must.
 */
public class RegionalNetwork extends ComponentResource {

    public static final String TYPE = "acgs2:network:RegionalNetwork";

    public final Output<String> vpcId;
    public final Output<List<String>> vpcCidrs;
    public final Output<List<String>> availabilityZones;
    public final Output<List<String>> publicSubnetIds;
    public final Output<List<String>> privateSubnetIds;
    public final Output<List<String>> isolatedSubnetIds;
    /** One per AZ, in AZ order: peer-region routes go here. */
    public final Output<List<String>> privateRouteTableIds;
    public final Output<List<String>> isolatedRouteTableIds;
    public final Output<String> flowLogGroupName;
    public final Output<String> logsKeyArn;
    /** The VPC itself, for dependsOn and parenting of attachments. */
    public final Vpc vpc;
    /** How many AZs (and so private route tables) the network spans. */
    public final int azCount;

    public RegionalNetwork(String name, RegionalNetworkArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var plan = args.plan();
        this.azCount = args.azCount();
        var inComponent = CustomResourceOptions.builder().parent(this).build();

        // Account and partition for ARNs in the key and role policies (aws vs aws-cn), looked up once per stack.
        var facts = args.facts();
        var invoke = new InvokeOptions(this, null, null);
        Output<List<String>> azNames = args.availabilityZones().isEmpty()
                ? AwsFunctions.getAvailabilityZones(GetAvailabilityZonesArgs.builder().state("available").build(), invoke)
                .applyValue(r -> {
                    if (r.names().size() < args.azCount()) {
                        throw new IllegalStateException(name + ": the region has " + r.names().size()
                                + " available AZs, azCount is " + args.azCount() + "; lower azCount");
                    }
                    return List.copyOf(r.names().subList(0, args.azCount()));
                })
                : Output.of(args.availabilityZones());

        var vpcArgs = VpcArgs.builder()
                .cidrBlock(args.vpcCidr().toString())
                .enableDnsSupport(true)
                .enableDnsHostnames(true) // EKS and interface endpoints need DNS hostnames
                .tags(Tags.name(name + "-vpc"));
        if (args.publicIpv6()) {
            vpcArgs.assignGeneratedIpv6CidrBlock(true);
        }
        this.vpc = new Vpc(name + "-vpc", vpcArgs.build(), inComponent);
        var inVpc = CustomResourceOptions.builder().parent(vpc).build();

        var cidrAssociations = new ArrayList<VpcIpv4CidrBlockAssociation>();
        for (var secondary : args.secondaryCidrs()) {
            cidrAssociations.add(new VpcIpv4CidrBlockAssociation(name + "-cidr-" + secondary.slug(),
                    VpcIpv4CidrBlockAssociationArgs.builder().vpcId(vpc.id()).cidrBlock(secondary.toString()).build(),
                    inVpc));
        }

        // ---- subnets ----
        var subnets = new LinkedHashMap<SubnetTier, List<Subnet>>();
        for (var tier : SubnetTier.values()) {
            var list = new ArrayList<Subnet>();
            for (int az = 0; az < args.azCount(); az++) {
                final int i = az;
                var subnetName = name + "-" + tier.label() + "-" + RegionalNetworkArgs.azKey(az);
                var subnetArgs = SubnetArgs.builder()
                        .vpcId(vpc.id())
                        .cidrBlock(plan.cidr(tier, az).toString())
                        .availabilityZone(azNames.applyValue(n -> n.get(i)))
                        .mapPublicIpOnLaunch(false) // nothing gets a public IP unless it asks for one
                        .tags(Tags.name(subnetName, subnetRoleTags(tier, name)));
                if (tier == SubnetTier.PUBLIC && args.publicIpv6()) {
                    // addresses only for what asks (dualstack load balancers): never on create
                    subnetArgs.ipv6CidrBlock(vpc.ipv6CidrBlock().applyValue(v6 -> Ipv6Cidr.subnet64(v6, i)));
                }
                list.add(new Subnet(subnetName, subnetArgs.build(), inVpc));
            }
            subnets.put(tier, list);
        }

        // ---- internet egress ----
        var igw = new InternetGateway(name + "-igw", InternetGatewayArgs.builder()
                .vpcId(vpc.id()).tags(Tags.name(name + "-igw")).build(), inVpc);

        var publicTable = new RouteTable(name + "-public", RouteTableArgs.builder()
                .vpcId(vpc.id()).tags(Tags.name(name + "-public")).build(), inVpc);
        var inPublicTable = CustomResourceOptions.builder().parent(publicTable).build();
        new Route(name + "-public-default", RouteArgs.builder()
                .routeTableId(publicTable.id()).destinationCidrBlock("0.0.0.0/0").gatewayId(igw.id()).build(),
                inPublicTable);
        if (args.publicIpv6()) {
            new Route(name + "-public-default-ipv6", RouteArgs.builder()
                    .routeTableId(publicTable.id()).destinationIpv6CidrBlock("::/0").gatewayId(igw.id()).build(),
                    inPublicTable);
        }
        for (int az = 0; az < args.azCount(); az++) {
            new RouteTableAssociation(name + "-public-" + RegionalNetworkArgs.azKey(az), RouteTableAssociationArgs.builder()
                    .subnetId(subnets.get(SubnetTier.PUBLIC).get(az).id()).routeTableId(publicTable.id()).build(),
                    inPublicTable);
        }

        var natGateways = new ArrayList<NatGateway>();
        for (int n = 0; n < args.natStrategy().gatewayCount(args.azCount()); n++) {
            var key = RegionalNetworkArgs.azKey(n);
            var publicSubnet = subnets.get(SubnetTier.PUBLIC).get(n);
            var inSubnet = CustomResourceOptions.builder().parent(publicSubnet).build();
            var eip = new Eip(name + "-nat-" + key, EipArgs.builder()
                    .domain("vpc").tags(Tags.name(name + "-nat-" + key)).build(), inSubnet);
            natGateways.add(new NatGateway(name + "-nat-" + key, NatGatewayArgs.builder()
                    .allocationId(eip.id())
                    .subnetId(publicSubnet.id())
                    .tags(Tags.name(name + "-nat-" + key))
                    .build(), CustomResourceOptions.builder().parent(publicSubnet).dependsOn(igw).build()));
        }

        // ---- private and isolated routing: one table per AZ so peer routes and NAT stay per AZ ----
        var privateTables = new ArrayList<RouteTable>();
        var isolatedTables = new ArrayList<RouteTable>();
        for (int az = 0; az < args.azCount(); az++) {
            var key = RegionalNetworkArgs.azKey(az);
            var privateTable = new RouteTable(name + "-private-" + key, RouteTableArgs.builder()
                    .vpcId(vpc.id()).tags(Tags.name(name + "-private-" + key)).build(), inVpc);
            var inPrivate = CustomResourceOptions.builder().parent(privateTable).build();
            args.natStrategy().gatewayFor(az).ifPresent(n -> new Route(name + "-private-" + key + "-default",
                    RouteArgs.builder().routeTableId(privateTable.id()).destinationCidrBlock("0.0.0.0/0")
                            .natGatewayId(natGateways.get(n).id()).build(), inPrivate));
            new RouteTableAssociation(name + "-private-" + key, RouteTableAssociationArgs.builder()
                    .subnetId(subnets.get(SubnetTier.PRIVATE).get(az).id()).routeTableId(privateTable.id()).build(),
                    inPrivate);
            privateTables.add(privateTable);

            // Isolated: local routes only. Data stores replicate through AWS-managed channels, not the VPC.
            var isolatedTable = new RouteTable(name + "-isolated-" + key, RouteTableArgs.builder()
                    .vpcId(vpc.id()).tags(Tags.name(name + "-isolated-" + key)).build(), inVpc);
            new RouteTableAssociation(name + "-isolated-" + key, RouteTableAssociationArgs.builder()
                    .subnetId(subnets.get(SubnetTier.ISOLATED).get(az).id()).routeTableId(isolatedTable.id()).build(),
                    CustomResourceOptions.builder().parent(isolatedTable).build());
            isolatedTables.add(isolatedTable);
        }

        // ---- the default security group: no rules at all (CKV2_AWS_12) ----
        new DefaultSecurityGroup(name + "-default-sg", DefaultSecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .ingress(List.of())
                .egress(List.of())
                .tags(Tags.name(name + "-default-sg"))
                .build(), inVpc);

        // ---- flow logs: KMS-encrypted log group, retention, a role that can write only there ----
        var logGroupName = "/acgs2/" + name + "/vpc-flow-logs";
        // Audit evidence outlives the network: destroying the stack leaves the logs and their key.
        var logs = EncryptedLogGroup.builder()
                .keyName(name + "-logs-key")
                .keyDescription("Encrypts the VPC flow logs of " + name)
                .aliasName("alias/acgs2/" + name + "/logs")
                .logGroupResourceName(name + "-flow-logs")
                .logGroupName(logGroupName)
                .logGroupPattern("/acgs2/*")
                .retentionDays(args.flowLogRetentionDays())
                .retainOnDelete(args.retainFlowLogs())
                .facts(facts)
                .parent(this)
                .build();
        var key = logs.key();
        var logGroup = logs.logGroup();
        var role = new Role(name + "-flow-logs", RoleArgs.builder()
                .description("Lets VPC Flow Logs write to " + logGroupName)
                .assumeRolePolicy(facts.accountId().applyValue(accountId -> Json.write(Map.of(
                        "Version", "2012-10-17",
                        "Statement", List.of(Map.of(
                                "Effect", "Allow",
                                "Principal", Map.of("Service", "vpc-flow-logs.amazonaws.com"),
                                "Action", "sts:AssumeRole",
                                "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", accountId))))))))
                .tags(Tags.name(name + "-flow-logs"))
                .build(), inComponent);
        new RolePolicy(name + "-flow-logs", RolePolicyArgs.builder()
                .role(role.id())
                .policy(logGroup.arn().applyValue(arn -> Json.write(Map.of(
                        "Version", "2012-10-17",
                        "Statement", List.of(Map.of(
                                "Effect", "Allow",
                                "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups",
                                        "logs:DescribeLogStreams"),
                                "Resource", List.of(arn, arn + ":*")))))))
                .build(), CustomResourceOptions.builder().parent(role).build());
        new FlowLog(name + "-flow-log", FlowLogArgs.builder()
                .vpcId(vpc.id())
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(logGroup.arn())
                .iamRoleArn(role.arn())
                .tags(Tags.name(name + "-flow-log"))
                .build(), inVpc);

        this.vpcCidrs = Output.of(args.secondaryCidrs().isEmpty()
                ? List.of(args.vpcCidr().toString())
                : concat(args.vpcCidr().toString(), args.secondaryCidrs().stream().map(Ipv4Cidr::toString).toList()));
        this.vpcId = cidrAssociations.isEmpty() ? vpc.id()
                // consumers attaching to the VPC must wait for the secondary blocks too
                : Output.all(cidrAssociations.stream().map(VpcIpv4CidrBlockAssociation::id).toList())
                .apply(ignored -> vpc.id());
        this.availabilityZones = azNames;
        this.publicSubnetIds = ids(subnets.get(SubnetTier.PUBLIC));
        this.privateSubnetIds = ids(subnets.get(SubnetTier.PRIVATE));
        this.isolatedSubnetIds = ids(subnets.get(SubnetTier.ISOLATED));
        this.privateRouteTableIds = Output.all(privateTables.stream().map(RouteTable::id).toList());
        this.isolatedRouteTableIds = Output.all(isolatedTables.stream().map(RouteTable::id).toList());
        this.flowLogGroupName = logGroup.name();
        this.logsKeyArn = key.arn();

        this.registerOutputs(Map.of(
                "vpcId", vpcId,
                "vpcCidrs", vpcCidrs,
                "availabilityZones", availabilityZones,
                "publicSubnetIds", publicSubnetIds,
                "privateSubnetIds", privateSubnetIds,
                "isolatedSubnetIds", isolatedSubnetIds,
                "privateRouteTableIds", privateRouteTableIds,
                "isolatedRouteTableIds", isolatedRouteTableIds,
                "flowLogGroupName", flowLogGroupName));
    }

    /** Tags the AWS Load Balancer Controller uses to find subnets for public and internal load balancers. */
    static Map<String, String> subnetRoleTags(SubnetTier tier, String name) {
        return switch (tier) {
            case PUBLIC -> Map.of("kubernetes.io/role/elb", "1", "acgs2:tier", tier.label());
            case PRIVATE -> Map.of("kubernetes.io/role/internal-elb", "1", "acgs2:tier", tier.label());
            case ISOLATED -> Map.of("acgs2:tier", tier.label());
        };
    }

    private static Output<List<String>> ids(List<Subnet> subnets) {
        return Output.all(subnets.stream().map(Subnet::id).toList());
    }

    private static List<String> concat(String first, List<String> rest) {
        var all = new ArrayList<String>();
        all.add(first);
        all.addAll(rest);
        return List.copyOf(all);
    }
}
