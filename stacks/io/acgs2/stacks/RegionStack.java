package io.acgs2.stacks;

import com.pulumi.Context;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import io.acgs2.components.governance.FleetManifest;
import io.acgs2.components.governance.FleetManifestArgs;
import io.acgs2.components.network.RegionalNetwork;
import io.acgs2.components.network.RegionalNetworkArgs;
import io.acgs2.components.network.TransitHub;
import io.acgs2.components.network.TransitHubArgs;
import io.acgs2.components.network.TransitPeering;
import io.acgs2.components.network.TransitPeeringArgs;
import io.acgs2.stacks.config.Fleet;
import io.acgs2.stacks.config.RegionSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Assembles one region's stack from the fleet configuration. */
public final class RegionStack {

    /** Resource names: a stack holds one region, so names need no region prefix; AWS Name tags equal them. */
    static final String NETWORK = "acgs2-network";
    static final String TRANSIT = "acgs2-transit";
    static final String MANIFEST = "acgs2-fleet";

    private RegionStack() {
    }

    public static void build(Context ctx, Fleet fleet, RegionSpec self) {
        var provider = awsProvider(ctx.stackName(), fleet, self);
        var inRegion = ComponentResourceOptions.builder().providers(provider).build();

        new FleetManifest(MANIFEST, manifestArgs(ctx, fleet, self), inRegion);

        var network = new RegionalNetwork(NETWORK, new RegionalNetworkArgs(self.vpcCidr(), self.secondaryCidrs(),
                self.azCount(), self.nat(), RegionalNetworkArgs.DEFAULT_FLOW_LOG_RETENTION_DAYS, self.availabilityZones(),
                true), inRegion);
        var transit = new TransitHub(TRANSIT, new TransitHubArgs(network.vpcId, network.privateSubnetIds,
                TransitHubArgs.asnFor(self.joinOrder())), inRegion);

        // This region owns the link to every earlier region, so a region joining changes no earlier network.
        var peerings = new TreeMap<String, Output<String>>();
        var accountId = AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(),
                new InvokeOptions(null, provider, null)).applyValue(r -> r.accountId());
        for (var peer : fleet.earlierPeers(self)) {
            var ref = new StackReference("stackref-" + peer.stack(), StackReferenceArgs.builder()
                    .name(stackReferenceName(ctx, fleet, peer)).build(), CustomResourceOptions.builder().build());
            var peerProvider = awsProvider(ctx.stackName(), fleet, peer);
            var link = new TransitPeering("acgs2-peering-" + peer.region(), new TransitPeeringArgs(
                    self.region(), transit.transitGatewayId, transit.routeTableId, self.allCidrs(),
                    network.privateRouteTableIds, self.azCount(), transit.vpcAttachment,
                    peer.region(), string(ref, "accountId"), string(ref, "transitGatewayId"),
                    string(ref, "transitRouteTableId"), peer.allCidrs(), strings(ref, "privateRouteTableIds"),
                    peer.azCount(), peerProvider), inRegion);
            peerings.put(peer.region(), link.attachmentId);
        }

        ctx.export("stack", Output.of(ctx.stackName()));
        ctx.export("region", Output.of(self.region()));
        ctx.export("zone", Output.of(self.zone()));
        ctx.export("joinOrder", Output.of(self.joinOrder()));
        ctx.export("meshNetwork", Output.of(self.meshNetwork()));
        ctx.export("accountId", accountId);
        ctx.export("vpcId", network.vpcId);
        ctx.export("vpcCidrs", network.vpcCidrs);
        ctx.export("availabilityZones", network.availabilityZones);
        ctx.export("publicSubnetIds", network.publicSubnetIds);
        ctx.export("privateSubnetIds", network.privateSubnetIds);
        ctx.export("isolatedSubnetIds", network.isolatedSubnetIds);
        ctx.export("privateRouteTableIds", network.privateRouteTableIds);
        ctx.export("isolatedRouteTableIds", network.isolatedRouteTableIds);
        ctx.export("transitGatewayId", transit.transitGatewayId);
        ctx.export("transitRouteTableId", transit.routeTableId);
        ctx.export("transitGatewayAsn", Output.of(TransitHubArgs.asnFor(self.joinOrder())));
        ctx.export("peeringAttachmentIds", Output.all(peerings.values().stream().toList())
                .applyValue(ids -> {
                    var m = new LinkedHashMap<String, String>();
                    var keys = List.copyOf(peerings.keySet());
                    for (int i = 0; i < keys.size(); i++) {
                        m.put(keys.get(i), ids.get(i));
                    }
                    return m;
                }));
    }

    /**
     * The explicit provider of a region, so every resource's region is visible to the policy pack.
     * Default tags carry the fleet-wide tags; the stack tag names the stack that owns the resource.
     */
    static Provider awsProvider(String stack, Fleet fleet, RegionSpec region) {
        var tags = new TreeMap<String, String>(fleet.settings().tags());
        tags.put("project", fleet.settings().project());
        tags.put("stack", stack);
        tags.put("region", region.region());
        tags.put("zone", region.zone());
        return new Provider("aws-" + region.region(), ProviderArgs.builder()
                .region(region.region())
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(tags).build())
                .build());
    }

    static String stackReferenceName(Context ctx, Fleet fleet, RegionSpec peer) {
        var org = fleet.settings().organization().orElseGet(ctx::organizationName);
        return org + "/" + fleet.settings().project() + "/" + peer.stack();
    }

    static FleetManifestArgs manifestArgs(Context ctx, Fleet fleet, RegionSpec self) {
        var s = fleet.settings();
        var zones = new TreeMap<String, List<String>>();
        s.zones().values().forEach(z -> zones.put(z.name(), z.regions()));
        var tenants = new TreeMap<String, Map<String, String>>();
        s.tenants().values().forEach(t -> tenants.put(t.id(), Map.of("zone", t.zone(), "homeRegion", t.homeRegion())));
        var regions = fleet.regions().stream().map(r -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("stack", r.stack());
            m.put("region", r.region());
            m.put("zone", r.zone());
            m.put("founding", r.founding());
            m.put("joinOrder", r.joinOrder());
            return (Map<String, Object>) m;
        }).toList();
        return new FleetManifestArgs(s.project(), ctx.stackName(), self.region(), self.zone(), zones,
                s.restrictedZones(), tenants, regions);
    }

    private static Output<String> string(StackReference ref, String name) {
        return ref.requireOutput(name).applyValue(v -> v instanceof Double d ? String.valueOf(d.longValue()) : String.valueOf(v));
    }

    private static Output<List<String>> strings(StackReference ref, String name) {
        return ref.requireOutput(name).applyValue(v -> ((List<?>) v).stream().map(String::valueOf).toList());
    }

}
