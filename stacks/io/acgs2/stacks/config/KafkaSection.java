package io.acgs2.stacks.config;

import io.acgs2.components.events.KafkaSizing;
import io.acgs2.components.events.TopicSpec;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code acgs2-infra:kafka} (stack): this region's Kafka, over {@code acgs2-infra:events}:
 * {@code {brokers, controllers, storageGiB}} replace the project's, and {@code topics} adds
 * region-local topics, each of a data domain that lives in this region (checked with the fleet).
 */
public final class KafkaSection extends BaseSection<KafkaSection.Config> {

    public static final KafkaSection SECTION = new KafkaSection();
    public static final String KEY = ConfigParser.PROJECT + ":kafka";

    /**
     * @param sizing      this region's node pools
     * @param localTopics topics of this region only
     */
    public record Config(KafkaSizing sizing, Map<String, TopicSpec> localTopics) {
        public Config {
            localTopics = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(localTopics));
        }
    }

    private KafkaSection() {
        super(KEY, Scope.STACK);
    }

    @Override
    public Config parse(SectionInput in) {
        EventsSection.Config events = in.settings() == null ? null : in.settings().section(EventsSection.SECTION);
        var base = events == null ? KafkaSizing.defaults() : events.sizing();
        var node = in.object(KEY, false, "");
        if (node.isEmpty()) {
            return new Config(base, Map.of());
        }
        var n = node.get();
        var fields = new java.util.HashSet<>(EventsSection.SIZING);
        fields.add("topics");
        in.unknownFields(n, fields, KEY);
        var sizing = EventsSection.sizing(in, n, base, KEY);
        Set<String> domains = in.settings() == null ? Set.of() : in.settings().data().domains().keySet();
        var local = EventsSection.topics(in, n.get("topics"), KEY + ".topics", domains, sizing, true);
        if (events != null) {
            local.keySet().stream().filter(events.topics()::containsKey).forEach(t -> in.add(KEY + ".topics." + t,
                    "is already a fleet-wide topic of acgs2-infra:events", "rename it, or drop it here"));
        }
        return new Config(sizing, local);
    }
}
