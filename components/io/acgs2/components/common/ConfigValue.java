package io.acgs2.components.common;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enum whose constants are written in config as lower-case words (one-per-az, public-and-private). */
public interface ConfigValue {

    String configValue();

    static <E extends Enum<E> & ConfigValue> Optional<E> parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(v -> v.configValue().equals(value)).findFirst();
    }

    /** "a, b, c": for the fix of a message. */
    static <E extends Enum<E> & ConfigValue> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigValue::configValue).collect(Collectors.joining(", "));
    }
}
