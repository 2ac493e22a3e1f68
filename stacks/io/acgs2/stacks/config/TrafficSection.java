package io.acgs2.stacks.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.acgs2.components.traffic.FrontDoorSettings;
import io.acgs2.components.traffic.HealthCheckSettings;
import io.acgs2.components.traffic.HostedZoneSettings;
import io.acgs2.components.traffic.TlsPolicies;
import io.acgs2.components.traffic.WafSettings;

import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code acgs2-infra:traffic} (project): the public front door every region shares
 * ({@link FrontDoorSettings}): {@code {hostedZone: {domain, zoneId | create}, hostnames: {zone:
 * hostname}, healthCheck: {path, port, intervalSeconds, failureThreshold, service}, recordTtlSeconds,
 * failoverTargetSeconds, routes: {prefix: service}, waf: {rateLimit, managedRuleGroups}, tlsPolicy,
 * ipv6}}. Absent: no front door (the services stay reachable only inside the mesh). What needs the
 * fleet (every served zone has a hostname, the services exist, no region of another partition) is
 * checked with it ({@link TrafficRules}).
 */
public final class TrafficSection extends BaseSection<Optional<FrontDoorSettings>> {

    public static final TrafficSection SECTION = new TrafficSection();
    public static final String KEY = ConfigParser.PROJECT + ":traffic";
    static final Set<String> FIELDS = Set.of("hostedZone", "hostnames", "healthCheck", "recordTtlSeconds",
            "failoverTargetSeconds", "routes", "waf", "tlsPolicy", "ipv6");

    private TrafficSection() {
        super(KEY, Scope.PROJECT);
    }

    @Override
    public Optional<FrontDoorSettings> parse(SectionInput in) {
        var node = in.object(KEY, false, "");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        var t = node.get();
        in.unknownFields(t, FIELDS, KEY);
        var zone = mapping(in, t.get("hostedZone"), KEY + ".hostedZone", "write hostedZone: {domain: acgs2.example.com, zoneId: Z...}");
        in.unknownFields(zone, Set.of("domain", "zoneId", "create"), KEY + ".hostedZone");
        var hostedZone = new HostedZoneSettings(SectionInput.text(zone.get("domain")).orElse(null),
                SectionInput.text(zone.get("zoneId")), in.bool(zone.get("create"), false, KEY + ".hostedZone.create"));

        var hostnames = new TreeMap<String, String>();
        var hostsNode = mapping(in, t.get("hostnames"), KEY + ".hostnames", "write hostnames: {us: api.acgs2.example.com}");
        hostsNode.fields().forEachRemaining(e -> SectionInput.text(e.getValue()).ifPresentOrElse(h -> hostnames.put(e.getKey(), h),
                () -> in.add(KEY + ".hostnames." + e.getKey(), "is empty", "give the zone's API hostname")));

        var hc = mapping(in, t.get("healthCheck"), KEY + ".healthCheck", "write healthCheck: {service: claude-flow}");
        in.unknownFields(hc, Set.of("path", "port", "intervalSeconds", "failureThreshold", "service"), KEY + ".healthCheck");
        ServicesSection.Config services = in.parsed(ServicesSection.SECTION).orElse(ServicesSection.Config.none());
        // the default: the first shared service (the region's health is that service's, here)
        var defaultService = services.apps().values().stream().filter(a -> a.tenant().isEmpty()).map(a -> a.name()).findFirst().orElse(null);
        var healthCheck = new HealthCheckSettings(
                SectionInput.text(hc.get("path")).orElse(HealthCheckSettings.DEFAULT_PATH),
                integer(in, hc, "port", KEY + ".healthCheck", HealthCheckSettings.DEFAULT_PORT),
                integer(in, hc, "intervalSeconds", KEY + ".healthCheck", HealthCheckSettings.DEFAULT_INTERVAL_SECONDS),
                integer(in, hc, "failureThreshold", KEY + ".healthCheck", HealthCheckSettings.DEFAULT_FAILURE_THRESHOLD),
                SectionInput.text(hc.get("service")).orElse(defaultService));

        var routes = new LinkedHashMap<String, String>();
        var routesNode = t.get("routes");
        if (routesNode == null || routesNode.isNull()) {
            services.apps().values().stream().filter(a -> a.tenant().isEmpty()).forEach(a -> routes.put("/" + a.name() + "/", a.name()));
        } else {
            mapping(in, routesNode, KEY + ".routes", "write routes: {/claude-flow/: claude-flow}").fields().forEachRemaining(e ->
                    SectionInput.text(e.getValue()).ifPresentOrElse(app -> routes.put(e.getKey(), app),
                            () -> in.add(KEY + ".routes." + e.getKey(), "names no service", "name the service the prefix reaches")));
        }

        var wafNode = mapping(in, t.get("waf"), KEY + ".waf", "write waf: {rateLimit: 2000}");
        in.unknownFields(wafNode, Set.of("rateLimit", "managedRuleGroups"), KEY + ".waf");
        var groups = wafNode.has("managedRuleGroups")
                ? in.stringList(wafNode.get("managedRuleGroups"), KEY + ".waf.managedRuleGroups", "list AWS managed rule group names")
                : WafSettings.DEFAULT_GROUPS;
        var waf = new WafSettings(integer(in, wafNode, "rateLimit", KEY + ".waf", WafSettings.DEFAULT_RATE_LIMIT), groups);

        var settings = new FrontDoorSettings(hostedZone, hostnames, healthCheck,
                integer(in, t, "recordTtlSeconds", KEY, FrontDoorSettings.DEFAULT_RECORD_TTL_SECONDS),
                integer(in, t, "failoverTargetSeconds", KEY, FrontDoorSettings.DEFAULT_FAILOVER_TARGET_SECONDS),
                routes, waf, SectionInput.text(t.get("tlsPolicy")).orElse(TlsPolicies.DEFAULT),
                in.bool(t.get("ipv6"), true, KEY + ".ipv6"));
        settings.validate().forEach(f -> in.add(KEY + "." + f.field(), f.finding()));
        return Optional.of(settings);
    }

    /** A mapping field, or an empty one (with a problem recorded when present but not a mapping). */
    private static JsonNode mapping(SectionInput in, JsonNode node, String key, String fix) {
        if (node == null || node.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            in.add(key, "must be a mapping", fix);
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        return node;
    }

    private static int integer(SectionInput in, JsonNode parent, String field, String key, int dflt) {
        return in.integer(parent.get(field), key + "." + field, "write a whole number, e.g. " + dflt).orElse(dflt);
    }
}
