package io.acgs2.testing.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Validates a value against a CustomResourceDefinition's {@code openAPIV3Schema} the way the API
 * server's structural schema does: an object's fields must be declared in {@code properties}
 * (unknown fields are errors, as with {@code kubectl apply --validate=strict}) unless the schema says
 * {@code x-kubernetes-preserve-unknown-fields} or gives {@code additionalProperties}; types, enums,
 * required fields, patterns, lengths and bounds are checked; {@code allOf}/{@code anyOf}/{@code oneOf}
 * are value validations on the same node (as structural schemas allow them), so their branches never
 * report unknown fields. {@code x-kubernetes-validations} (CEL) are not evaluated.
 *
 * <p>A plan value that is a secret or not yet known ({@code "[secret]"}, {@code "[unknown]"}) is
 * accepted wherever it stands: only the engine knows it.
 */
public final class StructuralSchema {

    public static final List<String> PLACEHOLDERS = List.of("[secret]", "[unknown]");

    private StructuralSchema() {
    }

    public static List<String> validate(JsonNode value, JsonNode schema, String path) {
        var problems = new ArrayList<String>();
        check(value, schema, path, true, problems);
        return problems;
    }

    private static void check(JsonNode v, JsonNode s, String path, boolean structural, List<String> out) {
        if (s == null || s.isMissingNode() || v == null) {
            return;
        }
        if (v.isTextual() && PLACEHOLDERS.contains(v.asText())) {
            return;
        }
        if (v.isNull()) {
            if (!s.path("nullable").asBoolean(false) && s.has("type")) {
                out.add(path + ": null is not allowed (" + s.get("type").asText() + ")");
            }
            return;
        }
        var type = s.path("type").asText("");
        if (s.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!(v.isIntegralNumber() || v.isTextual())) {
                out.add(path + ": must be an integer or a string, is " + kind(v));
            }
        } else if (!type.isEmpty() && !typeMatches(type, v)) {
            out.add(path + ": must be " + type + ", is " + kind(v));
            return;
        }
        if (s.has("enum")) {
            boolean found = false;
            for (var e : s.get("enum")) {
                if (e.equals(v) || (e.isTextual() && v.isTextual() && e.asText().equals(v.asText()))) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                out.add(path + ": '" + v.asText() + "' is not one of " + s.get("enum"));
            }
        }
        if (v.isTextual()) {
            var text = v.asText();
            if (s.has("maxLength") && text.length() > s.get("maxLength").asInt()) {
                out.add(path + ": longer than " + s.get("maxLength").asInt() + " characters");
            }
            if (s.has("minLength") && text.length() < s.get("minLength").asInt()) {
                out.add(path + ": shorter than " + s.get("minLength").asInt() + " characters");
            }
            if (s.has("pattern") && !java.util.regex.Pattern.compile(s.get("pattern").asText()).matcher(text).find()) {
                out.add(path + ": '" + text + "' does not match " + s.get("pattern").asText());
            }
        }
        if (v.isNumber()) {
            if (s.has("minimum") && v.asDouble() < s.get("minimum").asDouble()) {
                out.add(path + ": " + v + " is below the minimum " + s.get("minimum"));
            }
            if (s.has("maximum") && v.asDouble() > s.get("maximum").asDouble()) {
                out.add(path + ": " + v + " is above the maximum " + s.get("maximum"));
            }
        }
        if (v.isObject()) {
            var props = s.get("properties");
            var additional = s.get("additionalProperties");
            var preserve = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            for (var it = v.fields(); it.hasNext(); ) {
                var e = it.next();
                var child = path + "." + e.getKey();
                if (props != null && props.has(e.getKey())) {
                    check(e.getValue(), props.get(e.getKey()), child, true, out);
                } else if (additional != null && additional.isObject()) {
                    check(e.getValue(), additional, child, true, out);
                } else if (structural && !preserve && !(additional != null && additional.asBoolean(false))) {
                    out.add(child + ": unknown field" + (props == null ? "" : " (known: " + names(props) + ")"));
                }
            }
            for (var r : s.path("required")) {
                if (!v.has(r.asText())) {
                    out.add(path + "." + r.asText() + ": required field is missing");
                }
            }
            if (s.has("maxProperties") && v.size() > s.get("maxProperties").asInt()) {
                out.add(path + ": more than " + s.get("maxProperties").asInt() + " fields");
            }
        }
        if (v.isArray()) {
            if (s.has("maxItems") && v.size() > s.get("maxItems").asInt()) {
                out.add(path + ": more than " + s.get("maxItems").asInt() + " items");
            }
            if (s.has("minItems") && v.size() < s.get("minItems").asInt()) {
                out.add(path + ": fewer than " + s.get("minItems").asInt() + " items");
            }
            int i = 0;
            for (var item : v) {
                check(item, s.get("items"), path + "[" + i++ + "]", true, out);
            }
        }
        // value validations on the same node: a branch names some fields, never all of them
        for (var sub : s.path("allOf")) {
            check(v, sub, path, false, out);
        }
        if (s.has("anyOf") && matching(v, s.get("anyOf"), path) == 0) {
            out.add(path + ": matches none of the anyOf alternatives");
        }
        if (s.has("oneOf")) {
            int n = matching(v, s.get("oneOf"), path);
            if (n != 1) {
                out.add(path + ": matches " + n + " of the oneOf alternatives (exactly one allowed)");
            }
        }
        if (s.has("not") && matching(v, List.of(s.get("not")), path) == 1) {
            out.add(path + ": matches a schema it must not match");
        }
    }

    private static int matching(JsonNode v, Iterable<JsonNode> alternatives, String path) {
        int n = 0;
        for (var alt : alternatives) {
            var probe = new ArrayList<String>();
            check(v, alt, path, false, probe);
            if (probe.isEmpty()) {
                n++;
            }
        }
        return n;
    }

    private static boolean typeMatches(String type, JsonNode v) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()));
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            default -> true;
        };
    }

    private static String kind(JsonNode v) {
        return v.isObject() ? "an object" : v.isArray() ? "an array" : v.isTextual() ? "a string '" + v.asText() + "'"
                : v.isBoolean() ? "a boolean" : v.isNumber() ? "a number" : v.getNodeType().toString();
    }

    private static String names(JsonNode props) {
        var names = new ArrayList<String>();
        props.fieldNames().forEachRemaining(names::add);
        var sorted = new ArrayList<>(new HashSet<>(names));
        java.util.Collections.sort(sorted);
        return String.join(", ", sorted.size() > 12 ? sorted.subList(0, 12) : sorted) + (sorted.size() > 12 ? ", ..." : "");
    }
}
