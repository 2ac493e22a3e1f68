package io.acgs2.network;

import io.acgs2.components.network.CidrPlan;
import io.acgs2.components.network.Ipv4Cidr;
import io.acgs2.components.network.SubnetTier;
import org.junit.jupiter.api.Test;

import java.util.Random;

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

    /** Property: for any VPC /16../20 and 1..8 AZs, every subnet is inside the VPC, none overlap, and the plan is deterministic. */
    @Test
    void everyPlanIsInsideTheVpcDisjointAndDeterministic() {
        var random = new Random(20261124);
        for (int run = 0; run < 2000; run++) {
            int prefix = 16 + random.nextInt(5);
            long base = (random.nextLong() & 0xFFFFFFFFL) & (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            var vpc = new Ipv4Cidr(base, prefix);
            int azs = 1 + random.nextInt(CidrPlan.MAX_AZS);
            var plan = CidrPlan.of(vpc, azs);
            assertEquals(3 * azs, plan.subnets().size());
            for (int i = 0; i < plan.subnets().size(); i++) {
                var a = plan.subnets().get(i).cidr();
                assertTrue(vpc.contains(a), a + " outside " + vpc);
                for (int j = i + 1; j < plan.subnets().size(); j++) {
                    assertFalse(a.overlaps(plan.subnets().get(j).cidr()), a + " overlaps " + plan.subnets().get(j));
                }
            }
            assertEquals(plan.subnets(), CidrPlan.of(vpc, azs).subnets());
        }
    }

    @Test
    void addingAnAzKeepsEveryExistingBlock() {
        var vpc = Ipv4Cidr.parse("10.30.0.0/16");
        for (int azs = 1; azs < CidrPlan.MAX_AZS; azs++) {
            var before = CidrPlan.of(vpc, azs);
            var after = CidrPlan.of(vpc, azs + 1);
            assertTrue(after.subnets().containsAll(before.subnets()), "growing to " + (azs + 1) + " AZs moved a subnet");
        }
    }

    @Test
    void rejectsVpcsAndAzCountsItCannotPlan() {
        assertThrows(IllegalArgumentException.class, () -> CidrPlan.of(Ipv4Cidr.parse("10.0.0.0/8"), 3));
        assertThrows(IllegalArgumentException.class, () -> CidrPlan.of(Ipv4Cidr.parse("10.0.0.0/24"), 3));
        assertThrows(IllegalArgumentException.class, () -> CidrPlan.of(Ipv4Cidr.parse("10.0.0.0/16"), 9));
        assertThrows(IllegalArgumentException.class, () -> CidrPlan.of(Ipv4Cidr.parse("10.0.0.0/16"), 0));
    }
}
