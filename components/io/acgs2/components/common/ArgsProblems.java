package io.acgs2.components.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects every problem an args builder finds, each naming the field and the fix, and throws them
 * together from {@code build()}: a caller sees all of its mistakes at once.
 */
public final class ArgsProblems {

    private final String argsType;
    private final List<String> items = new ArrayList<>();

    public ArgsProblems(String argsType) {
        this.argsType = argsType;
    }

    public ArgsProblems add(String field, String problem, String fix) {
        items.add(field + ": " + problem + ". Fix: " + fix);
        return this;
    }

    public ArgsProblems add(String field, Optional<Finding> finding) {
        finding.ifPresent(f -> add(field, f.problem(), f.fix()));
        return this;
    }

    public ArgsProblems addAll(String field, List<Finding> findings) {
        findings.forEach(f -> add(field, f.problem(), f.fix()));
        return this;
    }

    /** Records "is required" when {@code value} is null; returns the value. */
    public <T> T require(String field, T value, String fix) {
        if (value == null) {
            add(field, "is required", fix);
        }
        return value;
    }

    public List<String> items() {
        return List.copyOf(items);
    }

    public void throwIfAny() {
        if (!items.isEmpty()) {
            throw new IllegalArgumentException(argsType + ": " + items.size() + " problem" + (items.size() == 1 ? "" : "s")
                    + ": " + String.join("; ", items));
        }
    }
}
