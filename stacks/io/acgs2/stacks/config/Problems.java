package io.acgs2.stacks.config;

import java.util.ArrayList;
import java.util.List;

/** Collects configuration problems, each as "FILE: KEY: what is wrong. Fix: what to do". */
final class Problems {

    private final List<String> items = new ArrayList<>();

    void add(String file, String key, String problem, String fix) {
        items.add(file + ": " + key + ": " + problem + ". Fix: " + fix);
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    List<String> items() {
        return List.copyOf(items);
    }

    void throwIfAny() {
        if (!items.isEmpty()) {
            throw new ConfigException(items);
        }
    }
}
