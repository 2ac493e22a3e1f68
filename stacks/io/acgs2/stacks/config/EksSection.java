package io.acgs2.stacks.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acgs2.components.compute.AccessGrant;
import io.acgs2.components.compute.AccessLevel;
import io.acgs2.components.compute.EksClusterArgs;
import io.acgs2.components.compute.EndpointAccess;
import io.acgs2.components.compute.KubernetesVersions;
import io.acgs2.components.compute.NodeGroupSpec;
import io.acgs2.components.compute.SupportType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code acgs2-infra:eks} (stack) over {@code acgs2-infra:eksDefaults} (Pulumi.yaml): the region's EKS
 * cluster. A stack's field replaces the default's; {@code nodeGroups}, {@code access} and
 * {@code addonVersions} are merged by key (a stack adds a GPU group without repeating the others),
 * and within an entry of both, field by field.
 * Unset fields stay unset: {@link EksClusterArgs} applies the defaults. The rules are the args' and
 * the node group builder's, shared with this parser.
 */
public final class EksSection extends BaseSection<EksSection.Config> {

    public static final EksSection SECTION = new EksSection();
    public static final String KEY = ConfigParser.PROJECT + ":eks";
    public static final String DEFAULTS_KEY = ConfigParser.PROJECT + ":eksDefaults";
    static final Set<String> FIELDS = Set.of("clusterName", "version", "supportType", "endpointAccess", "publicAccessCidrs",
            "logRetentionDays", "logTypes", "deployerRoleArn", "access", "nodeGroups", "addonVersions");
    static final Set<String> MERGED_BY_KEY = Set.of("access", "nodeGroups", "addonVersions");
    static final Set<String> NODE_GROUP_FIELDS = Set.of("instanceTypes", "minSize", "maxSize", "desiredSize", "diskSizeGiB",
            "gpu", "labels", "taints", "maxUnavailable");

    /**
     * The cluster as the stack file (over the project defaults) declares it.
     *
     * @param clusterName       Default: acgs2-&lt;region&gt;
     * @param version           Default: {@link KubernetesVersions#DEFAULT}
     * @param supportType       Default: standard
     * @param endpointAccess    Default: private
     * @param publicAccessCidrs only with public-and-private
     * @param logRetentionDays  Default: 365
     * @param logTypes          kept for compatibility: all five types are always on (CIS EKS 2.1.1)
     * @param deployerRoleArn   Default: the session's issuer
     * @param access            extra API access by key
     * @param nodeGroups        node groups by name
     * @param addonVersions     add-on version overrides
     */
    public record Config(String clusterName, Optional<String> version, Optional<SupportType> supportType,
                         Optional<EndpointAccess> endpointAccess, List<String> publicAccessCidrs,
                         Optional<Integer> logRetentionDays, List<String> logTypes, Optional<String> deployerRoleArn,
                         Map<String, AccessGrant> access, Map<String, NodeGroupSpec> nodeGroups,
                         Map<String, String> addonVersions) {
    }

    /** The project-wide defaults' key: registered so Pulumi.yaml may hold it; checked with each stack. */
    public static final ConfigSection<Void> DEFAULTS = new BaseSection<>(DEFAULTS_KEY, Scope.PROJECT) {
        @Override
        public Void parse(SectionInput in) {
            return null;
        }
    };

    private EksSection() {
        super(KEY, Scope.STACK);
    }

    public static String defaultClusterName(String region) {
        return "acgs2-" + region;
    }

    /** Where a field's value came from, for messages: the stack file or Pulumi.yaml. */
    private record Origin(String file, String key) {
    }

