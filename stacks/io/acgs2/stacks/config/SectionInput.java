package io.acgs2.stacks.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.acgs2.components.common.Finding;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link ConfigSection} parses from: its raw value, the file it came from, the sections
 * parsed before it, and typed readers that each record their own problem (file, key, fix).
 */
public final class SectionInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String file;
    private final String stack;
    private final ConfigSource source;
    private final Problems problems;
    private final ProjectSettings settings;
    private final SectionValues parsed;

    SectionInput(String file, String stack, ConfigSource source, Problems problems, ProjectSettings settings,
                 SectionValues parsed) {
        this.file = file;
        this.stack = stack;
        this.source = source;
        this.problems = problems;
        this.settings = settings;
        this.parsed = parsed;
    }

    /** The file messages name: Pulumi.yaml or Pulumi.&lt;stack&gt;.yaml. */
    public String file() {
        return file;
    }

    /** The stack being parsed; null for project sections. */
    public String stack() {
        return stack;
    }

    /** The project settings; null while the project sections themselves are parsed. */
    public ProjectSettings settings() {
        return settings;
    }

    /** A section registered (and so parsed) before this one. */
    public <T> Optional<T> parsed(ConfigSection<T> section) {
        return Optional.ofNullable(parsed.get(section));
    }

    /** The raw string value of a key (objects and lists as JSON text, as the engine passes them). */
    public Optional<String> raw(String key) {
        return source.get(key);
    }

    /** The problems of this parse, for readers that report against another file (project defaults). */
    Problems problems() {
        return problems;
    }

    public void add(String key, String problem, String fix) {
        problems.add(file, key, problem, fix);
    }

    public void add(String key, Finding finding) {
        problems.add(file, key, finding.problem(), finding.fix());
    }

    /** The key's value as a JSON object; records "is missing" (when required) or "must be an object". */
    public Optional<JsonNode> object(String key, boolean required, String fixIfMissing) {
        var raw = source.get(key);
        if (raw.isEmpty()) {
            if (required) {
                add(key, "is missing", fixIfMissing);
            }
            return Optional.empty();
        }
        try {
            var node = JSON.readTree(raw.get());
            if (node == null || !node.isObject()) {
                add(key, "must be an object", "write it as a YAML mapping (key: value lines under " + key + ")");
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (Exception e) {
            add(key, "is not a YAML/JSON object", "write it as a YAML mapping (key: value lines under " + key + ")");
            return Optional.empty();
        }
    }

    public void unknownFields(JsonNode node, Set<String> known, String key) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            var f = it.next();
            if (!known.contains(f)) {
                add(key + "." + f, "unknown setting", "remove it or use one of " + known.stream().sorted().toList());
            }
        }
    }

    public static Optional<String> text(JsonNode node) {
        if (node == null || node.isNull() || !node.isValueNode() || node.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(node.asText().trim());
    }

    public boolean bool(JsonNode node, boolean dflt, String key) {
        if (node == null || node.isNull()) {
            return dflt;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isTextual() && (node.asText().equals("true") || node.asText().equals("false"))) {
            return Boolean.parseBoolean(node.asText());
        }
        add(key, "'" + node.asText() + "' is not true or false", "write true or false");
        return dflt;
    }

    /** A whole number, or empty (with a problem recorded when present but not a whole number). */
    public Optional<Integer> integer(JsonNode node, String key, String fix) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            add(key, "'" + node.asText() + "' is not a whole number", fix);
            return Optional.empty();
        }
        return Optional.of(node.asInt());
    }

    public List<String> stringList(JsonNode node, String key, String fix) {
        var out = new ArrayList<String>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            add(key, "must be a list", fix);
            return out;
        }
        for (var item : node) {
            if (!item.isValueNode() || item.asText().isBlank()) {
                add(key, "every item must be a non-empty string", fix);
            } else {
                out.add(item.asText().trim());
            }
        }
        return out;
    }
}
