package io.acgs2.components.data;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import io.acgs2.components.network.Ipv4Cidr;
import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static io.acgs2.testing.Fixtures.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RotationPathTest {

    static StackPlan plan() {
        return runInRegion("eu-west-3", r -> {
            var owner = new Provider("aws-eu-west-1", ProviderArgs.builder().region("eu-west-1").build());
            new RotationPath("path", RotationPathArgs.builder()
                    .domain("gdpr-tenants")
                    .ownerRegion("eu-west-1")
                    .ownerPrivateRange(Ipv4Cidr.parse("10.20.0.0/17"))
                    .ownerRotationSecurityGroupId(Output.of("sg-0rotation"))
                    .ownerProvider(owner)
                    .databaseSecurityGroupId(Output.of("sg-0database"))
                    .isolatedRange(Ipv4Cidr.parse("10.30.128.0/18"))
                    .isolatedRouteTableIds(Output.of(List.of("rtb-i1", "rtb-i2", "rtb-i3")))
                    .azCount(3)
                    .transitGatewayId(Output.of("tgw-0eu3"))
                    .build(), r.opts());
        });
    }

    @Test
    void theLaterRegionOpensPostgresFromTheOwnersRotationAndRoutesBack() {
        var plan = plan();
        var in = one(plan, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "path-in");
        assertEquals("sg-0database", in.inputs().get("securityGroupId"));
        assertEquals("10.20.0.0/17", in.inputs().get("cidrIpv4"));
        assertEquals(5432L, in.inputs().get("fromPort"));
        assertEquals(5432L, in.inputs().get("toPort"));
        assertEquals("eu-west-3", in.providerRegion());
        var routes = where(plan, r -> r.type().equals("aws:ec2/route:Route"));
        assertEquals(List.of("rtb-i1", "rtb-i2", "rtb-i3"), routes.stream().map(r -> r.inputs().get("routeTableId")).sorted().toList());
        routes.forEach(r -> {
            assertEquals("10.20.0.0/17", r.inputs().get("destinationCidrBlock"));
            assertEquals("tgw-0eu3", r.inputs().get("transitGatewayId"));
            assertTrue(r.name().startsWith("path-az"), r.name());
        });
        // the owner's side of the link, written by this stack through a provider for the owner's region
        var out = one(plan, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "path-out");
        assertEquals("sg-0rotation", out.inputs().get("securityGroupId"));
        assertEquals("10.30.128.0/18", out.inputs().get("cidrIpv4"));
        assertEquals(5432L, out.inputs().get("toPort"));
        assertEquals("eu-west-1", out.providerRegion());
    }

    @Test
    void rejectsEveryMissingFieldAtOnce() {
        var e = assertThrows(IllegalArgumentException.class, () -> RotationPathArgs.builder().build());
        for (var field : List.of("domain", "ownerRegion", "ownerPrivateRange", "ownerRotationSecurityGroupId", "ownerProvider",
                "databaseSecurityGroupId", "isolatedRange", "isolatedRouteTableIds", "transitGatewayId", "azCount")) {
            assertTrue(e.getMessage().contains(field + ":"), field + " in " + e.getMessage());
        }
    }
}
