package io.acgs2.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import io.acgs2.stacks.config.Fleet;
import io.acgs2.stacks.config.RegionSpec;
import io.acgs2.stacks.layers.CiLayer;
import io.acgs2.stacks.layers.ComputeLayer;
import io.acgs2.stacks.layers.DataLayer;
import io.acgs2.stacks.layers.EventsLayer;
import io.acgs2.stacks.layers.MeshLayer;
import io.acgs2.stacks.layers.OperationsLayer;
import io.acgs2.stacks.layers.ServicesLayer;
import io.acgs2.stacks.layers.GovernanceLayer;
import io.acgs2.stacks.layers.NetworkLayer;
import io.acgs2.stacks.layers.TrafficLayer;

/**
 * One region's stack: the layers in order, each taking the region context and the typed outputs of
 * the layers before it, then the cross-stack contract exported.
 */
public final class RegionStack {

    private RegionStack() {
    }

    public static void build(Context ctx, Fleet fleet, RegionSpec self) {
        // the engine shows these in the preview: a domain here with no cross-region copy
        fleet.domainsIn(self.region()).forEach(d -> d.warnings().forEach(w -> ctx.log().warn(w)));
        var region = RegionContext.create(ctx, fleet, self);
        GovernanceLayer.deploy(region);
        var network = NetworkLayer.deploy(region);
        var compute = ComputeLayer.deploy(region, network);
        var data = DataLayer.deploy(region, network, compute);
        var mesh = MeshLayer.deploy(region, network, compute);
        var events = EventsLayer.deploy(region, compute, mesh);
        var services = ServicesLayer.deploy(region, network, compute, data, mesh, events);
        var traffic = TrafficLayer.deploy(region, compute, data, mesh, services);
        var operations = OperationsLayer.deploy(region, network, compute, data, mesh, services, traffic);
        CiLayer.deploy(region, network, compute);
        new RegionOutputs(identity(region), network.networkOutputs(), network.transitOutputs(), compute.outputs(),
                data.outputs(), mesh.outputs(services), events.outputs(), traffic.outputs(), operations.outputs()).export(ctx);
    }

    static RegionOutputs.Identity identity(RegionContext region) {
        var self = region.spec();
        return new RegionOutputs.Identity(Output.of(region.stackName()), Output.of(self.region()), Output.of(self.zone()),
                Output.of(self.joinOrder()), Output.of(self.meshNetwork()), region.facts().accountId());
    }
}
