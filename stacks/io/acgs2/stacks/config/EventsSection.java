package io.acgs2.stacks.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.acgs2.components.events.KafkaSizing;
import io.acgs2.components.events.TopicSpec;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code acgs2-infra:events} (project): every region's Kafka, {@code {brokers, controllers,
 * storageGiB, topics: {name: {domain, partitions, replicas, retentionHours}}}}. Optional. A topic
 * belongs to a data domain and lives (and is mirrored) only in the domain's regions. A stack file
 * may size its own Kafka and add region-local topics with {@code acgs2-infra:kafka}.
 */
public final class EventsSection extends BaseSection<EventsSection.Config> {

    public static final EventsSection SECTION = new EventsSection();
    public static final String KEY = ConfigParser.PROJECT + ":events";
    static final Set<String> SIZING = Set.of("brokers", "controllers", "storageGiB");
    static final Set<String> TOPIC_FIELDS = Set.of("domain", "partitions", "replicas", "retentionHours");
    static final Pattern TOPIC = Pattern.compile("^[a-zA-Z0-9._-]{1,249}$");

    /**
     * @param sizing every region's node pools. Default: 3 brokers, 3 controllers, 100 GiB
     * @param topics the topics by name. Default: none
     */
    public record Config(KafkaSizing sizing, Map<String, TopicSpec> topics) {
        public Config {
            topics = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(topics));
        }

        public static Config none() {
            return new Config(KafkaSizing.defaults(), Map.of());
        }
    }

    private EventsSection() {
        super(KEY, Scope.PROJECT);
    }

    @Override
    public Config parse(SectionInput in) {
        var node = in.object(KEY, false, "");
        if (node.isEmpty()) {
            return Config.none();
        }
        var n = node.get();
        var fields = new java.util.HashSet<>(SIZING);
        fields.add("topics");
        in.unknownFields(n, fields, KEY);
        var sizing = sizing(in, n, KafkaSizing.defaults(), KEY);
        var domains = in.parsed(DataSection.SECTION).map(d -> d.domains().keySet()).orElse(Set.of());
        var topics = topics(in, n.get("topics"), KEY + ".topics", domains, sizing, false);
        return new Config(sizing, topics);
    }

    static KafkaSizing sizing(SectionInput in, JsonNode n, KafkaSizing base, String key) {
        var s = new KafkaSizing(
                in.integer(n.get("brokers"), key + ".brokers", "write a count, e.g. 3").orElse(base.brokers()),
                in.integer(n.get("controllers"), key + ".controllers", "write 3, 5, or 0 for dual-role nodes").orElse(base.controllers()),
                in.integer(n.get("storageGiB"), key + ".storageGiB", "write GiB, e.g. 100").orElse(base.storageGiB()));
        if (s.brokers() < 1) {
            in.add(key + ".brokers", "is " + s.brokers(), "run at least 3 brokers (replication factor 3)");
        }
        if (s.controllers() < 0 || (s.controllers() > 0 && s.controllers() % 2 == 0)) {
            in.add(key + ".controllers", "is " + s.controllers(), "use an odd quorum, 3 or 5, or 0 for dual-role nodes");
        }
        if (s.storageGiB() < 1) {
            in.add(key + ".storageGiB", "is " + s.storageGiB(), "give each node a volume, e.g. 100");
        }
        return s;
    }

    static Map<String, TopicSpec> topics(SectionInput in, JsonNode t, String key, Set<String> domains, KafkaSizing sizing, boolean local) {
        var out = new TreeMap<String, TopicSpec>();
        if (t == null || t.isNull()) {
            return out;
        }
        if (!t.isObject()) {
            in.add(key, "must be a mapping", "write topics: {acgs.agent.events: {domain: platform}}");
            return out;
        }
        t.fields().forEachRemaining(e -> {
            var k = key + "." + e.getKey();
            if (!TOPIC.matcher(e.getKey()).matches()) {
                in.add(k, "'" + e.getKey() + "' is not a Kafka topic name", "use letters, digits, '.', '_' and '-' (at most 249)");
            }
            var v = e.getValue();
            if (!v.isObject()) {
                in.add(k, "must be a mapping", "write {domain: platform, partitions: 12}");
                return;
            }
            in.unknownFields(v, TOPIC_FIELDS, k);
            var domain = SectionInput.text(v.get("domain"));
            if (domain.isEmpty()) {
                in.add(k + ".domain", "is missing", "bind the topic to a data domain of acgs2-infra:data: " + domains.stream().sorted().toList());
                return;
            }
            if (!domains.contains(domain.get())) {
                in.add(k + ".domain", "'" + domain.get() + "' is not a data domain", "use one of " + domains.stream().sorted().toList()
                        + ", or add it to acgs2-infra:data.domains");
            }
            int partitions = in.integer(v.get("partitions"), k + ".partitions", "write a count, e.g. 12").orElse(TopicSpec.DEFAULT_PARTITIONS);
            int replicas = in.integer(v.get("replicas"), k + ".replicas", "write a count, e.g. 3").orElse(Math.min(TopicSpec.DEFAULT_REPLICAS,
                    sizing.brokers()));
            int retention = in.integer(v.get("retentionHours"), k + ".retentionHours", "write hours, e.g. 168")
                    .orElse(TopicSpec.DEFAULT_RETENTION_HOURS);
            if (partitions < 1) {
                in.add(k + ".partitions", "is " + partitions, "use at least 1");
            }
            if (replicas < 1 || replicas > sizing.brokers()) {
                in.add(k + ".replicas", "is " + replicas + " with " + sizing.brokers() + " brokers", "use 1 to the broker count (3 is the platform's)");
            }
            if (retention < 1) {
                in.add(k + ".retentionHours", "is " + retention, "keep records at least an hour");
            }
            out.put(e.getKey(), new TopicSpec(e.getKey(), domain.get(), partitions, replicas, retention, local));
        });
        return out;
    }
}
