package io.acgs2.components.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-resource tags. The fleet-wide tags (project, stack, region, zone, user tags) come from the
 * provider's default tags; a resource adds only its Name (equal to its Pulumi name) and what is
 * particular to it, so a rename never hides behind a stale Name tag.
 */
public final class Tags {

    private Tags() {
    }

    public static Map<String, String> name(String name) {
        return Map.of("Name", name);
    }

    public static Map<String, String> name(String name, Map<String, String> extra) {
        var tags = new LinkedHashMap<String, String>(extra);
        tags.put("Name", name);
        return Map.copyOf(tags);
    }
}
