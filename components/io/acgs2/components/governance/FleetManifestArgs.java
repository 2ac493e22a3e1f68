package io.acgs2.components.governance;

import java.util.List;
import java.util.Map;

/**
 * Inputs of {@link FleetManifest}: the residency facts a region publishes about the fleet.
 *
 * @param project         the Pulumi project
 * @param stack           this stack
 * @param region          this region
 * @param zone            this region's sovereignty zone
 * @param zones           every zone and the regions it allows
 * @param restrictedZones zones whose data may not be replicated out of them
 * @param tenants         tenant id to {zone, homeRegion}
 * @param fleet           every region: stack, region, zone, founding, joinOrder
 */
public record FleetManifestArgs(String project, String stack, String region, String zone,
                                Map<String, List<String>> zones, List<String> restrictedZones,
                                Map<String, Map<String, String>> tenants, List<Map<String, Object>> fleet) {
    public FleetManifestArgs {
        zones = Map.copyOf(zones);
        restrictedZones = List.copyOf(restrictedZones);
        tenants = Map.copyOf(tenants);
        fleet = List.copyOf(fleet);
        if (!zones.containsKey(zone)) {
            throw new IllegalArgumentException("FleetManifestArgs: zone '" + zone + "' is not among " + zones.keySet());
        }
    }
}
