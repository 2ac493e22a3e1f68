package io.acgs2.stacks.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.acgs2.components.data.DataStore;
import io.acgs2.components.mesh.ServiceSpec;
import io.acgs2.components.wiring.DomainUse;
import io.acgs2.components.wiring.StoreAccess;
import io.acgs2.components.wiring.TopicAccess;
import io.acgs2.components.mesh.TrafficPolicy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code acgs2-infra:services} (project): the ACGS services every region runs in the mesh,
 * {@code {failoverTargetSeconds, tenantHeader, tenantClaim, imagePinning, jwt: {issuer, jwksUri, audiences}, apps: {name: {image, port, replicas,
 * resources: {cpu, memory}, autoscaling: {min, max, cpuPercent}, gpu: {regions}, tenant,
 * traffic: {...}, data: {domain: {database|cache|bucket: read|read-write, topics: {topic: produce|consume|[both]},
 * exceptIn: [zones or regions]}}}}}}. Optional. Each app's failover bound must be within the target, checked here,
 * before anything is registered; what {@code data} names is checked against the fleet by {@code WiringRules}.
 */
public final class ServicesSection extends BaseSection<ServicesSection.Config> {

    public static final ServicesSection SECTION = new ServicesSection();
    public static final String KEY = ConfigParser.PROJECT + ":services";
    public static final String DEFAULT_TENANT_HEADER = "x-acgs2-tenant";
    public static final String DEFAULT_TENANT_CLAIM = "acgs2_tenant";
    static final Set<String> APP_FIELDS = Set.of("image", "port", "replicas", "resources", "autoscaling", "gpu", "tenant", "traffic", "data");
    static final Set<String> USE_FIELDS = Set.of("database", "cache", "bucket", "topics", "exceptIn");
    static final Set<String> TRAFFIC_FIELDS = Set.of("consecutiveGatewayErrors", "intervalSeconds", "baseEjectionSeconds",
            "connectTimeoutMillis", "perTryTimeoutMillis", "retryAttempts", "timeoutMillis", "locality", "localPercent", "failoverTo",
            "distributeTo");
    /** name:tag (not latest) or name@sha256:digest. */
    static final Pattern PINNED_IMAGE = Pattern.compile("^[a-z0-9][a-z0-9./_:-]*(:(?!latest$)[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$");
    /** name[:tag]@sha256:digest: what the kubelet pulls is the digest, whatever the tag names later. */
    static final Pattern DIGEST_IMAGE = Pattern.compile("^[a-z0-9][a-z0-9./_-]*(:[0-9]+/[a-z0-9./_-]+)?(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?@sha256:[a-f0-9]{64}$");
    /** Images must carry a digest (the default), or a tag may do ({@code imagePinning: tag}, the opt-out). */
    public static final String PIN_DIGEST = "digest";
    public static final String PIN_TAG = "tag";
    static final Pattern QUANTITY = Pattern.compile("^[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$");
    static final Pattern HEADER = Pattern.compile("^[a-z0-9][a-z0-9-]*$");

    /**
     * @param failoverTargetSeconds the failover bound every service must keep. Default: 30
     * @param tenantHeader          the request header that names the tenant. Default: x-acgs2-tenant
     * @param tenantClaim           the JWT claim that names the tenant (with RequestAuthentication). Default: acgs2_tenant
     * @param apps                  the services by name. Default: none
     * @param jwt                   the issuer of the tokens that carry the tenant claim; with it every service
     *                              validates them (RequestAuthentication). Default: none (header only)
     */
    public record Config(int failoverTargetSeconds, String tenantHeader, String tenantClaim, Map<String, ServiceSpec> apps,
                         Optional<io.acgs2.components.mesh.JwtIssuer> jwt) {
        public Config {
            apps = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(apps));
        }

