package io.acgs2.stacks.config;

import io.acgs2.components.data.DataDomain;
import io.acgs2.components.data.DataStore;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code acgs2-infra:data} (project): the data domains, {@code {domains: {name: {zone, writer,
 * replicas, stores}}}}. Optional. {@code zone} is a zone of {@code zones} or {@code global}
 * (non-personal platform data); {@code replicas} default to every fleet region the zone allows;
 * {@code stores} is a subset of database, cache, bucket. Where each domain lives is checked with the
 * fleet ({@link FleetRules}, {@link io.acgs2.components.data.DomainPlacement}).
 */
public final class DataSection extends BaseSection<Map<String, DataDomain>> {

    public static final DataSection SECTION = new DataSection();
    public static final String KEY = ConfigParser.PROJECT + ":data";
    static final Set<String> DOMAIN_FIELDS = Set.of("zone", "writer", "replicas", "stores");

    private DataSection() {
        super(KEY, Scope.PROJECT);
    }

    @Override
    public Map<String, DataDomain> parse(SectionInput in) {
        var domains = new TreeMap<String, DataDomain>();
        var data = in.object(KEY, false, "");
        if (data.isEmpty()) {
            return domains;
        }
        in.unknownFields(data.get(), Set.of("domains"), KEY);
        var node = data.get().get("domains");
        if (node == null || node.isNull()) {
            return domains;
        }
        if (!node.isObject()) {
            in.add(KEY + ".domains", "must be a mapping", "write domains: {name: {zone: ..., writer: ..., stores: [...]}}");
            return domains;
        }
        node.fields().forEachRemaining(e -> {
            var key = KEY + ".domains." + e.getKey();
            if (!MeshSection.DNS_LABEL.matcher(e.getKey()).matches() || e.getKey().length() > 40) {
                in.add(key, "domain name '" + e.getKey() + "' is not a lower-case label of at most 40 characters",
                        "rename it, e.g. gdpr-tenants (it names the databases and buckets)");
            }
            var d = e.getValue();
            if (!d.isObject()) {
                in.add(key, "must be a mapping", "write {zone: gdpr, writer: eu-west-1, stores: [database]}");
                return;
            }
            in.unknownFields(d, DOMAIN_FIELDS, key);
            var zone = SectionInput.text(d.get("zone"));
            var writer = SectionInput.text(d.get("writer"));
            if (zone.isEmpty()) {
                in.add(key + ".zone", "is missing", "set the zone the domain's data must stay in, or global for non-personal data");
            }
            if (writer.isEmpty()) {
                in.add(key + ".writer", "is missing", "set the region that takes the domain's writes");
            }
            Optional<java.util.List<String>> replicas = d.has("replicas")
                    ? Optional.of(in.stringList(d.get("replicas"), key + ".replicas", "list regions, e.g. [eu-central-1]"))
                    : Optional.empty();
            var stores = EnumSet.noneOf(DataStore.class);
            for (var s : in.stringList(d.get("stores"), key + ".stores", "list some of " + DataStore.allowedValues())) {
                DataStore.fromConfig(s).ifPresentOrElse(stores::add, () -> in.add(key + ".stores",
                        "'" + s + "' is not a store", "use some of: " + DataStore.allowedValues()));
            }
            if (zone.isPresent() && writer.isPresent()) {
                domains.put(e.getKey(), new DataDomain(e.getKey(), zone.get(), writer.get(), replicas, stores));
            }
        });
        return domains;
    }
}
