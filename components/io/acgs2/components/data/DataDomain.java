package io.acgs2.components.data;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A data domain as configured: data that lives and replicates together, bounded by one sovereignty
 * zone ({@link #GLOBAL} for non-personal platform data, which no residency law restricts).
 *
 * @param name     the domain's name (a lower-case label: it names resources)
 * @param zone     a zone of the fleet, or {@link #GLOBAL}
 * @param writer   the region that takes writes (after a switchover, the new one)
 * @param replicas the other regions; empty means every fleet region the zone allows
 * @param stores   which stores the domain has
 */
public record DataDomain(String name, String zone, String writer, Optional<List<String>> replicas, Set<DataStore> stores) {

    /** The zone of unrestricted (non-personal) data. */
    public static final String GLOBAL = "global";

    public DataDomain {
        replicas = replicas.map(List::copyOf);
        stores = stores.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(stores));
    }

    public boolean isGlobal() {
        return GLOBAL.equals(zone);
    }
}
