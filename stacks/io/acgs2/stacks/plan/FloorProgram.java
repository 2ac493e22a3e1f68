package io.acgs2.stacks.plan;

import java.util.Map;
import java.util.Set;

/**
 * The benchmark floor: an empty program under the same mock engine as the offline plan. The
 * difference between this and a real plan is what the program itself costs.
 */
public final class FloorProgram {

    private FloorProgram() {
    }

    public static void main(String[] args) {
        var plan = Planner.run("acgs2-infra", "floor", Map.of(), Set.of(),
                new PlanMocks("floor", "us-east-1", Map.of()), ctx -> { });
        System.out.println("floor: " + plan.resources().size() + " resource(s) registered");
    }
}
