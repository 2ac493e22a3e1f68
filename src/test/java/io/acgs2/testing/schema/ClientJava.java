package io.acgs2.testing.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a plan object into client-java's model of the Kubernetes API. The models' readers reject a
 * field the OpenAPI does not declare ("The field `x` in the JSON string is not defined in the
 * `V1Container` properties") and a missing required field, at any depth. Values only the engine
 * knows (secrets, unknowns) are left out first: their type is the engine's business.
 */
final class ClientJava {

    private static final io.kubernetes.client.openapi.JSON READER = new io.kubernetes.client.openapi.JSON();

    private ClientJava() {
    }

    static List<String> validate(Class<?> model, JsonNode object) {
        var out = new ArrayList<String>();
        try {
            READER.deserialize(KubernetesSchemas.JSON.writeValueAsString(withoutPlaceholders(object.deepCopy())), model);
        } catch (Exception e) {
            out.add(model.getSimpleName() + ": " + message(e));
        }
        return out;
    }

    static List<String> metadata(JsonNode metadata) {
        return metadata == null ? List.of("metadata: required") : validate(V1ObjectMeta.class, metadata);
    }

    private static JsonNode withoutPlaceholders(JsonNode node) {
        if (node instanceof ObjectNode o) {
            var names = new ArrayList<String>();
            o.fieldNames().forEachRemaining(names::add);
            for (var n : names) {
                var v = o.get(n);
                if (v.isTextual() && StructuralSchema.PLACEHOLDERS.contains(v.asText())) {
                    o.remove(n);
                } else {
                    withoutPlaceholders(v);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = a.size() - 1; i >= 0; i--) {
                if (a.get(i).isTextual() && StructuralSchema.PLACEHOLDERS.contains(a.get(i).asText())) {
                    a.remove(i);
                } else {
                    withoutPlaceholders(a.get(i));
                }
            }
        }
        return node;
    }

    private static String message(Throwable e) {
        for (var t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                var m = t.getMessage().lines().findFirst().orElse("");
                // the model's message ends with the whole JSON of the node: the field and model are enough
                var cut = m.indexOf(" JSON: ");
                return cut > 0 ? m.substring(0, cut) : m.length() > 300 ? m.substring(0, 300) + "..." : m;
            }
        }
        return e.getClass().getSimpleName();
    }
}