        public static Config none() {
            return new Config(TrafficPolicy.DEFAULT_TARGET_SECONDS, DEFAULT_TENANT_HEADER, DEFAULT_TENANT_CLAIM, Map.of(), Optional.empty());
        }
    }

    private ServicesSection() {
        super(KEY, Scope.PROJECT);
    }

    @Override
    public Config parse(SectionInput in) {
        var node = in.object(KEY, false, "");
        if (node.isEmpty()) {
            return Config.none();
        }
        var s = node.get();
        in.unknownFields(s, Set.of("failoverTargetSeconds", "tenantHeader", "tenantClaim", "imagePinning", "jwt", "apps"), KEY);
        var pinning = SectionInput.text(s.get("imagePinning")).orElse(PIN_DIGEST);
        if (!pinning.equals(PIN_DIGEST) && !pinning.equals(PIN_TAG)) {
            in.add(KEY + ".imagePinning", "is '" + pinning + "'", "use digest (the default) or tag");
        }
        int target = in.integer(s.get("failoverTargetSeconds"), KEY + ".failoverTargetSeconds", "write seconds, e.g. 30")
                .orElse(TrafficPolicy.DEFAULT_TARGET_SECONDS);
        if (target < 1) {
            in.add(KEY + ".failoverTargetSeconds", "is " + target, "use a positive number of seconds, e.g. 30");
        }
        var header = SectionInput.text(s.get("tenantHeader")).orElse(DEFAULT_TENANT_HEADER);
        if (!HEADER.matcher(header).matches()) {
            in.add(KEY + ".tenantHeader", "'" + header + "' is not a lower-case header name", "use e.g. " + DEFAULT_TENANT_HEADER);
        }
        var claim = SectionInput.text(s.get("tenantClaim")).orElse(DEFAULT_TENANT_CLAIM);
        var apps = new TreeMap<String, ServiceSpec>();
        var appsNode = s.get("apps");
        if (appsNode != null && !appsNode.isNull() && !appsNode.isObject()) {
            in.add(KEY + ".apps", "must be a mapping", "write apps: {claude-flow: {image: ..., port: 8080}}");
        } else if (appsNode != null) {
            appsNode.fields().forEachRemaining(e -> app(in, e.getKey(), e.getValue(), target, pinning.equals(PIN_TAG))
                    .ifPresent(a -> apps.put(a.name(), a)));
        }
        return new Config(target, header, claim, apps, jwt(in, s.get("jwt")));
    }

    private static Optional<io.acgs2.components.mesh.JwtIssuer> jwt(SectionInput in, JsonNode j) {
        if (j == null || j.isNull()) {
            return Optional.empty();
        }
        var key = KEY + ".jwt";
        if (!j.isObject()) {
            in.add(key, "must be a mapping", "write jwt: {issuer: https://id.example.com, jwksUri: https://id.example.com/jwks}");
            return Optional.empty();
        }
        in.unknownFields(j, Set.of("issuer", "jwksUri", "audiences"), key);
        var issuer = SectionInput.text(j.get("issuer"));
        var jwks = SectionInput.text(j.get("jwksUri"));
        if (issuer.isEmpty()) {
            in.add(key + ".issuer", "is missing", "set the iss value of the tokens");
        }
        if (jwks.isEmpty() || !jwks.get().startsWith("https://")) {
            in.add(key + ".jwksUri", jwks.map(v -> "'" + v + "' is not an https URL").orElse("is missing"),
                    "give the https URL of the issuer's signing keys");
        }
        var audiences = in.stringList(j.get("audiences"), key + ".audiences", "list the accepted aud values");
        if (issuer.isEmpty() || jwks.isEmpty() || !jwks.get().startsWith("https://")) {
            return Optional.empty();
        }
        return Optional.of(new io.acgs2.components.mesh.JwtIssuer(issuer.get(), jwks.get(), audiences));
    }

    private static Optional<ServiceSpec> app(SectionInput in, String name, JsonNode a, int target, boolean tagsAllowed) {
        var key = KEY + ".apps." + name;
        if (!MeshSection.DNS_LABEL.matcher(name).matches() || name.length() > 40) {
            in.add(key, "service name '" + name + "' is not a lower-case DNS label of at most 40 characters", "rename it, e.g. claude-flow");
        }
        if (!a.isObject()) {
            in.add(key, "must be a mapping", "write {image: registry/name:1.2.3, port: 8080}");
            return Optional.empty();
        }
        in.unknownFields(a, APP_FIELDS, key);
        var image = SectionInput.text(a.get("image"));
        if (image.isEmpty()) {
            in.add(key + ".image", "is missing", "set the container image, pinned, e.g. ghcr.io/acgs2/" + name + ":1.0.0");
        } else if (!PINNED_IMAGE.matcher(image.get()).matches()) {
            in.add(key + ".image", "'" + image.get() + "' is not pinned", "give a version tag other than latest, or @sha256:<digest>");
        } else if (!tagsAllowed && !DIGEST_IMAGE.matcher(image.get()).matches()) {
            // a tag is a name the registry can point at another image: a re-push changes what every new pod runs
            in.add(key + ".image", "'" + image.get() + "' is pinned by a tag only, which its registry can move to another image",
                    "append the digest the tag names now (crane digest " + image.get() + "): " + image.get()
                            + "@sha256:<digest>; or set " + KEY + ".imagePinning: tag to accept tags");
        }
        int port = in.integer(a.get("port"), key + ".port", "write a port, e.g. 8080").orElse(8080);
        if (port < 1 || port > 65535 || (port >= 15000 && port <= 15090)) {
            in.add(key + ".port", "is " + port, "use 1 to 65535 outside 15000-15090 (Istio's sidecar ports)");
        }
        int replicas = in.integer(a.get("replicas"), key + ".replicas", "write a count, e.g. 3").orElse(2);
        var resources = a.get("resources");
        String cpu = "500m";
        String memory = "512Mi";
        if (resources != null && resources.isObject()) {
            in.unknownFields(resources, Set.of("cpu", "memory"), key + ".resources");
            cpu = SectionInput.text(resources.get("cpu")).orElse(cpu);
            memory = SectionInput.text(resources.get("memory")).orElse(memory);
        }
        for (var q : Map.of("cpu", cpu, "memory", memory).entrySet()) {
            if (!QUANTITY.matcher(q.getValue()).matches()) {
                in.add(key + ".resources." + q.getKey(), "'" + q.getValue() + "' is not a Kubernetes quantity", "write e.g. 500m or 1Gi");
            }
        }
        var autoscaling = a.get("autoscaling");
        int min = Math.max(replicas, 2);
        int max = Math.max(min, 10);
        int cpuPercent = 70;
        if (autoscaling != null && autoscaling.isObject()) {
            in.unknownFields(autoscaling, Set.of("min", "max", "cpuPercent"), key + ".autoscaling");
            min = in.integer(autoscaling.get("min"), key + ".autoscaling.min", "write a count, e.g. 2").orElse(min);
            max = in.integer(autoscaling.get("max"), key + ".autoscaling.max", "write a count, e.g. 10").orElse(Math.max(min, max));
            cpuPercent = in.integer(autoscaling.get("cpuPercent"), key + ".autoscaling.cpuPercent", "write a percentage, e.g. 70").orElse(70);
        }
        if (min < 2) {
            in.add(key + ".autoscaling.min", "is " + min, "keep at least 2 replicas per region (a disruption budget needs one to spare)");
        }
        if (max < min) {
            in.add(key + ".autoscaling.max", max + " is below min " + min, "set max >= min");
        }
        if (replicas < min || replicas > max) {
            in.add(key + ".replicas", replicas + " is outside the autoscaling bounds " + min + ".." + max, "set replicas within min..max");
        }
        if (cpuPercent < 10 || cpuPercent > 100) {
            in.add(key + ".autoscaling.cpuPercent", "is " + cpuPercent, "use 10 to 100, e.g. 70");
        }
        var gpu = a.get("gpu");
        var gpuRegions = new java.util.ArrayList<String>();
        if (gpu != null && gpu.isObject()) {
            in.unknownFields(gpu, Set.of("regions"), key + ".gpu");
            gpuRegions.addAll(in.stringList(gpu.get("regions"), key + ".gpu.regions", "list regions, e.g. [us-east-1]"));
        } else if (gpu != null && !gpu.isNull()) {
            in.add(key + ".gpu", "must be a mapping", "write gpu: {regions: [us-east-1]}");
        }
        var tenant = SectionInput.text(a.get("tenant"));
        tenant.ifPresent(t -> {
            if (in.settings() != null && !in.settings().tenants().containsKey(t)) {
                in.add(key + ".tenant", "tenant '" + t + "' is not in tenants", "use one of " + in.settings().tenants().keySet());
            }
        });
        var traffic = traffic(in, a.get("traffic"), key + ".traffic");
        traffic.validate().forEach(f -> in.add(key + ".traffic." + f.field(), f.finding()));
        traffic.checkBound(target).ifPresent(f -> in.add(key + ".traffic", f));
        var data = data(in, a.get("data"), key + ".data");
        if (image.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServiceSpec(name, image.get(), port, replicas, cpu, memory, min, max, cpuPercent, gpuRegions, tenant, traffic,
                data));
    }

    /** The domains a service declares; their names, stores and topics are checked against the fleet later. */
    private static java.util.List<DomainUse> data(SectionInput in, JsonNode d, String key) {
        var uses = new java.util.ArrayList<DomainUse>();
        if (d == null || d.isNull()) {
            return uses;
        }
        if (!d.isObject()) {
            in.add(key, "must be a mapping", "write data: {platform: {database: read-write, topics: {acgs.agent.events: produce}}}");
            return uses;
        }
        d.fields().forEachRemaining(e -> {
            var dk = key + "." + e.getKey();
            var u = e.getValue();
            if (!u.isObject()) {
                in.add(dk, "must be a mapping", "write {database: read, cache: read-write, bucket: read, topics: {topic: consume}}");
                return;
            }
            in.unknownFields(u, USE_FIELDS, dk);
            var stores = new java.util.EnumMap<DataStore, StoreAccess>(DataStore.class);
            for (var store : DataStore.values()) {
                SectionInput.text(u.get(store.configValue())).ifPresent(v -> StoreAccess.fromConfig(v).ifPresentOrElse(
                        access -> stores.put(store, access),
                        () -> in.add(dk + "." + store.configValue(), "is '" + v + "'", "use one of " + StoreAccess.allowedValues())));
            }
            var topics = new TreeMap<String, Set<TopicAccess>>();
            var t = u.get("topics");
            if (t != null && t.isObject()) {
                t.fields().forEachRemaining(te -> {
                    var values = te.getValue().isArray() ? in.stringList(te.getValue(), dk + ".topics." + te.getKey(), "list produce, consume")
                            : SectionInput.text(te.getValue()).map(java.util.List::of).orElse(java.util.List.of());
                    var how = java.util.EnumSet.noneOf(TopicAccess.class);
                    values.forEach(v -> TopicAccess.fromConfig(v).ifPresentOrElse(how::add, () -> in.add(dk + ".topics." + te.getKey(),
                            "is '" + v + "'", "use " + TopicAccess.allowedValues() + ", or a list of both")));
                    if (values.isEmpty()) {
                        in.add(dk + ".topics." + te.getKey(), "is empty", "write produce, consume or [produce, consume]");
                    }
                    if (!how.isEmpty()) {
                        topics.put(te.getKey(), how);
                    }
                });
            } else if (t != null && !t.isNull()) {
                in.add(dk + ".topics", "must be a mapping", "write topics: {acgs.agent.events: produce}");
            }
            var except = in.stringList(u.get("exceptIn"), dk + ".exceptIn", "list zones or regions, e.g. [us]");
            uses.add(new DomainUse(e.getKey(), stores, topics, except));
        });
        return uses;
    }

    private static TrafficPolicy traffic(SectionInput in, JsonNode t, String key) {
        var d = TrafficPolicy.defaults();
        if (t == null || t.isNull()) {
            return d;
        }
        if (!t.isObject()) {
            in.add(key, "must be a mapping", "write traffic: {locality: failover}");
            return d;
        }
        in.unknownFields(t, TRAFFIC_FIELDS, key);
        var failoverTo = new TreeMap<String, String>();
        var f = t.get("failoverTo");
        if (f != null && f.isObject()) {
            f.fields().forEachRemaining(e -> SectionInput.text(e.getValue()).ifPresentOrElse(v -> failoverTo.put(e.getKey(), v),
                    () -> in.add(key + ".failoverTo." + e.getKey(), "is empty", "name the region to prefer after " + e.getKey())));
        } else if (f != null && !f.isNull()) {
            in.add(key + ".failoverTo", "must be a mapping", "write failoverTo: {us-east-1: eu-west-1}");
        }
        var distributeTo = new TreeMap<String, java.util.List<String>>();
        var dt = t.get("distributeTo");
        if (dt != null && dt.isObject()) {
            dt.fields().forEachRemaining(e -> distributeTo.put(e.getKey(), in.stringList(e.getValue(), key + ".distributeTo." + e.getKey(),
                    "list regions, e.g. [eu-central-1]")));
        } else if (dt != null && !dt.isNull()) {
            in.add(key + ".distributeTo", "must be a mapping", "write distributeTo: {eu-west-1: [eu-central-1]}");
        }
        return new TrafficPolicy(
                in.integer(t.get("consecutiveGatewayErrors"), key + ".consecutiveGatewayErrors", "write a count, e.g. 3").orElse(d.consecutiveGatewayErrors()),
                in.integer(t.get("intervalSeconds"), key + ".intervalSeconds", "write seconds, e.g. 5").orElse(d.intervalSeconds()),
                in.integer(t.get("baseEjectionSeconds"), key + ".baseEjectionSeconds", "write seconds, e.g. 30").orElse(d.baseEjectionSeconds()),
                in.integer(t.get("connectTimeoutMillis"), key + ".connectTimeoutMillis", "write milliseconds, e.g. 1000").orElse(d.connectTimeoutMillis()),
                in.integer(t.get("perTryTimeoutMillis"), key + ".perTryTimeoutMillis", "write milliseconds, e.g. 3000").orElse(d.perTryTimeoutMillis()),
                in.integer(t.get("retryAttempts"), key + ".retryAttempts", "write a count, e.g. 2").orElse(d.retryAttempts()),
                in.integer(t.get("timeoutMillis"), key + ".timeoutMillis", "write milliseconds, e.g. 10000").orElse(d.timeoutMillis()),
                SectionInput.text(t.get("locality")).orElse(d.locality()),
                in.integer(t.get("localPercent"), key + ".localPercent", "write a percentage, e.g. 80").orElse(d.localPercent()),
                failoverTo, distributeTo);
    }
}