    @Override
    public Config parse(SectionInput in) {
        var defaults = in.object(DEFAULTS_KEY, false, "");
        var stack = in.object(KEY, false, "");
        var region = in.parsed(AwsRegionSection.SECTION).orElse(in.stack());
        var merged = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        var origins = new LinkedHashMap<String, Origin>();
        defaults.ifPresent(d -> {
            in.unknownFields(d, FIELDS, DEFAULTS_KEY);
            d.fields().forEachRemaining(e -> {
                merged.set(e.getKey(), e.getValue().deepCopy());
                origins.put(e.getKey(), new Origin(ConfigParser.PROJECT_FILE, DEFAULTS_KEY));
            });
        });
        stack.ifPresent(s -> {
            in.unknownFields(s, FIELDS, KEY);
            s.fields().forEachRemaining(e -> {
                var field = e.getKey();
                if (MERGED_BY_KEY.contains(field) && merged.get(field) instanceof ObjectNode base && e.getValue().isObject()) {
                    e.getValue().fields().forEachRemaining(entry -> {
                        // an entry of both: the stack's fields over the default's (a stack changes a
                        // group's instance types without repeating its labels)
                        if (base.get(entry.getKey()) instanceof ObjectNode baseEntry && entry.getValue().isObject()) {
                            var mergedEntry = baseEntry.deepCopy();
                            entry.getValue().fields().forEachRemaining(f -> mergedEntry.set(f.getKey(), f.getValue().deepCopy()));
                            base.set(entry.getKey(), mergedEntry);
                        } else {
                            base.set(entry.getKey(), entry.getValue().deepCopy());
                        }
                        origins.put(field + "." + entry.getKey(), new Origin(in.file(), KEY));
                    });
                } else {
                    merged.set(field, e.getValue().deepCopy());
                    origins.put(field, new Origin(in.file(), KEY));
                }
            });
        });
        var reader = new Reader(in, origins);

        var clusterName = reader.text(merged, "clusterName").orElse(defaultClusterName(region));
        var version = reader.text(merged, "version");
        version.filter(v -> KubernetesVersions.of(v).isEmpty()).ifPresent(v -> reader.add("version",
                "'" + v + "' is not a supported Kubernetes minor", "use one of " + KubernetesVersions.supported()
                        + " (" + KubernetesVersions.DEFAULT + " is the default; the table is KubernetesVersions)"));
        var supportType = reader.text(merged, "supportType").flatMap(v -> {
            var t = SupportType.fromConfig(v);
            if (t.isEmpty()) {
                reader.add("supportType", "'" + v + "' is not a support type", "use one of: " + SupportType.allowedValues()
                        + " (extended is billed at a multiple of the standard price)");
            }
            return t;
        });
        var endpointAccess = reader.text(merged, "endpointAccess").flatMap(v -> {
            var t = EndpointAccess.fromConfig(v);
            if (t.isEmpty()) {
                reader.add("endpointAccess", "'" + v + "' is not an endpoint access mode", "use one of: " + EndpointAccess.allowedValues());
            }
            return t;
        });
        var publicCidrs = reader.list(merged, "publicAccessCidrs");
        EksClusterArgs.publicAccessProblems(endpointAccess.orElse(EksClusterArgs.DEFAULT_ENDPOINT_ACCESS), publicCidrs)
                .forEach(m -> reader.add("publicAccessCidrs", m[0], m[1]));
        var retention = reader.integer(merged, "logRetentionDays");
        var logTypes = reader.list(merged, "logTypes");
        var deployer = reader.text(merged, "deployerRoleArn");

        var access = new TreeMap<String, AccessGrant>();
        reader.entries(merged, "access").forEach((key, node) -> {
            var field = "access." + key;
            reader.unknown(node, Set.of("principalArn", "level", "namespaces"), field);
            var level = reader.text(node, field, "level").map(v -> {
                var l = AccessLevel.fromConfig(v);
                if (l.isEmpty()) {
                    reader.add(field + ".level", "'" + v + "' is not an access level", "use one of: " + AccessLevel.allowedValues());
                }
                return l.orElse(AccessLevel.VIEW);
            }).orElse(AccessLevel.VIEW);
            access.put(key, new AccessGrant(reader.text(node, field, "principalArn").orElse(null), level,
                    reader.list(node, field, "namespaces")));
        });

        var nodeGroups = new TreeMap<String, NodeGroupSpec>();
        reader.entries(merged, "nodeGroups").forEach((group, node) -> {
            var field = "nodeGroups." + group;
            reader.unknown(node, NODE_GROUP_FIELDS, field);
            var b = NodeGroupSpec.builder().instanceTypes(reader.list(node, field, "instanceTypes"));
            reader.integer(node, field, "minSize").ifPresent(b::minSize);
            reader.integer(node, field, "maxSize").ifPresent(b::maxSize);
            reader.integer(node, field, "desiredSize").ifPresent(b::desiredSize);
            reader.integer(node, field, "diskSizeGiB").ifPresent(b::diskSizeGiB);
            reader.integer(node, field, "maxUnavailable").ifPresent(b::maxUnavailable);
            b.gpu(node.has("gpu") && node.get("gpu").asBoolean(false));
            b.labels(reader.strings(node, field, "labels"));
            if (node.has("taints")) {
                var taints = new ArrayList<NodeGroupSpec.Taint>();
                node.get("taints").forEach(t -> taints.add(new NodeGroupSpec.Taint(SectionInput.text(t.get("key")).orElse(""),
                        SectionInput.text(t.get("value")).orElse(""), SectionInput.text(t.get("effect")).orElse(""))));
                b.taints(taints);
            }
            var problems = b.problems(field);
            // the builder's messages are "field: problem. Fix: fix"; re-file them under this section's key
            problems.forEach(msg -> {
                int colon = msg.indexOf(": ");
                int fix = msg.indexOf(". Fix: ");
                reader.add(msg.substring(0, colon), msg.substring(colon + 2, fix), msg.substring(fix + 7));
            });
            if (problems.isEmpty()) {
                nodeGroups.put(group, b.build());
            }
        });
        if (nodeGroups.isEmpty() && reader.entries(merged, "nodeGroups").isEmpty()) {
            in.add(KEY + ".nodeGroups", "no node group is defined", "define nodeGroups (e.g. system and workloads) in "
                    + DEFAULTS_KEY + " in " + ConfigParser.PROJECT_FILE + " or in this stack's " + KEY);
        }
        var addonVersions = new TreeMap<String, String>();
        reader.entries(merged, "addonVersions").forEach((addon, node) -> SectionInput.text(node).ifPresent(v ->
                addonVersions.put(addon, v)));
        return new Config(clusterName, version, supportType, endpointAccess, publicCidrs, retention, logTypes, deployer,
                access, nodeGroups, addonVersions);
    }

