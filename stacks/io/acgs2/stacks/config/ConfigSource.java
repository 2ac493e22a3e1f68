package io.acgs2.stacks.config;

import java.util.Map;
import java.util.Optional;

/**
 * Raw configuration as the Pulumi engine hands it over: fully-qualified key ("acgs2-infra:zone",
 * "aws:region") to a string, objects and lists as JSON text. The engine (through ctx.config())
 * and the offline plan (through the YAML files) both produce this shape, so one parser serves both.
 */
@FunctionalInterface
public interface ConfigSource {

    Optional<String> get(String qualifiedKey);

    static ConfigSource of(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }
}
