package io.acgs2.stacks.layers;

import io.acgs2.components.governance.FleetManifest;
import io.acgs2.components.governance.FleetManifestArgs;
import io.acgs2.components.governance.FleetManifestDocument;
import io.acgs2.stacks.RegionContext;

import java.util.TreeMap;

/**
 * The governance layer of a region: the fleet manifest it publishes (zones, tenants, regions), which
 * services read to route a tenant's data and the policy pack reads to check residency.
 *
 * @param manifest the published manifest
 */
public record GovernanceLayer(FleetManifest manifest) {

    public static final String MANIFEST = "acgs2-fleet";

    public static GovernanceLayer deploy(RegionContext region) {
        return new GovernanceLayer(new FleetManifest(MANIFEST, FleetManifestArgs.builder()
                .manifest(document(region))
                .build(), region.inRegion()));
    }

    /** The manifest this stack publishes: the whole fleet as its stack files declare it. */
    public static FleetManifestDocument document(RegionContext region) {
        var settings = region.fleet().settings();
        var zones = new TreeMap<String, java.util.List<String>>();
        settings.zones().values().forEach(z -> zones.put(z.name(), z.regions()));
        var tenants = new TreeMap<String, FleetManifestDocument.Tenant>();
        settings.tenants().values().forEach(t -> tenants.put(t.id(), new FleetManifestDocument.Tenant(t.zone(), t.homeRegion())));
        var fleet = region.fleet().regions().stream()
                .map(r -> new FleetManifestDocument.Member(r.stack(), r.region(), r.zone(), r.founding(), r.joinOrder()))
                .toList();
        var self = region.spec();
        return new FleetManifestDocument(settings.project(), region.stackName(), self.region(), self.zone(), zones,
                settings.restrictedZones(), tenants, fleet);
    }
}
