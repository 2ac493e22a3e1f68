package io.acgs2.components.data;

import io.acgs2.components.common.ConfigValue;

import java.util.Optional;

/** The kinds of store a data domain can have. */
public enum DataStore implements ConfigValue {
    /** An Aurora PostgreSQL global database. */
    DATABASE("database"),
    /** An ElastiCache global datastore (at most 2 secondary regions). */
    CACHE("cache"),
    /** A replicated S3 bucket per region. */
    BUCKET("bucket");

    private final String configValue;

    DataStore(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    public static Optional<DataStore> fromConfig(String value) {
        return ConfigValue.parse(DataStore.class, value);
    }

    public static String allowedValues() {
        return ConfigValue.allowed(DataStore.class);
    }
}
