package io.acgs2.components.wiring;

import io.acgs2.components.data.DataStore;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one service declares of one data domain (config {@code services.apps.<name>.data.<domain>}).
 *
 * @param domain   the data domain
 * @param stores   per store the service uses, how (read or read-write)
 * @param topics   per topic of the domain, how (produce, consume or both)
 * @param exceptIn regions, or zones (every region of the zone), where the service does without the
 *                 domain although it runs there: the declaration's way of saying the domain is not
 *                 placed there and the service knows it
 */
public record DomainUse(String domain, Map<DataStore, StoreAccess> stores, Map<String, Set<TopicAccess>> topics,
                        List<String> exceptIn) {

    public DomainUse {
        stores = stores.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(stores));
        var sorted = new TreeMap<String, Set<TopicAccess>>();
        topics.forEach((t, a) -> sorted.put(t, Set.copyOf(a)));
        topics = Collections.unmodifiableSortedMap(sorted);
        exceptIn = List.copyOf(exceptIn);
    }

    /** Whether the service does without the domain in {@code region} (of zone {@code zone}). */
    public boolean exceptedIn(String region, String zone) {
        return exceptIn.contains(region) || exceptIn.contains(zone);
    }
}
