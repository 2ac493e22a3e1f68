package io.acgs2.components.network;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CidrPlanTest {

    @Test
    void a16WithThreeAzsGetsTheDocumentedLayout() {
        var plan = CidrPlan.of(Ipv4Cidr.parse("10.10.0.0/16"), 3);
        assertEquals("10.10.0.0/20", plan.cidr(SubnetTier.PRIVATE, 0).toString());
        assertEquals("10.10.16.0/20", plan.cidr(SubnetTier.PRIVATE, 1).toString());
        assertEquals("10.10.128.0/21", plan.cidr(SubnetTier.ISOLATED, 0).toString());
        assertEquals("10.10.192.0/22", plan.cidr(SubnetTier.PUBLIC, 0).toString());
        assertEquals(9, plan.subnets().size());
    }

    /** Any VPC from /16 to /20 AWS could hold: a random network address with the host bits cleared. */
    @Provide
    Arbitrary<Ipv4Cidr> vpcs() {
        return Combinators.combine(Arbitraries.longs().between(0, 0xFFFFFFFFL),
                        Arbitraries.integers().between(NetworkRules.MIN_VPC_PREFIX, NetworkRules.MAX_VPC_PREFIX))
                .as((address, prefix) -> new Ipv4Cidr(address & (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL, prefix));
    }

    @Property
    void everySubnetIsInsideTheVpcAndNoTwoOverlap(@ForAll("vpcs") Ipv4Cidr vpc, @ForAll @IntRange(min = 1, max = 8) int azs) {
        var plan = CidrPlan.of(vpc, azs);
        assertEquals(3 * azs, plan.subnets().size());
        for (int i = 0; i < plan.subnets().size(); i++) {
            var a = plan.subnets().get(i).cidr();
            assertTrue(vpc.contains(a), a + " outside " + vpc);
            for (int j = i + 1; j < plan.subnets().size(); j++) {
                assertFalse(a.overlaps(plan.subnets().get(j).cidr()), a + " overlaps " + plan.subnets().get(j));
            }
        }
    }

    @Property
    void eachTierLiesInItsRangeAndTheRangesAreDisjoint(@ForAll("vpcs") Ipv4Cidr vpc, @ForAll @IntRange(min = 1, max = 8) int azs) {
        var plan = CidrPlan.of(vpc, azs);
        for (var s : plan.subnets()) {
            for (var tier : SubnetTier.values()) {
                assertEquals(tier == s.tier(), CidrPlan.range(vpc, tier).contains(s.cidr()), s + " against the " + tier + " range");
            }
        }
        for (var a : SubnetTier.values()) {
            assertTrue(vpc.contains(CidrPlan.range(vpc, a)));
            for (var b : SubnetTier.values()) {
                assertEquals(a == b, CidrPlan.range(vpc, a).overlaps(CidrPlan.range(vpc, b)), a + " and " + b);
            }
        }
    }

    @Test
    void theRangesOfA16() {
        var vpc = Ipv4Cidr.parse("10.10.0.0/16");
        assertEquals("10.10.0.0/17", CidrPlan.range(vpc, SubnetTier.PRIVATE).toString());
        assertEquals("10.10.128.0/18", CidrPlan.range(vpc, SubnetTier.ISOLATED).toString());
        assertEquals("10.10.192.0/19", CidrPlan.range(vpc, SubnetTier.PUBLIC).toString());
    }

    @Property
    void thePlanIsAPureFunctionOfVpcAndAzCount(@ForAll("vpcs") Ipv4Cidr vpc, @ForAll @IntRange(min = 1, max = 8) int azs) {
        assertEquals(CidrPlan.of(vpc, azs).subnets(), CidrPlan.of(vpc, azs).subnets());
    }

    @Property
    void addingAnAzKeepsEveryExistingBlock(@ForAll("vpcs") Ipv4Cidr vpc, @ForAll @IntRange(min = 1, max = 7) int azs) {
        var before = CidrPlan.of(vpc, azs);
        var after = CidrPlan.of(vpc, azs + 1);
        assertTrue(after.subnets().containsAll(before.subnets()), "growing to " + (azs + 1) + " AZs moved a subnet");
    }

    @Test
    void rejectsVpcsAndAzCountsItCannotPlanWithTheSharedRule() {
        var tooBig = assertThrows(IllegalArgumentException.class, () -> CidrPlan.of(Ipv4Cidr.parse("10.0.0.0/8"), 3));
        assertTrue(tooBig.getMessage().contains("/8 is outside /16 to /20"), tooBig.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CidrPlan.of(Ipv4Cidr.parse("10.0.0.0/24"), 3));
        var azs = assertThrows(IllegalArgumentException.class, () -> CidrPlan.of(Ipv4Cidr.parse("10.0.0.0/16"), 9));
        assertTrue(azs.getMessage().contains("'9' is not a whole number from 1 to 8"), azs.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CidrPlan.of(Ipv4Cidr.parse("10.0.0.0/16"), 0));
    }
}
