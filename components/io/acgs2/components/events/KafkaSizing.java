package io.acgs2.components.events;

/**
 * A region's Kafka node pools.
 *
 * @param brokers     broker nodes (spread over the AZs; at least 3 for replication factor 3)
 * @param controllers KRaft controller nodes; 0 runs dual-role nodes (controller and broker) for small regions
 * @param storageGiB  each node's volume
 */
public record KafkaSizing(int brokers, int controllers, int storageGiB) {

    public static KafkaSizing defaults() {
        return new KafkaSizing(3, 3, 100);
    }
}
