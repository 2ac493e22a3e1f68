package io.acgs2.stacks.config;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code acgs2-infra:tenants} (project): {@code {id: {zone, homeRegion}}}. Optional. The home region
 * must be a stack of the fleet in the tenant's zone (checked with the fleet).
 */
public final class TenantsSection extends BaseSection<Map<String, TenantSpec>> {

    public static final TenantsSection SECTION = new TenantsSection();
    public static final String KEY = ConfigParser.PROJECT + ":tenants";

    private TenantsSection() {
        super(KEY, Scope.PROJECT);
    }

    @Override
    public Map<String, TenantSpec> parse(SectionInput in) {
        var tenants = new TreeMap<String, TenantSpec>();
        var zones = in.parsed(ZonesSection.SECTION);
        in.object(KEY, false, "").ifPresent(node -> node.fields().forEachRemaining(e -> {
            var key = KEY + "." + e.getKey();
            if (!MeshSection.DNS_LABEL.matcher(e.getKey()).matches()) {
                in.add(key, "tenant id '" + e.getKey() + "' is not a lower-case label", "use letters, digits and '-'");
            }
            var t = e.getValue();
            if (!t.isObject()) {
                in.add(key, "must be an object", "write {zone: gdpr, homeRegion: eu-west-1}");
                return;
            }
            in.unknownFields(t, Set.of("zone", "homeRegion"), key);
            var zone = SectionInput.text(t.get("zone"));
            var home = SectionInput.text(t.get("homeRegion"));
            if (zone.isEmpty()) {
                in.add(key + ".zone", "is missing", "set the sovereignty zone the tenant's data must stay in");
            } else if (zones.isPresent() && !zones.get().containsKey(zone.get())) {
                in.add(key + ".zone", "zone '" + zone.get() + "' is not defined", "use one of " + zones.get().keySet()
                        + " or add it under " + ZonesSection.KEY);
            }
            if (home.isEmpty()) {
                in.add(key + ".homeRegion", "is missing", "set the region that serves the tenant");
            }
            tenants.put(e.getKey(), new TenantSpec(e.getKey(), zone.orElse(""), home.orElse("")));
        }));
        return tenants;
    }
}