    /** Typed reads of the merged object that report problems against the file and key the value came from. */
    private static final class Reader {
        private final SectionInput in;
        private final Map<String, Origin> origins;

        Reader(SectionInput in, Map<String, Origin> origins) {
            this.in = in;
            this.origins = origins;
        }

        void add(String field, String problem, String fix) {
            var top = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
            var entry = field.indexOf('.') > 0 ? field.substring(0, field.indexOf('.', field.indexOf('.') + 1) > 0
                    ? field.indexOf('.', field.indexOf('.') + 1) : field.length()) : field;
            var origin = origins.getOrDefault(entry, origins.getOrDefault(top, new Origin(in.file(), KEY)));
            in.problems().add(origin.file(), origin.key() + "." + field, problem, fix);
        }

        Optional<String> text(JsonNode node, String field) {
            return text(node, "", field);
        }

        Optional<String> text(JsonNode node, String prefix, String field) {
            var v = node.get(field);
            if (v != null && !v.isNull() && !v.isValueNode()) {
                add(qualified(prefix, field), "must be a string", "write a plain value");
                return Optional.empty();
            }
            return SectionInput.text(v);
        }

        Optional<Integer> integer(JsonNode node, String field) {
            return integer(node, "", field);
        }

        Optional<Integer> integer(JsonNode node, String prefix, String field) {
            var v = node.get(field);
            if (v == null || v.isNull()) {
                return Optional.empty();
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                add(qualified(prefix, field), "'" + v.asText() + "' is not a whole number", "write a number, e.g. 3");
                return Optional.empty();
            }
            return Optional.of(v.asInt());
        }

        List<String> list(JsonNode node, String field) {
            return list(node, "", field);
        }

        List<String> list(JsonNode node, String prefix, String field) {
            var v = node.get(field);
            var out = new ArrayList<String>();
            if (v == null || v.isNull()) {
                return out;
            }
            if (!v.isArray()) {
                add(qualified(prefix, field), "must be a list", "write [a, b]");
                return out;
            }
            v.forEach(item -> SectionInput.text(item).ifPresent(out::add));
            return out;
        }

        Map<String, String> strings(JsonNode node, String prefix, String field) {
            var out = new TreeMap<String, String>();
            var v = node.get(field);
            if (v == null || v.isNull()) {
                return out;
            }
            if (!v.isObject()) {
                add(qualified(prefix, field), "must be a mapping", "write key: value lines");
                return out;
            }
            v.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            return out;
        }

        Map<String, JsonNode> entries(JsonNode node, String field) {
            var out = new TreeMap<String, JsonNode>();
            var v = node.get(field);
            if (v == null || v.isNull()) {
                return out;
            }
            if (!v.isObject()) {
                add(field, "must be a mapping", "write name: {...} entries");
                return out;
            }
            v.fields().forEachRemaining(e -> {
                if (e.getValue().isObject() || field.equals("addonVersions")) {
                    out.put(e.getKey(), e.getValue());
                } else {
                    add(field + "." + e.getKey(), "must be a mapping", "write its fields under it");
                }
            });
            return out;
        }

        void unknown(JsonNode node, Set<String> known, String field) {
            node.fieldNames().forEachRemaining(f -> {
                if (!known.contains(f)) {
                    add(field + "." + f, "unknown setting", "remove it or use one of " + known.stream().sorted().toList());
                }
            });
        }

        private static String qualified(String prefix, String field) {
            return prefix.isEmpty() ? field : prefix + "." + field;
        }
    }
}
