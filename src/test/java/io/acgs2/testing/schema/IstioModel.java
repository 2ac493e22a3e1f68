package io.acgs2.testing.schema;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Istio objects checked against the typed Istio API model fabric8 publishes on Maven Central
 * ({@code io.fabric8:istio-model}, generated from istio.io/api): used when the pinned release's CRDs
 * are not vendored (schemas/SOURCES.md says why). Types and enum values are checked by
 * deserializing into the model; a field the model does not know lands in an
 * {@code additionalProperties} map, which is an error here.
 */
public final class IstioModel {

    public static final String ARTIFACT = "io.fabric8:istio-model:7.5.2";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private IstioModel() {
    }

    public static boolean isIstioGroup(String group) {
        return group.endsWith(".istio.io");
    }

    /** The model class of an Istio kind (networking.istio.io/v1 DestinationRule -> ...networking.v1.DestinationRule). */
    public static Optional<Class<?>> modelOf(String apiVersion, String kind) {
        var slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        var group = apiVersion.substring(0, slash);
        var pkg = group.substring(0, group.indexOf('.')).toLowerCase(Locale.ROOT);
        try {
            return Optional.of(Class.forName("io.fabric8.istio.api." + pkg + "." + apiVersion.substring(slash + 1) + "." + kind));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Problems of everything but metadata (checked with the Kubernetes ObjectMeta model). */
    public static List<String> validate(Class<?> model, JsonNode body) {
        var out = new ArrayList<String>();
        Object typed;
        try {
            typed = MAPPER.treeToValue(body, model);
        } catch (Exception e) {
            out.add(firstLine(e.getMessage()));
            return out;
        }
        walk(typed, "", out, new IdentityHashMap<>());
        return out;
    }

    private static void walk(Object o, String path, List<String> out, IdentityHashMap<Object, Boolean> seen) {
        if (o == null || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (var item : c) {
                walk(item, path + "[" + i++ + "]", out, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, out, seen));
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.") || o instanceof Enum<?>) {
            return;
        }
        for (Class<?> c = o.getClass(); c != null && c.getName().startsWith("io.fabric8."); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object v;
                try {
                    v = f.get(o);
                } catch (IllegalAccessException e) {
                    continue;
                }
                if (f.getName().equals("additionalProperties")) {
                    if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        // metadata is the Kubernetes model's, checked on its own
                        extra.keySet().stream().filter(k -> !(path.isEmpty() && "metadata".equals(k)))
                                .forEach(k -> out.add((path.isEmpty() ? "" : path) + "." + k + ": unknown field"));
                    }
                    continue;
                }
                var json = f.getAnnotation(JsonProperty.class);
                walk(v, path + "." + (json != null && !json.value().isEmpty() ? json.value() : f.getName()), out, seen);
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "not readable as the model";
        }
        var line = s.lines().findFirst().orElse(s);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
