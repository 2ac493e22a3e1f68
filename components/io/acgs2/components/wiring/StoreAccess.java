package io.acgs2.components.wiring;

import io.acgs2.components.common.ConfigValue;

import java.util.Optional;

/** How a service uses a store of a data domain. */
public enum StoreAccess implements ConfigValue {
    /** Reads only: the reader endpoints, SELECT, S3 Get/List, KMS Decrypt. */
    READ("read"),
    /** Reads and writes: the writer endpoints, DML, S3 Put/Delete too, KMS GenerateDataKey too. */
    READ_WRITE("read-write");

    private final String configValue;

    StoreAccess(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    public boolean writes() {
        return this == READ_WRITE;
    }

    public static Optional<StoreAccess> fromConfig(String value) {
        return ConfigValue.parse(StoreAccess.class, value);
    }

    public static String allowedValues() {
        return ConfigValue.allowed(StoreAccess.class);
    }
}
