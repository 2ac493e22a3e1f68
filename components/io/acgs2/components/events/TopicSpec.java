package io.acgs2.components.events;

/**
 * A Kafka topic as configured: bound to a data domain, so it lives (and is mirrored) only in the
 * domain's regions, as the domain's databases and buckets do.
 *
 * @param name           the topic name (Kafka's: letters, digits, '.', '_', '-'; at most 249)
 * @param domain         the data domain it belongs to
 * @param partitions     partitions
 * @param replicas       replication factor
 * @param retentionHours how long records are kept
 * @param local          declared by one stack file for its own region only (not placed over the domain)
 */
public record TopicSpec(String name, String domain, int partitions, int replicas, int retentionHours, boolean local) {

    public static final int DEFAULT_PARTITIONS = 12;
    public static final int DEFAULT_REPLICAS = 3;
    public static final int DEFAULT_RETENTION_HOURS = 168;
}
