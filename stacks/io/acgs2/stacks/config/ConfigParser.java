package io.acgs2.stacks.config;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses configuration, whether it comes from the engine (ctx.config()) or from the YAML files
 * (offline plan), by running each registered {@link ConfigSection} in order. It never stops at the
 * first problem: every problem is recorded with the file, the key and the fix.
 */
public final class ConfigParser {

    public static final String PROJECT = "acgs2-infra";
    public static final String PROJECT_FILE = "Pulumi.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigParser() {
    }

    /** Parses the project-wide settings. */
    static ProjectSettings parseProject(String project, ConfigSource src, Problems p) {
        var values = parse(ConfigSections.PROJECT, PROJECT_FILE, null, src, p, null);
        var zones = values.get(ZonesSection.SECTION);
        return new ProjectSettings(project, zones == null ? Map.of() : zones, values.get(TenantsSection.SECTION),
                values.get(TagsSection.SECTION), values.get(MeshIdSection.SECTION),
                Optional.ofNullable(values.get(OrganizationSection.SECTION)),
                Optional.ofNullable(values.get(DataSection.SECTION)).orElse(DataSection.Config.none()), values);
    }

    /**
     * Parses one stack's sections, zone membership checked against {@code settings}. Returns a spec
     * whenever the fleet checks can use it (region, join order and VPC CIDR parsed), even if other
     * keys had problems, so one run reports every problem; the caller builds a fleet only when
     * {@code p} stays empty.
     */
    static Optional<RegionSpec> parseRegion(String stack, ConfigSource src, ProjectSettings settings, Problems p) {
        var file = RegionSpec.fileOf(stack);
        var values = parse(ConfigSections.STACK, file, stack, src, p, settings);
        boolean fleetCheckable = values.has(AwsRegionSection.SECTION) && values.has(FleetSection.SECTION)
                && values.has(NetworkSection.SECTION);
        return fleetCheckable ? Optional.of(new RegionSpec(stack, values)) : Optional.empty();
    }

    private static SectionValues parse(List<ConfigSection<?>> sections, String file, String stack, ConfigSource src,
                                       Problems p, ProjectSettings settings) {
        var values = new SectionValues();
        var in = new SectionInput(file, stack, src, p, settings, values);
        for (var section : sections) {
            parseInto(section, in, values);
        }
        return values;
    }

    private static <T> void parseInto(ConfigSection<T> section, SectionInput in, SectionValues values) {
        values.put(section, section.parse(in));
    }

    /** Serialises a parsed YAML value into the engine's string form (objects and lists as JSON). */
    static String toConfigString(Object value) {
        if (value instanceof Map || value instanceof List) {
            try {
                return JSON.writeValueAsString(value);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return String.valueOf(value);
    }
}
