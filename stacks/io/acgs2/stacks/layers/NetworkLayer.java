package io.acgs2.stacks.layers;

import io.acgs2.components.network.RegionalNetwork;
import io.acgs2.components.network.RegionalNetworkArgs;
import io.acgs2.components.network.TransitHub;
import io.acgs2.components.network.TransitHubArgs;
import io.acgs2.components.network.TransitPeering;
import io.acgs2.components.network.TransitPeeringArgs;
import io.acgs2.stacks.RegionContext;
import io.acgs2.stacks.RegionOutputs;
import io.acgs2.stacks.config.NetworkSection;

import com.pulumi.core.Output;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The network layer of a region: its VPC, its Transit Gateway, and a peering link to every earlier
 * region of its partition (this region owns each link, so a region joining changes no earlier stack).
 *
 * @param network  the VPC
 * @param transit  the Transit Gateway
 * @param peerings the links this region owns, by peer region
 */
public record NetworkLayer(RegionalNetwork network, TransitHub transit, SortedMap<String, TransitPeering> peerings) {

    /** Resource names: a stack holds one region, so names need no region prefix; AWS Name tags equal them. */
    public static final String NETWORK = "acgs2-network";
    public static final String TRANSIT = "acgs2-transit";
    public static final String PEERING_PREFIX = "acgs2-peering-";

    public NetworkLayer {
        peerings = Collections.unmodifiableSortedMap(new TreeMap<>(peerings));
    }

    public static NetworkLayer deploy(RegionContext region) {
        var self = region.spec();
        NetworkSection.Config config = self.network();
        var args = RegionalNetworkArgs.builder()
                .vpcCidr(config.vpcCidr())
                .secondaryCidrs(config.secondaryCidrs())
                .availabilityZones(config.availabilityZones())
                .facts(region.facts());
        config.azCount().ifPresent(args::azCount);
        config.natStrategy().ifPresent(args::natStrategy);
        // a dualstack front door needs IPv6 on the public subnets its load balancer sits in
        args.publicIpv6(region.frontDoor().map(f -> f.ipv6()).orElse(false));
        var network = new RegionalNetwork(NETWORK, args.build(), region.inRegion());

        var transit = new TransitHub(TRANSIT, TransitHubArgs.builder()
                .vpcId(network.vpcId)
                .attachmentSubnetIds(network.privateSubnetIds)
                .amazonSideAsn(TransitHubArgs.asnFor(self.joinOrder()))
                .build(), region.inRegion());

        var local = TransitPeeringArgs.End.builder()
                .region(self.region())
                .transitGatewayId(transit.transitGatewayId)
                .routeTableId(transit.routeTableId)
                .cidrs(self.allCidrs())
                .privateRouteTableIds(network.privateRouteTableIds)
                .azCount(network.azCount)
                .build();
        var peerings = new TreeMap<String, TransitPeering>();
        for (var peer : region.peers()) {
            var outputs = peer.outputs();
            var remote = TransitPeeringArgs.End.builder()
                    .region(peer.spec().region())
                    .accountId(outputs.identity().accountId())
                    .transitGatewayId(outputs.transit().transitGatewayId())
                    .routeTableId(outputs.transit().transitRouteTableId())
                    .cidrs(peer.spec().allCidrs())
                    .privateRouteTableIds(outputs.network().privateRouteTableIds())
                    .azCount(peer.spec().azCount()) // from its stack file: the number of routes must be known now
                    .build();
            peerings.put(peer.spec().region(), new TransitPeering(PEERING_PREFIX + peer.spec().region(),
                    TransitPeeringArgs.builder()
                            .local(local)
                            .peer(remote)
                            .localAttachment(transit.vpcAttachment)
                            .peerProvider(peer.provider())
                            .build(), region.inRegion()));
        }
        return new NetworkLayer(network, transit, peerings);
    }

    /** The network's part of the cross-stack contract. */
    public RegionOutputs.Network networkOutputs() {
        return new RegionOutputs.Network(network.vpcId, network.vpcCidrs, network.availabilityZones,
                network.publicSubnetIds, network.privateSubnetIds, network.isolatedSubnetIds,
                network.privateRouteTableIds, network.isolatedRouteTableIds);
    }

    /** The transit part of the cross-stack contract. */
    public RegionOutputs.Transit transitOutputs() {
        var ids = new TreeMap<String, Output<String>>();
        peerings.forEach((region, link) -> ids.put(region, link.attachmentId));
        Output<Map<String, String>> attachments = Output.all(ids.values().stream().toList()).applyValue(values -> {
            var m = new java.util.LinkedHashMap<String, String>();
            var keys = ids.keySet().stream().toList();
            for (int i = 0; i < keys.size(); i++) {
                m.put(keys.get(i), values.get(i));
            }
            return m;
        });
        return new RegionOutputs.Transit(transit.transitGatewayId, transit.routeTableId,
                Output.of(transit.amazonSideAsn), attachments);
    }
}
