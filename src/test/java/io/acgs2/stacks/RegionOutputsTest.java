package io.acgs2.stacks;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import io.acgs2.stacks.plan.PlanMocks;
import io.acgs2.stacks.plan.Planner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static io.acgs2.testing.Fixtures.planAll;
import static io.acgs2.testing.Fixtures.shippedProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cross-stack contract: one list of names, and what a stack exports a later stack reads back unchanged. */
class RegionOutputsTest {

    @Test
    void theRecordIsTheOnlyListOfExportNamesAndTheyAreUnique() {
        var names = RegionOutputs.names();
        assertEquals(names.size(), new HashSet<>(names).size(), "duplicate export name in " + names);
        assertTrue(names.containsAll(Set.of("accountId", "transitGatewayId", "transitRouteTableId", "privateRouteTableIds",
                "vpcCidrs", "peeringAttachmentIds")), names.toString());
    }

    @Test
    void aPlannedStackExportsExactlyTheContract(@TempDir Path tmp) {
        for (var plan : io.acgs2.testing.Fixtures.shippedPlans().values()) {
            assertEquals(Set.copyOf(RegionOutputs.names()), plan.outputs().keySet(), plan.stack());
        }
    }

    @Test
    void whatExportWritesReadReadsBack(@TempDir Path tmp) {
        var eu = io.acgs2.testing.Fixtures.shippedPlans().get("eu-west-1");
        // A later stack reads eu-west-1 through a StackReference and exports what it read, typed.
        var reread = Planner.run("acgs2-infra", "reader", Map.of(), Set.of(),
                new PlanMocks("reader", "us-west-2", Map.of("eu-west-1", eu)), ctx -> {
                    var ref = new StackReference("ref", StackReferenceArgs.builder()
                            .name("organization/acgs2-infra/eu-west-1").build(), CustomResourceOptions.builder().build());
                    RegionOutputs.read(ref).export(ctx);
                });
        assertEquals(eu.outputs(), reread.outputs());
        // Typed, not strings: the join order and ASN come back as numbers, the lists as lists.
        assertEquals(1L, ((Number) reread.rawOutputs().get("joinOrder")).longValue());
        assertTrue(reread.rawOutputs().get("joinOrder") instanceof Integer, "joinOrder is decoded to Integer");
        assertTrue(reread.rawOutputs().get("privateRouteTableIds") instanceof java.util.List);
        assertEquals(Map.of("us-east-1", eu.rawOutputs().get("peeringAttachmentIds") instanceof Map<?, ?> m
                ? m.get("us-east-1") : null), reread.rawOutputs().get("peeringAttachmentIds"));
    }

    @Test
    void aPeerDeployedBeforeAFieldExistedStillReadsItsOtherFields(@TempDir Path tmp) {
        var eu = io.acgs2.testing.Fixtures.shippedPlans().get("eu-west-1");
        var older = new java.util.TreeMap<String, Object>(eu.rawOutputs());
        older.keySet().removeIf(k -> !Set.of("stack", "region", "transitGatewayId", "accountId").contains(k));
        var peer = new io.acgs2.stacks.plan.StackPlan(eu.stack(), eu.project(), eu.resources(), older, older, Set.of());
        var reread = Planner.run("acgs2-infra", "reader", Map.of(), Set.of(),
                new PlanMocks("reader", "us-west-2", Map.of("eu-west-1", peer)), ctx -> {
                    var ref = new StackReference("ref", StackReferenceArgs.builder()
                            .name("organization/acgs2-infra/eu-west-1").build(), CustomResourceOptions.builder().build());
                    var outputs = RegionOutputs.read(ref);
                    ctx.export("tgw", outputs.transit().transitGatewayId());
                    ctx.export("cluster", outputs.compute().clusterName().applyValue(v -> v == null ? "(absent)" : v));
                });
        assertEquals(eu.rawOutputs().get("transitGatewayId"), reread.outputs().get("tgw"));
        assertEquals("(absent)", reread.outputs().get("cluster"));
    }
}
