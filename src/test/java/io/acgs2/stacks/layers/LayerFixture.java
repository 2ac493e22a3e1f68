package io.acgs2.stacks.layers;

import io.acgs2.stacks.RegionContext;
import io.acgs2.stacks.config.Fleet;
import io.acgs2.stacks.config.FleetLoader;
import io.acgs2.stacks.plan.PlanMocks;
import io.acgs2.stacks.plan.Planner;
import io.acgs2.stacks.plan.StackPlan;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Runs one layer alone under the mock engine, in a stack of a project directory, earlier stacks planned first. */
final class LayerFixture {

    private LayerFixture() {
    }

    static StackPlan runLayer(Path projectDir, String stack, Consumer<RegionContext> layer) {
        var files = FleetLoader.read(projectDir);
        Fleet fleet = FleetLoader.load(files);
        var self = fleet.requireStack(stack);
        var earlier = Planner.planWithDependencies(projectDir, files, fleet, fleet.dependencies(self));
        return Planner.run("acgs2-infra", stack, Map.of(), Set.of(), new PlanMocks(stack, self.region(), earlier),
                ctx -> layer.accept(RegionContext.create(ctx, fleet, self)));
    }
}
