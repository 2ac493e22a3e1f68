package io.acgs2.components.governance;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fleet manifest as services and the policy pack read it (the SSM parameter's JSON value). Its
 * shape is defined once, in {@code policies/schemas/fleet-manifest.schema.json}; a test checks that
 * what this record writes validates against that schema, and the pack reads the same file.
 *
 * @param project         the Pulumi project
 * @param stack           the stack that wrote it
 * @param region          that stack's region
 * @param zone            that region's sovereignty zone
 * @param zones           every zone and the regions it allows
 * @param restrictedZones zones whose data may not be replicated out of them
 * @param tenants         tenant id to its zone and home region
 * @param fleet           every region of the fleet, in join order
 */
public record FleetManifestDocument(String project, String stack, String region, String zone,
                                    Map<String, List<String>> zones, List<String> restrictedZones,
                                    Map<String, Tenant> tenants, List<Member> fleet) {

    /** Where a tenant's data lives. */
    public record Tenant(String zone, String homeRegion) {
    }

    /** One region of the fleet. */
    public record Member(String stack, String region, String zone, boolean founding, int joinOrder) {
    }

    public FleetManifestDocument {
        zones = Collections.unmodifiableSortedMap(new TreeMap<>(zones));
        restrictedZones = List.copyOf(restrictedZones);
        tenants = Collections.unmodifiableSortedMap(new TreeMap<>(tenants));
        fleet = List.copyOf(fleet);
    }
}
