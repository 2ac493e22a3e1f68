package io.acgs2.components.events;

/** The one place Strimzi and Kafka are pinned. */
public final class StrimziVersions {

    /** Strimzi 1.2.0 (2026-08-18): serves only kafka.strimzi.io/v1, KRaft only, Kafka 4.2.x and 4.3.x. */
    public static final String OPERATOR = "1.2.0";
    /** The operator chart (OCI; the chart in the repository is a placeholder the release build replaces). */
    public static final String CHART = "oci://quay.io/strimzi-helm/strimzi-kafka-operator";
    /** Strimzi 1.2.0's default Kafka. */
    public static final String KAFKA = "4.3.1";
    public static final String API = "kafka.strimzi.io/v1";

    private StrimziVersions() {
    }
}
