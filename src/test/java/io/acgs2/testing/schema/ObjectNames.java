package io.acgs2.testing.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API server's rules for names, label and annotation keys and values, and ConfigMap/Secret data
 * keys (k8s.io/apimachinery validation: IsDNS1123Subdomain, IsDNS1123Label, IsDNS1035Label,
 * IsQualifiedName, IsValidLabelValue, IsConfigMapKey).
 */
public final class ObjectNames {

    private static final Pattern DNS1123_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(
            "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    private static final Pattern DNS1035_LABEL = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
    private static final Pattern QUALIFIED_NAME_PART = Pattern.compile("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");
    private static final Pattern LABEL_VALUE = Pattern.compile("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$");
    private static final Pattern CONFIG_KEY = Pattern.compile("^[-._a-zA-Z0-9]+$");

    /** Kinds whose names are DNS-1123 labels (they become parts of other names or DNS labels). */
    private static final Set<String> LABEL_NAMED = Set.of("Namespace");
    /** Kinds whose names are DNS-1035 labels (a Service name is a DNS label that starts with a letter). */
    private static final Set<String> DNS1035_NAMED = Set.of("Service");

    private ObjectNames() {
    }

    @SuppressWarnings("unchecked")
    public static List<String> check(String kind, Map<String, Object> object) {
        var out = new ArrayList<String>();
        var metadata = object.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of();
        var name = metadata.get("name");
        if (!(name instanceof String n) || n.isEmpty()) {
            out.add("metadata.name: required (the program names every object)");
        } else if (!StructuralSchema.PLACEHOLDERS.contains(n)) {
            if (DNS1035_NAMED.contains(kind)) {
                rule(out, "metadata.name", n, DNS1035_LABEL, 63, "a DNS-1035 label");
            } else if (LABEL_NAMED.contains(kind)) {
                rule(out, "metadata.name", n, DNS1123_LABEL, 63, "a DNS-1123 label");
            } else {
                rule(out, "metadata.name", n, DNS1123_SUBDOMAIN, 253, "a DNS-1123 subdomain");
            }
        }
        if (metadata.get("namespace") instanceof String ns) {
            rule(out, "metadata.namespace", ns, DNS1123_LABEL, 63, "a DNS-1123 label");
        }
        if (metadata.get("labels") instanceof Map<?, ?> labels) {
            labels.forEach((k, v) -> {
                qualifiedName(out, "metadata.labels key", String.valueOf(k));
                var value = String.valueOf(v);
                if (!StructuralSchema.PLACEHOLDERS.contains(value) && (value.length() > 63 || !LABEL_VALUE.matcher(value).matches())) {
                    out.add("metadata.labels." + k + ": '" + value + "' is not a label value (63 characters of [-A-Za-z0-9_.], "
                            + "alphanumeric at both ends)");
                }
            });
        }
        if (metadata.get("annotations") instanceof Map<?, ?> annotations) {
            long size = 0;
            for (var e : annotations.entrySet()) {
                qualifiedName(out, "metadata.annotations key", String.valueOf(e.getKey()));
                size += String.valueOf(e.getKey()).length() + String.valueOf(e.getValue()).length();
            }
            if (size > 256 * 1024) {
                out.add("metadata.annotations: " + size + " bytes, more than the 256 KiB the API server allows");
            }
        }
        if ("ConfigMap".equals(kind) || "Secret".equals(kind)) {
            for (var field : List.of("data", "stringData", "binaryData")) {
                if (object.get(field) instanceof Map<?, ?> data) {
                    data.keySet().forEach(k -> {
                        var key = String.valueOf(k);
                        if (key.length() > 253 || !CONFIG_KEY.matcher(key).matches()) {
                            out.add(field + " key '" + key + "' is not a valid key ([-._a-zA-Z0-9]+, at most 253)");
                        }
                    });
                }
            }
        }
        return out;
    }

    /** A Helm release name: Helm 3 takes a DNS-1123 label of at most 53 characters. */
    public static List<String> releaseName(String name) {
        var out = new ArrayList<String>();
        rule(out, "release name", name == null ? "" : name, DNS1123_LABEL, 53, "a DNS-1123 label of at most 53 characters");
        return out;
    }

    private static void qualifiedName(List<String> out, String what, String key) {
        var slash = key.lastIndexOf('/');
        var prefix = slash < 0 ? null : key.substring(0, slash);
        var name = slash < 0 ? key : key.substring(slash + 1);
        if (prefix != null) {
            rule(out, what + " prefix", prefix, DNS1123_SUBDOMAIN, 253, "a DNS-1123 subdomain");
        }
        if (name.length() > 63 || !QUALIFIED_NAME_PART.matcher(name).matches()) {
            out.add(what + " '" + key + "': the name part must be 63 characters of [-A-Za-z0-9_.], alphanumeric at both ends");
        }
    }

    private static void rule(List<String> out, String what, String value, Pattern pattern, int max, String description) {
        if (value.length() > max || !pattern.matcher(value).matches()) {
            out.add(what + ": '" + value + "' is not " + description + (value.length() > max ? " (longer than " + max + ")" : ""));
        }
    }
}
