package io.acgs2.stacks.config;

import java.util.ArrayList;
import java.util.List;

/** Collects configuration problems, each as "FILE: KEY: what is wrong. Fix: what to do". */
final class Problems {

    private final List<String> items = new ArrayList<>();

    void add(String file, String key, String problem, String fix) {
        var item = file + ": " + key + ": " + problem + ". Fix: " + fix;
        // a project-wide default is checked with every stack that uses it: report it once
        if (!items.contains(item)) {
            items.add(item);
        }
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
