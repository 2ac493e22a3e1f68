package io.acgs2.stacks.config;

import com.pulumi.exceptions.RunException;

import java.util.List;

/**
 * Every problem found in the fleet's configuration, reported together before anything is registered.
 * A {@link RunException}: the Pulumi engine prints its message alone, with no stack trace.
 */
public final class ConfigException extends RunException {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("invalid configuration (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
