package io.acgs2.stacks.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Settings shared by every stack (Pulumi.yaml's config block).
 *
 * @param project      the Pulumi project name
 * @param zones        sovereignty zones by name
 * @param tenants      tenants by id
 * @param tags         extra tags merged into every resource's default tags
 * @param meshId       the Istio mesh id shared by all regions. Default: acgs2-mesh
 * @param organization the Pulumi organization holding the stacks, used for StackReference names.
 *                     Default: the organization the engine runs in
 * @param data         the data domains and their replication alarm thresholds. Default: none
 * @param sections     every project section's parsed value, for the layers' own sections ({@link #section})
 */
public record ProjectSettings(String project, Map<String, ZoneSpec> zones, Map<String, TenantSpec> tenants,
                              Map<String, String> tags, String meshId, Optional<String> organization,
                              DataSection.Config data, SectionValues sections) {
    public ProjectSettings {
        // Sorted, so messages and manifests list zones and tenants in the same order on every run.
        zones = Collections.unmodifiableSortedMap(new TreeMap<>(zones));
        tenants = Collections.unmodifiableSortedMap(new TreeMap<>(tenants));
        tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    }

    /** A project section's parsed value, or null when it is optional and absent. */
    public <T> T section(ConfigSection<T> section) {
        return sections.get(section);
    }

    public List<String> restrictedZones() {
        return zones.values().stream().filter(ZoneSpec::restricted).map(ZoneSpec::name).sorted().toList();
    }
}
