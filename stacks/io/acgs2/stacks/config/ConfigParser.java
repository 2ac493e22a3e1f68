package io.acgs2.stacks.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.acgs2.components.network.CidrPlan;
import io.acgs2.components.network.Ipv4Cidr;
import io.acgs2.components.network.NatStrategy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The one parser for configuration, whether it comes from the engine (ctx.config()) or from the
 * YAML files (offline plan). It never throws on the first problem: it records every problem with
 * the file, the key and the fix, and returns what it could parse.
 */
public final class ConfigParser {

    public static final String PROJECT = "acgs2-infra";
    public static final String PROJECT_FILE = "Pulumi.yaml";

    // Keys: project-wide (Pulumi.yaml) and per-stack (Pulumi.<stack>.yaml).
    public static final String ZONES = PROJECT + ":zones";
    public static final String TENANTS = PROJECT + ":tenants";
    public static final String TAGS = PROJECT + ":tags";
    public static final String MESH_ID = PROJECT + ":meshId";
    public static final String ORGANIZATION = PROJECT + ":organization";
    public static final String AWS_REGION = "aws:region";
    public static final String ZONE = PROJECT + ":zone";
    public static final String FLEET = PROJECT + ":fleet";
    public static final String NETWORK = PROJECT + ":network";
    public static final String MESH = PROJECT + ":mesh";

    public static final Set<String> PROJECT_KEYS = Set.of(ZONES, TENANTS, TAGS, MESH_ID, ORGANIZATION);
    public static final Set<String> STACK_KEYS = Set.of(AWS_REGION, ZONE, FLEET, NETWORK, MESH);

    /** Tag keys the program sets itself; user tags may not override them. */
    public static final Set<String> RESERVED_TAGS = Set.of("project", "stack", "region", "zone", "Name");

    static final Pattern REGION = Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$");
    static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
    static final int MAX_JOIN_ORDER = 1022; // keeps the derived TGW ASN (64512 + order) private

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigParser() {
    }

