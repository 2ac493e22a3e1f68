package io.acgs2.components.network;

import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.acgs2.testing.Fixtures.ancestors;
import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.statement;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static io.acgs2.testing.Fixtures.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionalNetworkTest {

    private static StackPlan network(int azCount, NatStrategy nat, List<String> secondary) {
        return runInRegion("eu-west-1", r -> new RegionalNetwork("net", RegionalNetworkArgs.builder()
                .vpcCidr(Ipv4Cidr.parse("10.20.0.0/16"))
                .secondaryCidrs(secondary.stream().map(Ipv4Cidr::parse).toList())
                .azCount(azCount)
                .natStrategy(nat)
                .facts(r.facts())
                .build(), r.opts()));
    }

    private static long count(StackPlan plan, String type) {
        return plan.count(type);
    }

    @ParameterizedTest(name = "{0} AZs with NAT {1}: {2} NAT gateways")
    @CsvSource({
            "3, ONE_PER_AZ, 3", "3, SINGLE, 1", "3, NONE, 0",
            "2, ONE_PER_AZ, 2", "1, SINGLE, 1", "4, ONE_PER_AZ, 4"})
    void registersSubnetsTablesAndNatPerAzAndStrategy(int azs, NatStrategy nat, int natGateways) {
        var plan = network(azs, nat, List.of());

        assertEquals(1, count(plan, "aws:ec2/vpc:Vpc"));
        assertEquals(3L * azs, count(plan, "aws:ec2/subnet:Subnet"));
        assertEquals(natGateways, count(plan, "aws:ec2/natGateway:NatGateway"));
        assertEquals(natGateways, count(plan, "aws:ec2/eip:Eip"));
        assertEquals(1, count(plan, "aws:ec2/internetGateway:InternetGateway"));
        // one public table, one private and one isolated table per AZ
        assertEquals(1 + 2L * azs, count(plan, "aws:ec2/routeTable:RouteTable"));
        assertEquals(3L * azs, count(plan, "aws:ec2/routeTableAssociation:RouteTableAssociation"));
        // the public default route, plus a default route per private table when there is NAT
        var defaults = where(plan, r -> r.type().equals("aws:ec2/route:Route")
                && "0.0.0.0/0".equals(r.inputs().get("destinationCidrBlock")));
        assertEquals(1 + (nat == NatStrategy.NONE ? 0 : azs), defaults.size());
        for (int az = 1; az <= azs; az++) {
            var subnet = one(plan, "aws:ec2/subnet:Subnet", "net-private-az" + az);
            assertEquals("eu-west-1" + (char) ('a' + az - 1), subnet.inputs().get("availabilityZone"));
            assertEquals(false, subnet.inputs().get("mapPublicIpOnLaunch"));
        }
    }

    @Test
    void everyPrivateTableRoutesToTheNatGatewayOfItsOwnAz() {
        var plan = network(3, NatStrategy.ONE_PER_AZ, List.of());
        for (int az = 1; az <= 3; az++) {
            var route = one(plan, "aws:ec2/route:Route", "net-private-az" + az + "-default");
            var nat = one(plan, "aws:ec2/natGateway:NatGateway", "net-nat-az" + az);
            assertTrue(route.dependencies().contains(nat.urn()), "private az" + az + " must use nat-az" + az);
        }
    }

    @Test
    void flowLogsGoToAKmsEncryptedRetainedLogGroupThroughAScopedRole() {
        var plan = network(3, NatStrategy.ONE_PER_AZ, List.of());

        var flowLog = one(plan, "aws:ec2/flowLog:FlowLog", "net-flow-log");
        var vpc = one(plan, "aws:ec2/vpc:Vpc", "net-vpc");
        var logGroup = one(plan, "aws:cloudwatch/logGroup:LogGroup", "net-flow-logs");
        var key = one(plan, "aws:kms/key:Key", "net-logs-key");
        assertEquals("ALL", flowLog.inputs().get("trafficType"));
        assertEquals("cloud-watch-logs", flowLog.inputs().get("logDestinationType"));
        assertTrue(flowLog.dependencies().containsAll(List.of(vpc.urn(), logGroup.urn())));
        assertEquals(365L, logGroup.inputs().get("retentionInDays"));
        assertTrue(logGroup.dependencies().contains(key.urn()), "log group must be encrypted with the network's key");
        assertTrue(String.valueOf(logGroup.inputs().get("kmsKeyId")).startsWith("arn:aws:kms:eu-west-1:"));
        assertEquals(true, key.inputs().get("enableKeyRotation"));
        var logsUse = statement(key.inputs().get("policy"), "CloudWatchLogsUse");
        assertEquals("logs.eu-west-1.amazonaws.com", logsUse.get("Principal").get("Service").asText());
        assertTrue(logsUse.get("Condition").get("ArnLike").get("kms:EncryptionContext:aws:logs:arn").asText()
                .endsWith(":log-group:/acgs2/*"));

        var write = json(one(plan, "aws:iam/rolePolicy:RolePolicy", "net-flow-logs").inputs().get("policy")).get("Statement").get(0);
        var resources = write.get("Resource");
        assertEquals(2, resources.size());
        resources.forEach(arn -> assertTrue(arn.asText().contains(":log-group:/acgs2/net/vpc-flow-logs"),
                "flow log role must write only to its own log group: " + arn));
    }

    @Test
    void withPublicIpv6OnlyThePublicTierGetsIpv6ForADualstackLoadBalancer() {
        var plan = runInRegion("eu-west-1", r -> new RegionalNetwork("net", RegionalNetworkArgs.builder()
                .vpcCidr(Ipv4Cidr.parse("10.20.0.0/16")).azCount(3).publicIpv6(true).facts(r.facts()).build(), r.opts()));
        assertEquals(true, one(plan, "aws:ec2/vpc:Vpc", "net-vpc").inputs().get("assignGeneratedIpv6CidrBlock"));
        var v6 = new java.util.TreeSet<String>();
        for (var s : plan.ofType("aws:ec2/subnet:Subnet")) {
            var block = s.inputs().get("ipv6CidrBlock");
            if (s.name().startsWith("net-public-")) {
                assertTrue(String.valueOf(block).endsWith("::/64"), s.name() + " " + block);
                v6.add(String.valueOf(block));
                assertTrue(!Boolean.TRUE.equals(s.inputs().get("assignIpv6AddressOnCreation")), "no address unless asked for");
            } else {
                assertEquals(null, block, s.name() + " stays IPv4-only");
            }
        }
        assertEquals(3, v6.size(), "one /64 per public subnet");
        var route = one(plan, "aws:ec2/route:Route", "net-public-default-ipv6");
        assertEquals("::/0", route.inputs().get("destinationIpv6CidrBlock"));
        assertTrue(String.valueOf(route.inputs().get("gatewayId")).startsWith("igw-"));
        // off by default: nothing IPv6
        var plain = network(3, NatStrategy.ONE_PER_AZ, List.of());
        assertEquals(null, one(plain, "aws:ec2/vpc:Vpc", "net-vpc").inputs().get("assignGeneratedIpv6CidrBlock"));
        assertEquals(0, where(plain, r -> r.name().equals("net-public-default-ipv6")).size());
    }

    @Test
    void theDefaultSecurityGroupIsClosed() {
        var sg = one(network(3, NatStrategy.ONE_PER_AZ, List.of()),
                "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "net-default-sg");
        assertEquals(List.of(), sg.inputs().get("ingress"));
        assertEquals(List.of(), sg.inputs().get("egress"));
    }

    @Test
    void everyChildIsParentedUnderTheComponentAndTaggedWithItsName() {
        var plan = network(3, NatStrategy.ONE_PER_AZ, List.of("100.64.0.0/16"));
        var component = one(plan, RegionalNetwork.TYPE, "net");
        var children = where(plan, r -> r.custom() && !r.type().startsWith("pulumi:"));
        assertFalse(children.isEmpty());
        for (var r : children) {
            assertTrue(ancestors(plan, r).contains(component.urn()), r.name() + " is not under the component");
            assertTrue(r.name().startsWith("net-"), r.name() + " is not named <component>-<part>");
            assertEquals("eu-west-1", r.providerRegion(), r.name() + " has no explicit provider region");
            if (r.inputs().containsKey("tags")) {
                assertEquals(r.name(), map(r.inputs().get("tags")).get("Name"), r.name() + " Name tag");
            }
        }
        // routes live under their table, subnets under the VPC
        var table = one(plan, "aws:ec2/routeTable:RouteTable", "net-private-az2");
        assertEquals(table.urn(), one(plan, "aws:ec2/route:Route", "net-private-az2-default").parent());
        assertEquals(one(plan, "aws:ec2/vpc:Vpc", "net-vpc").urn(), one(plan, "aws:ec2/subnet:Subnet", "net-public-az1").parent());
        assertNotNull(one(plan, "aws:ec2/vpcIpv4CidrBlockAssociation:VpcIpv4CidrBlockAssociation", "net-cidr-100-64-0-0-16"));
    }

    @Test
    void subnetsCarryTheTagsTheLoadBalancerControllerLooksFor() {
        var plan = network(2, NatStrategy.SINGLE, List.of());
        assertEquals("1", map(one(plan, "aws:ec2/subnet:Subnet", "net-public-az1").inputs().get("tags")).get("kubernetes.io/role/elb"));
        assertEquals("1", map(one(plan, "aws:ec2/subnet:Subnet", "net-private-az2").inputs().get("tags"))
                .get("kubernetes.io/role/internal-elb"));
        assertFalse(map(one(plan, "aws:ec2/subnet:Subnet", "net-isolated-az1").inputs().get("tags"))
                .containsKey("kubernetes.io/role/internal-elb"), "no load balancer may land in the data tier");
    }

    @Test
    void isolatedSubnetsHaveNoRouteOutOfTheVpc() {
        var plan = network(3, NatStrategy.ONE_PER_AZ, List.of());
        for (int az = 1; az <= 3; az++) {
            var table = one(plan, "aws:ec2/routeTable:RouteTable", "net-isolated-az" + az);
            assertTrue(where(plan, r -> r.type().equals("aws:ec2/route:Route") && table.urn().equals(r.parent())).isEmpty());
        }
    }

    @Test
    void badArgsAreRejectedWithEveryProblemNamedByFieldWithItsFix() {
        var e = assertThrows(IllegalArgumentException.class, () -> RegionalNetworkArgs.builder()
                .vpcCidr(Ipv4Cidr.parse("10.0.0.0/24"))
                .secondaryCidrs(List.of(Ipv4Cidr.parse("10.0.0.0/16")))
                .azCount(9)
                .flowLogRetentionDays(42)
                .availabilityZones(List.of("a"))
                .build());
        var m = e.getMessage();
        assertTrue(m.startsWith("RegionalNetworkArgs: 6 problems: "), m);
        assertTrue(m.contains("vpcCidr: /24 is outside /16 to /20. Fix: use a /16"), m);
        assertTrue(m.contains("azCount: '9' is not a whole number from 1 to 8. Fix: "), m);
        assertTrue(m.contains("availabilityZones: lists 1 AZs but azCount is 9. Fix: "), m);
        assertTrue(m.contains("secondaryCidrs: 10.0.0.0/16 overlaps the VPC CIDR 10.0.0.0/24. Fix: "), m);
        assertTrue(m.contains("flowLogRetentionDays: '42' is not a CloudWatch Logs retention value. Fix: use one of"), m);
        assertTrue(m.contains("facts: is required. Fix: "), m);
    }

    @Test
    void aMissingCidrIsNamedAndTheDefaultsApplyOtherwise() {
        var e = assertThrows(IllegalArgumentException.class, () -> RegionalNetworkArgs.builder().build());
        assertTrue(e.getMessage().contains("vpcCidr: is required. Fix: pass the region's VPC block"), e.getMessage());
        var plan = runInRegion("us-east-1", r -> {
            var args = RegionalNetworkArgs.builder().vpcCidr(Ipv4Cidr.parse("10.10.0.0/16")).facts(r.facts()).build();
            assertEquals(RegionalNetworkArgs.DEFAULT_AZ_COUNT, args.azCount());
            assertEquals(NatStrategy.ONE_PER_AZ, args.natStrategy());
            assertEquals(365, args.flowLogRetentionDays());
            assertTrue(args.retainFlowLogs());
            new RegionalNetwork("net", args, r.opts());
        });
        assertEquals(9, plan.count("aws:ec2/subnet:Subnet"));
        assertEquals(3, plan.count("aws:ec2/natGateway:NatGateway"));
    }

    @Test
    void pinnedAvailabilityZonesAreUsedInOrderAndOptOutsAreHonoured() {
        var plan = runInRegion("us-east-1", r -> new RegionalNetwork("net", RegionalNetworkArgs.builder()
                .vpcCidr(Ipv4Cidr.parse("10.10.0.0/16"))
                .azCount(2)
                .natStrategy(NatStrategy.NONE)
                .flowLogRetentionDays(90)
                .availabilityZones(List.of("us-east-1d", "us-east-1f"))
                .retainFlowLogs(false)
                .facts(r.facts())
                .build(), r.opts()));
        assertEquals("us-east-1d", one(plan, "aws:ec2/subnet:Subnet", "net-private-az1").inputs().get("availabilityZone"));
        assertEquals("us-east-1f", one(plan, "aws:ec2/subnet:Subnet", "net-private-az2").inputs().get("availabilityZone"));
        assertEquals(90L, one(plan, "aws:cloudwatch/logGroup:LogGroup", "net-flow-logs").inputs().get("retentionInDays"));
        assertFalse(one(plan, "aws:cloudwatch/logGroup:LogGroup", "net-flow-logs").retainOnDelete(), "opt-out honoured");
    }

    @Test
    void policiesUseTheAccountAndPartitionOfTheFactsPassedIn() {
        var plan = runInRegion("cn-north-1", r -> new RegionalNetwork("net", RegionalNetworkArgs.builder()
                .vpcCidr(Ipv4Cidr.parse("10.50.0.0/16")).facts(r.facts()).build(), r.opts()));
        var policy = one(plan, "aws:kms/key:Key", "net-logs-key").inputs().get("policy");
        assertEquals("arn:aws-cn:iam::123456789012:root",
                statement(policy, "AccountAdministration").get("Principal").get("AWS").asText());
        assertEquals("arn:aws-cn:logs:cn-north-1:123456789012:log-group:/acgs2/*", statement(policy, "CloudWatchLogsUse")
                .get("Condition").get("ArnLike").get("kms:EncryptionContext:aws:logs:arn").asText());
        var trust = json(one(plan, "aws:iam/role:Role", "net-flow-logs").inputs().get("assumeRolePolicy")).get("Statement").get(0);
        assertEquals("123456789012", trust.get("Condition").get("StringEquals").get("aws:SourceAccount").asText());
    }

    @Test
    void flowLogsAreProtectedAndTheirKeyOutlivesTheStackByDefault() {
        var plan = network(3, NatStrategy.ONE_PER_AZ, List.of());
        var flowLogs = one(plan, "aws:cloudwatch/logGroup:LogGroup", "net-flow-logs");
        assertTrue(flowLogs.protect(), "audit evidence: deleted only after a deliberate unprotect");
        assertFalse(flowLogs.retainOnDelete(), "a retained group under its fixed name would block the next create");
        assertTrue(one(plan, "aws:kms/key:Key", "net-logs-key").retainOnDelete());
        assertFalse(one(plan, "aws:ec2/vpc:Vpc", "net-vpc").retainOnDelete(), "the network itself is not retained");
    }

    @Test
    void growingTheAzCountOrChangingNatOnlyAddsOrUpdatesNeverMovesASubnet() {
        var before = network(2, NatStrategy.SINGLE, List.of());
        var after = network(3, NatStrategy.ONE_PER_AZ, List.of());
        var afterByUrn = new java.util.HashMap<String, Object>();
        after.resources().forEach(r -> afterByUrn.put(r.urn(), r.inputs()));
        for (var r : before.resources()) {
            assertTrue(afterByUrn.containsKey(r.urn()), r.urn() + " disappeared");
            if (r.type().equals("aws:ec2/subnet:Subnet") || r.type().equals("aws:ec2/vpc:Vpc")) {
                assertEquals(r.inputs(), afterByUrn.get(r.urn()), r.name() + " would be replaced");
            }
        }
    }
}
