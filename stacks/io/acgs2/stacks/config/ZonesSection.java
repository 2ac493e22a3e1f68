package io.acgs2.stacks.config;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code acgs2-infra:zones} (project): sovereignty zones, {@code {name: {regions: [...], restricted: bool}}}.
 * Required. {@code restricted} defaults to true, the safe choice. This is the one copy of the zones:
 * the policy pack gets them through {@code bin/acgs2 pack-config}.
 */
public final class ZonesSection extends BaseSection<Map<String, ZoneSpec>> {

    public static final ZonesSection SECTION = new ZonesSection();
    public static final String KEY = ConfigParser.PROJECT + ":zones";

    private ZonesSection() {
        super(KEY, Scope.PROJECT);
    }

    @Override
    public Map<String, ZoneSpec> parse(SectionInput in) {
        var node = in.object(KEY, true, "add zones: {us: {regions: [us-east-1]}, gdpr: {regions: [eu-west-1], restricted: true}} "
                + "under config: in " + ConfigParser.PROJECT_FILE);
        if (node.isEmpty()) {
            return null;
        }
        var zones = new TreeMap<String, ZoneSpec>();
        node.get().fields().forEachRemaining(e -> {
            var key = KEY + "." + e.getKey();
            if (!MeshSection.DNS_LABEL.matcher(e.getKey()).matches()) {
                in.add(key, "zone name '" + e.getKey() + "' is not a lower-case label", "rename it, e.g. gdpr");
            }
            var z = e.getValue();
            if (!z.isObject()) {
                in.add(key, "must be an object", "write {regions: [...], restricted: true|false}");
                return;
            }
            in.unknownFields(z, Set.of("regions", "restricted"), key);
            var regions = in.stringList(z.get("regions"), key + ".regions",
                    "list the AWS regions the zone allows, e.g. [eu-west-1, eu-central-1]");
            if (!z.has("regions")) {
                in.add(key + ".regions", "is missing", "list the AWS regions the zone allows");
            } else if (regions.isEmpty()) {
                in.add(key + ".regions", "is empty", "list at least one AWS region");
            }
            for (var r : regions) {
                if (!AwsRegionSection.isRegionName(r)) {
                    in.add(key + ".regions", "'" + r + "' is not an AWS region name", "use a name such as eu-west-1");
                }
            }
            zones.put(e.getKey(), new ZoneSpec(e.getKey(), regions, in.bool(z.get("restricted"), true, key + ".restricted")));
        });
        return zones;
    }
}
