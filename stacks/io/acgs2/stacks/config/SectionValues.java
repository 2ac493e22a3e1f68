package io.acgs2.stacks.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** The parsed value of each section, typed by the section that parsed it. */
public final class SectionValues {

    private final Map<ConfigSection<?>, Object> values = new LinkedHashMap<>();

    <T> void put(ConfigSection<T> section, T value) {
        if (value != null) {
            values.put(section, value);
        }
    }

    /** The section's value, or null when it was absent or unusable. */
    @SuppressWarnings("unchecked")
    public <T> T get(ConfigSection<T> section) {
        return (T) values.get(section);
    }

    public boolean has(ConfigSection<?> section) {
        return values.containsKey(section);
    }
}
