package io.acgs2.stacks.config;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The registry of configuration sections, in parse order (a section may read the ones before it).
 * The keys Pulumi.yaml and the stack files may hold are derived from it. To add a section: write
 * one {@link ConfigSection} class and add it here.
 */
public final class ConfigSections {

    /** Pulumi.yaml's sections. */
    public static final List<ConfigSection<?>> PROJECT = List.of(
            ZonesSection.SECTION,
            TenantsSection.SECTION,
            TagsSection.SECTION,
            MeshIdSection.SECTION,
            OrganizationSection.SECTION,
            EksSection.DEFAULTS,
            DataSection.SECTION,
            MeshCaSection.SECTION,
            ServicesSection.SECTION,
            EventsSection.SECTION,
            CiSection.SECTION,
            TrafficSection.SECTION,
            OperationsSection.SECTION);

    /** Each stack file's sections. */
    public static final List<ConfigSection<?>> STACK = List.of(
            AwsRegionSection.SECTION,
            ZoneSection.SECTION,
            FleetSection.SECTION,
            NetworkSection.SECTION,
            MeshSection.SECTION,
            EksSection.SECTION,
            MeshIntermediateSection.SECTION,
            KafkaSection.SECTION,
            DrainSection.SECTION,
            PagingSection.SECTION,
            PagingEndpointsSection.SECTION);

    private ConfigSections() {
    }

    public static Set<String> projectKeys() {
        return keys(PROJECT);
    }

    public static Set<String> stackKeys() {
        return keys(STACK);
    }

    private static Set<String> keys(List<ConfigSection<?>> sections) {
        return sections.stream().map(ConfigSection::key).collect(Collectors.toCollection(TreeSet::new));
    }
}
