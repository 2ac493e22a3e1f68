package io.acgs2.stacks.config;

import io.acgs2.components.data.DataDomain;
import io.acgs2.components.data.DataStore;
import io.acgs2.components.data.MasterSecretRotationArgs;
import io.acgs2.components.data.ReplicationAlarmsArgs;

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
public final class DataSection extends BaseSection<DataSection.Config> {

    public static final DataSection SECTION = new DataSection();
    public static final String KEY = ConfigParser.PROJECT + ":data";
    static final Set<String> DOMAIN_FIELDS = Set.of("zone", "writer", "replicas", "stores");

    /**
     * @param domains         the data domains by name. Default: none
     * @param warningSeconds  replication lag that raises a warning alarm. Default: the alarms' 30
     * @param criticalSeconds replication lag that raises a critical alarm. Default: the alarms' 60
     * @param masterPasswordRotationDays days between rotations of every domain's master password.
     *                                   Default: the rotation's 30
     */
    public record Config(Map<String, DataDomain> domains, Optional<Integer> warningSeconds, Optional<Integer> criticalSeconds,
                         Optional<Integer> masterPasswordRotationDays) {
        public Config {
            domains = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(domains));
        }

        public static Config none() {
            return new Config(Map.of(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    private DataSection() {
        super(KEY, Scope.PROJECT);
    }

    @Override
    public Config parse(SectionInput in) {
        var domains = new TreeMap<String, DataDomain>();
        var data = in.object(KEY, false, "");
        if (data.isEmpty()) {
            return Config.none();
        }
        in.unknownFields(data.get(), Set.of("domains", "alarms", "masterPasswordRotationDays"), KEY);
        var rotationDays = in.integer(data.get().get("masterPasswordRotationDays"), KEY + ".masterPasswordRotationDays",
                "write days, e.g. 30");
        rotationDays.filter(d -> d < MasterSecretRotationArgs.MIN_ROTATION_DAYS || d > MasterSecretRotationArgs.MAX_ROTATION_DAYS)
                .ifPresent(d -> in.add(KEY + ".masterPasswordRotationDays", d + " is outside Secrets Manager's 1..1000 days",
                        "rotate every 1 to 1000 days (default " + MasterSecretRotationArgs.DEFAULT_ROTATION_DAYS + ")"));
        Optional<Integer> warning = Optional.empty();
        Optional<Integer> critical = Optional.empty();
        var alarms = data.get().get("alarms");
        if (alarms != null && alarms.isObject()) {
            in.unknownFields(alarms, Set.of("warningSeconds", "criticalSeconds"), KEY + ".alarms");
            warning = in.integer(alarms.get("warningSeconds"), KEY + ".alarms.warningSeconds", "write seconds, e.g. 30");
            critical = in.integer(alarms.get("criticalSeconds"), KEY + ".alarms.criticalSeconds", "write seconds, e.g. 60");
            if (warning.orElse(ReplicationAlarmsArgs.DEFAULT_WARNING_SECONDS) < 1
                    || critical.orElse(ReplicationAlarmsArgs.DEFAULT_CRITICAL_SECONDS) <= warning.orElse(ReplicationAlarmsArgs.DEFAULT_WARNING_SECONDS)) {
                in.add(KEY + ".alarms", "warning " + warning.orElse(ReplicationAlarmsArgs.DEFAULT_WARNING_SECONDS) + " s and critical "
                        + critical.orElse(ReplicationAlarmsArgs.DEFAULT_CRITICAL_SECONDS) + " s are not increasing",
                        "set 0 < warningSeconds < criticalSeconds (the guides: 30 and 60)");
            }
        } else if (alarms != null && !alarms.isNull()) {
            in.add(KEY + ".alarms", "must be a mapping", "write alarms: {warningSeconds: 30, criticalSeconds: 60}");
        }
        var node = data.get().get("domains");
        if (node == null || node.isNull()) {
            return new Config(domains, warning, critical, rotationDays);
        }
        if (!node.isObject()) {
            in.add(KEY + ".domains", "must be a mapping", "write domains: {name: {zone: ..., writer: ..., stores: [...]}}");
            return new Config(domains, warning, critical, rotationDays);
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
        return new Config(domains, warning, critical, rotationDays);
    }
}
