package io.acgs2.components.wiring;

import io.acgs2.components.common.ConfigValue;

import java.util.Optional;

/** How a service uses a Kafka topic. */
public enum TopicAccess implements ConfigValue {
    /** Write and Describe on the topic. */
    PRODUCE("produce"),
    /** Read and Describe on the topic, Read on the service's consumer group. */
    CONSUME("consume");

    private final String configValue;

    TopicAccess(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    public static Optional<TopicAccess> fromConfig(String value) {
        return ConfigValue.parse(TopicAccess.class, value);
    }

    public static String allowedValues() {
        return ConfigValue.allowed(TopicAccess.class);
    }
}
