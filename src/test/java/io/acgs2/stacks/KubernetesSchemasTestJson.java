package io.acgs2.stacks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

/** Deep, mutable copies of plan objects, for seeding defects into them. */
final class KubernetesSchemasTestJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KubernetesSchemasTestJson() {
    }

    static Map<String, Object> copy(Map<String, Object> o) {
        return JSON.convertValue(o, new TypeReference<java.util.LinkedHashMap<String, Object>>() {
        });
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> at(Map<String, Object> o, String... path) {
        Object node = o;
        for (var p : path) {
            node = ((Map<String, Object>) node).get(p);
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> listAt(Map<String, Object> o, String... path) {
        var parent = at(o, java.util.Arrays.copyOf(path, path.length - 1));
        return (List<Map<String, Object>>) parent.get(path[path.length - 1]);
    }
}
