package io.acgs2.components.compute;

import io.acgs2.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The desired size: the autoscaler's, inside the bounds; never ignored (EKS refuses min above a stale desired). */
class LiveNodeGroupSizeTest {

    static NodeGroupSpec spec(int min, int max) {
        return NodeGroupSpec.builder().instanceTypes(List.of("m6i.large")).minSize(min).maxSize(max).build();
    }

    @Test
    void theLiveSizeIsKeptInsideTheBounds() {
        assertEquals(5, LiveNodeGroupSize.clamp(5, spec(3, 12)), "the autoscaler's size stays");
        assertEquals(4, LiveNodeGroupSize.clamp(2, spec(4, 12)), "a raised minimum lifts the size to it");
        assertEquals(6, LiveNodeGroupSize.clamp(9, spec(2, 6)), "a lowered maximum brings it down");
        assertEquals(3, LiveNodeGroupSize.clamp(null, spec(3, 12)), "no live group: the configured size");
        for (int live = 0; live <= 20; live++) {
            for (int min = 0; min <= 6; min++) {
                for (int max = Math.max(min, 1); max <= 8; max++) {
                    int d = LiveNodeGroupSize.clamp(live, spec(min, max));
                    assertTrue(min <= d && d <= max, "EKS accepts min <= desired <= max");
                    if (live >= min && live <= max) {
                        assertEquals(live, d, "inside the bounds nothing changes the size");
                    }
                }
            }
        }
    }

    @Test
    void onlyAMissingClusterOrGroupFallsBackToTheConfiguredSize() {
        assertTrue(LiveNodeGroupSize.notFound(new RuntimeException("reading EKS Node Groups: operation error EKS: ListNodegroups, "
                + "ResourceNotFoundException: No cluster found for name: acgs2-us-east-1.")));
        assertFalse(LiveNodeGroupSize.notFound(new RuntimeException("AccessDeniedException: not authorized to perform eks:ListNodegroups")));
    }

    @Test
    void noShippedNodeGroupIgnoresItsDesiredSize() {
        for (var plan : Fixtures.shippedPlans().values()) {
            for (var g : plan.ofType("aws:eks/nodeGroup:NodeGroup")) {
                assertFalse(g.ignoreChanges().contains("scalingConfig.desiredSize"), g.urn());
            }
        }
    }
}