    /** Parses the project-wide settings. */
    static ProjectSettings parseProject(String project, ConfigSource src, Problems p) {
        var file = PROJECT_FILE;
        var zones = new TreeMap<String, ZoneSpec>();
        var zonesNode = object(src, ZONES, file, p, true,
                "add zones: {us: {regions: [us-east-1]}, gdpr: {regions: [eu-west-1], restricted: true}} under config: in "
                        + PROJECT_FILE);
        zonesNode.ifPresent(node -> node.fields().forEachRemaining(e -> {
            var key = ZONES + "." + e.getKey();
            if (!DNS_LABEL.matcher(e.getKey()).matches()) {
                p.add(file, key, "zone name '" + e.getKey() + "' is not a lower-case label", "rename it, e.g. gdpr");
            }
            var z = e.getValue();
            if (!z.isObject()) {
                p.add(file, key, "must be an object", "write {regions: [...], restricted: true|false}");
                return;
            }
            unknownFields(z, Set.of("regions", "restricted"), file, key, p);
            var regions = stringList(z.get("regions"), file, key + ".regions", p,
                    "list the AWS regions the zone allows, e.g. [eu-west-1, eu-central-1]");
            if (regions.isEmpty() && z.has("regions")) {
                p.add(file, key + ".regions", "is empty", "list at least one AWS region");
            } else if (!z.has("regions")) {
                p.add(file, key + ".regions", "is missing", "list the AWS regions the zone allows");
            }
            for (var r : regions) {
                if (!REGION.matcher(r).matches()) {
                    p.add(file, key + ".regions", "'" + r + "' is not an AWS region name", "use a name such as eu-west-1");
                }
            }
            boolean restricted = bool(z.get("restricted"), true, file, key + ".restricted", p);
            zones.put(e.getKey(), new ZoneSpec(e.getKey(), regions, restricted));
        }));

        var tenants = new TreeMap<String, TenantSpec>();
        object(src, TENANTS, file, p, false, "").ifPresent(node -> node.fields().forEachRemaining(e -> {
            var key = TENANTS + "." + e.getKey();
            if (!DNS_LABEL.matcher(e.getKey()).matches()) {
                p.add(file, key, "tenant id '" + e.getKey() + "' is not a lower-case label", "use letters, digits and '-'");
            }
            var t = e.getValue();
            if (!t.isObject()) {
                p.add(file, key, "must be an object", "write {zone: gdpr, homeRegion: eu-west-1}");
                return;
            }
            unknownFields(t, Set.of("zone", "homeRegion"), file, key, p);
            var zone = text(t.get("zone"));
            var home = text(t.get("homeRegion"));
            if (zone.isEmpty()) {
                p.add(file, key + ".zone", "is missing", "set the sovereignty zone the tenant's data must stay in");
            } else if (zonesNode.isPresent() && !zones.containsKey(zone.get())) {
                p.add(file, key + ".zone", "zone '" + zone.get() + "' is not defined", "use one of " + zones.keySet()
                        + " or add it under " + ZONES);
            }
            if (home.isEmpty()) {
                p.add(file, key + ".homeRegion", "is missing", "set the region that serves the tenant");
            }
            tenants.put(e.getKey(), new TenantSpec(e.getKey(), zone.orElse(""), home.orElse("")));
        }));

        var tags = new TreeMap<String, String>();
        object(src, TAGS, file, p, false, "").ifPresent(node -> node.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode()) {
                p.add(file, TAGS + "." + e.getKey(), "must be a string", "give the tag a plain value");
            } else if (RESERVED_TAGS.contains(e.getKey()) || e.getKey().startsWith("aws:")) {
                p.add(file, TAGS + "." + e.getKey(), "tag key '" + e.getKey() + "' is reserved",
                        "rename it; the program sets " + RESERVED_TAGS.stream().sorted().toList() + " itself");
            } else {
                tags.put(e.getKey(), e.getValue().asText());
            }
        }));

        var meshId = src.get(MESH_ID).orElse("acgs2-mesh");
        if (!DNS_LABEL.matcher(meshId).matches()) {
            p.add(file, MESH_ID, "'" + meshId + "' is not a lower-case DNS label", "use e.g. acgs2-mesh");
        }
        var organization = src.get(ORGANIZATION).filter(s -> !s.isBlank());
        return new ProjectSettings(project, zones, tenants, tags, meshId, organization);
    }

    /**
     * Parses one stack's region facts, zone membership checked against {@code settings}. Returns a
     * spec whenever the fleet checks can use it (region, join order and CIDR parsed), even if other
     * keys had problems; the caller builds a fleet only when {@code p} stays empty.
     */
    static Optional<RegionSpec> parseRegion(String stack, ConfigSource src, ProjectSettings settings, Problems p) {
        var file = "Pulumi." + stack + ".yaml";

        var region = src.get(AWS_REGION);
        if (region.isEmpty()) {
            p.add(file, AWS_REGION, "is missing", "set the stack's AWS region, e.g. aws:region: " + stack);
        } else if (!REGION.matcher(region.get()).matches()) {
            p.add(file, AWS_REGION, "'" + region.get() + "' is not an AWS region name", "use a name such as eu-west-1");
        }

        var zone = src.get(ZONE);
        if (zone.isEmpty()) {
            p.add(file, ZONE, "is missing", "set the sovereignty zone of the region, one of " + settings.zones().keySet());
        } else if (!settings.zones().containsKey(zone.get())) {
            p.add(file, ZONE, "zone '" + zone.get() + "' is not defined in " + PROJECT_FILE,
                    "use one of " + settings.zones().keySet() + " or add the zone under " + ZONES);
        } else if (region.isPresent() && !settings.zones().get(zone.get()).allows(region.get())) {
            p.add(file, ZONE, "zone '" + zone.get() + "' does not allow region " + region.get(),
                    "pick the zone that allows " + region.get() + " or add the region to " + ZONES + "." + zone.get()
                            + ".regions (only if the law of that zone allows it)");
        }

        boolean founding = false;
        int joinOrder = -1;
        var fleet = object(src, FLEET, file, p, true,
                "add " + FLEET + ": {joinOrder: N} (and founding: true for the first region)");
        if (fleet.isPresent()) {
            unknownFields(fleet.get(), Set.of("founding", "joinOrder"), file, FLEET, p);
            founding = bool(fleet.get().get("founding"), false, file, FLEET + ".founding", p);
            var jo = fleet.get().get("joinOrder");
            if (jo == null) {
                p.add(file, FLEET + ".joinOrder", "is missing", "set the order the region joined the fleet (0 for the founding region)");
            } else if (!jo.canConvertToInt() || !jo.isIntegralNumber() || jo.asInt() < 0 || jo.asInt() > MAX_JOIN_ORDER) {
                p.add(file, FLEET + ".joinOrder", "'" + jo.asText() + "' is not a whole number from 0 to " + MAX_JOIN_ORDER,
                        "use the next free number after the last region's");
            } else {
                joinOrder = jo.asInt();
            }
        }

        Ipv4Cidr vpcCidr = null;
        var secondary = new ArrayList<Ipv4Cidr>();
        int azCount = RegionSpec.DEFAULT_AZ_COUNT;
        var nat = NatStrategy.ONE_PER_AZ;
        var azs = new ArrayList<String>();
        var network = object(src, NETWORK, file, p, true, "add " + NETWORK + ": {vpcCidr: 10.N.0.0/16}");
        if (network.isPresent()) {
            var n = network.get();
            unknownFields(n, Set.of("vpcCidr", "secondaryCidrs", "azCount", "natStrategy", "availabilityZones"), file,
                    NETWORK, p);
            var cidrText = text(n.get("vpcCidr"));
            if (cidrText.isEmpty()) {
                p.add(file, NETWORK + ".vpcCidr", "is missing", "set a /16 that no other region uses, e.g. 10.30.0.0/16");
            } else {
                var c = Ipv4Cidr.tryParse(cidrText.get());
                if (c.isEmpty()) {
                    p.add(file, NETWORK + ".vpcCidr", "'" + cidrText.get() + "' is not an IPv4 CIDR block",
                            "write it as a.b.c.d/n with no host bits set, e.g. 10.30.0.0/16");
                } else if (c.get().prefix() < CidrPlan.MIN_VPC_PREFIX || c.get().prefix() > CidrPlan.MAX_VPC_PREFIX) {
                    p.add(file, NETWORK + ".vpcCidr", "/" + c.get().prefix() + " is outside /" + CidrPlan.MIN_VPC_PREFIX
                            + " to /" + CidrPlan.MAX_VPC_PREFIX, "use a /16 (AWS allows no larger VPC; smaller than /"
                            + CidrPlan.MAX_VPC_PREFIX + " leaves too few addresses for EKS pods)");
                } else {
                    vpcCidr = c.get();
                }
            }
            for (var s : stringList(n.get("secondaryCidrs"), file, NETWORK + ".secondaryCidrs", p,
                    "list extra CIDR blocks, e.g. [100.64.0.0/16]")) {
                var c = Ipv4Cidr.tryParse(s);
                if (c.isEmpty() || c.get().prefix() < 16 || c.get().prefix() > 28) {
                    p.add(file, NETWORK + ".secondaryCidrs", "'" + s + "' is not an IPv4 CIDR block from /16 to /28",
                            "use a block AWS accepts as a secondary VPC CIDR, e.g. 100.64.0.0/16");
                } else if (vpcCidr != null && c.get().overlaps(vpcCidr)) {
                    p.add(file, NETWORK + ".secondaryCidrs", s + " overlaps the VPC CIDR " + vpcCidr,
                            "pick a block outside " + vpcCidr);
                } else {
                    secondary.add(c.get());
                }
            }
            var az = n.get("azCount");
            if (az != null) {
                if (!az.isIntegralNumber() || az.asInt() < 1 || az.asInt() > CidrPlan.MAX_AZS) {
                    p.add(file, NETWORK + ".azCount", "'" + az.asText() + "' is not a whole number from 1 to " + CidrPlan.MAX_AZS,
                            "use 3 (the default) or the number of AZs the region has");
                } else {
                    azCount = az.asInt();
                }
            }
            azs.addAll(stringList(n.get("availabilityZones"), file, NETWORK + ".availabilityZones", p,
                    "list AZ names of the region, e.g. [" + region.orElse(stack) + "a, " + region.orElse(stack) + "b]"));
            if (!azs.isEmpty() && azs.size() != azCount) {
                p.add(file, NETWORK + ".availabilityZones", "lists " + azs.size() + " AZs but azCount is " + azCount,
                        "list exactly azCount AZs, or remove the list to use the region's first " + azCount);
            }
            for (var zoneName : azs) {
                if (region.isPresent() && !zoneName.matches(Pattern.quote(region.get()) + "[a-z]")) {
                    p.add(file, NETWORK + ".availabilityZones", "'" + zoneName + "' is not an AZ of " + region.get(),
                            "use names such as " + region.get() + "a");
                }
            }
            if (azs.size() != new java.util.HashSet<>(azs).size()) {
                p.add(file, NETWORK + ".availabilityZones", "lists an AZ twice", "list each AZ once");
            }
            var natText = text(n.get("natStrategy"));
            if (natText.isPresent()) {
                var parsed = NatStrategy.fromConfig(natText.get());
                if (parsed.isEmpty()) {
                    p.add(file, NETWORK + ".natStrategy", "'" + natText.get() + "' is not a NAT strategy",
                            "use one of: " + NatStrategy.allowedValues());
                } else {
                    nat = parsed.get();
                }
            }
        }

        var meshNetwork = "network-" + region.orElse(stack);
        var mesh = object(src, MESH, file, p, false, "");
        if (mesh.isPresent()) {
            unknownFields(mesh.get(), Set.of("network"), file, MESH, p);
            var name = text(mesh.get().get("network"));
            if (name.isPresent()) {
                if (!DNS_LABEL.matcher(name.get()).matches()) {
                    p.add(file, MESH + ".network", "'" + name.get() + "' is not a lower-case DNS label",
                            "use e.g. network-" + region.orElse(stack));
                }
                meshNetwork = name.get();
            }
        }

        // With its region, place and CIDR known, the stack still takes part in the fleet checks even if
        // other keys are wrong, so one run reports every problem; the fleet is built only when none remain.
        boolean fleetCheckable = region.isPresent() && REGION.matcher(region.get()).matches() && joinOrder >= 0
                && vpcCidr != null;
        if (!fleetCheckable) {
            return Optional.empty();
        }
        return Optional.of(new RegionSpec(stack, file, region.get(), zone.orElse(""), founding, joinOrder, vpcCidr,
                secondary, azCount, nat, meshNetwork, azs));
    }

    // ---- small typed readers, each recording its own problem ----

    private static Optional<JsonNode> object(ConfigSource src, String key, String file, Problems p, boolean required,
                                             String fixIfMissing) {
        var raw = src.get(key);
        if (raw.isEmpty()) {
            if (required) {
                p.add(file, key, "is missing", fixIfMissing);
            }
            return Optional.empty();
        }
        try {
            var node = JSON.readTree(raw.get());
            if (node == null || !node.isObject()) {
                p.add(file, key, "must be an object", "write it as a YAML mapping (key: value lines under " + key + ")");
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (Exception e) {
            p.add(file, key, "is not a YAML/JSON object", "write it as a YAML mapping (key: value lines under " + key + ")");
            return Optional.empty();
        }
    }

    private static void unknownFields(JsonNode node, Set<String> known, String file, String key, Problems p) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            var f = it.next();
            if (!known.contains(f)) {
                p.add(file, key + "." + f, "unknown setting", "remove it or use one of " + known.stream().sorted().toList());
            }
        }
    }

    private static Optional<String> text(JsonNode node) {
        if (node == null || node.isNull() || !node.isValueNode() || node.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(node.asText().trim());
    }

    private static boolean bool(JsonNode node, boolean dflt, String file, String key, Problems p) {
        if (node == null || node.isNull()) {
            return dflt;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isTextual() && (node.asText().equals("true") || node.asText().equals("false"))) {
            return Boolean.parseBoolean(node.asText());
        }
        p.add(file, key, "'" + node.asText() + "' is not true or false", "write true or false");
        return dflt;
    }

    private static List<String> stringList(JsonNode node, String file, String key, Problems p, String fix) {
        var out = new ArrayList<String>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            p.add(file, key, "must be a list", fix);
            return out;
        }
        for (var item : node) {
            if (!item.isValueNode() || item.asText().isBlank()) {
                p.add(file, key, "every item must be a non-empty string", fix);
            } else {
                out.add(item.asText().trim());
            }
        }
        return out;
    }

    /** Serialises a parsed YAML value into the engine's string form (objects and lists as JSON). */
    static String toConfigString(Object value) {
        if (value instanceof Map || value instanceof List) {
            try {
                return JSON.writeValueAsString(value);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return String.valueOf(value);
    }
}
