package io.acgs2.stacks.plan;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.acgs2.components.data.DataDomain;
import io.acgs2.stacks.config.ProjectSettings;
import io.acgs2.stacks.config.ZoneSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy pack's configuration, generated from Pulumi.yaml: the one copy of the zones. Written in
 * the format {@code pulumi preview/up --policy-pack policies --policy-pack-config FILE} reads (policy
 * name to its config properties), for every policy the pack lists in
 * {@code policies/residency-policies.json}.
 */
public final class PackConfig {

    /** The pack's list of the policies that take the residency config (written by the pack, read here). */
    public static final String RESIDENCY_POLICIES = "residency-policies.json";
    /** The pack's failover bound policy, whose target comes from services.failoverTargetSeconds. */
    public static final String FAILOVER_POLICY = "failover-bound-within-target";
    /** The pack's DNS residency policy, which also needs the front door's hostnames (traffic.hostnames). */
    public static final String DNS_POLICY = "dns-record-stays-in-zone";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PackConfig() {
    }

    /** The residency config every residency policy gets: zone to regions, and the restricted zones. */
    public static Map<String, Object> residency(ProjectSettings settings) {
        var zones = new LinkedHashMap<String, List<String>>();
        var everywhere = new java.util.TreeSet<String>();
        for (ZoneSpec z : settings.zones().values()) {
            zones.put(z.name(), z.regions());
            everywhere.addAll(z.regions());
        }
        // non-personal platform data (data domains of zone "global"): no residency law bounds it
        zones.put(DataDomain.GLOBAL, List.copyOf(everywhere));
        var config = new LinkedHashMap<String, Object>();
        config.put("zones", zones);
        config.put("restrictedZones", settings.restrictedZones());
        return config;
    }

    public static Map<String, Object> of(ProjectSettings settings, Path policiesDir) throws IOException {
        var file = policiesDir.resolve(RESIDENCY_POLICIES);
        if (!Files.isRegularFile(file)) {
            throw new IOException("cannot generate the policy pack config: " + file + " not found; run from the project "
                    + "directory (it holds policies/)");
        }
        List<String> policies = new ObjectMapper().readValue(file.toFile(), new TypeReference<>() { });
        var out = new LinkedHashMap<String, Object>();
        var residency = residency(settings);
        policies.forEach(p -> out.put(p, residency));
        // the failover target has one copy too: the services section of Pulumi.yaml
        io.acgs2.stacks.config.ServicesSection.Config services = settings.section(io.acgs2.stacks.config.ServicesSection.SECTION);
        if (services != null) {
            out.put(FAILOVER_POLICY, Map.of("targetSeconds", services.failoverTargetSeconds()));
        }
        // and the hostnames each zone is served at: the one copy is traffic.hostnames
        java.util.Optional<io.acgs2.components.traffic.FrontDoorSettings> traffic =
                settings.section(io.acgs2.stacks.config.TrafficSection.SECTION);
        var dns = new LinkedHashMap<String, Object>(residency);
        dns.put("hostnames", traffic == null ? Map.of() : traffic.map(t -> (Object) t.hostnames()).orElse(Map.of()));
        out.put(DNS_POLICY, dns);
        return out;
    }

    public static String write(ProjectSettings settings, Path policiesDir) throws IOException {
        return JSON.writeValueAsString(of(settings, policiesDir));
    }
}
