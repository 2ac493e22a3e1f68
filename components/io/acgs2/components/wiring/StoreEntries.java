package io.acgs2.components.wiring;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.acgs2.components.common.Json;
import io.acgs2.components.kubernetes.KubernetesObject;
import io.acgs2.components.kubernetes.KubernetesObjectArgs;
import io.acgs2.components.kubernetes.KubernetesPlugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mesh registry entries for a region's data stores, in the services namespace only
 * ({@code exportTo: ["."]}): with the mesh's outbound policy REGISTRY_ONLY, a sidecar reaches
 * nothing outside the cluster that is not here.
 * <ul>
 *   <li>PostgreSQL and Redis: TCP entries whose addresses are the region's isolated range, the only
 *       place its databases and caches live (PostgreSQL asks for TLS inside its own protocol, so
 *       there is no SNI to match a host by; an address range is what the sidecar can match), one
 *       entry per port so no two take the same listener;</li>
 *   <li>S3: a TLS entry for exactly the region's wired buckets' virtual-hosted names (SNI).</li>
 * </ul>
 */
public class StoreEntries extends ComponentResource {

    public static final String TYPE = "acgs2:wiring:StoreEntries";

    /** The entries (the services' pods wait for them). */
    public final List<Resource> entries;

    /**
     * @param namespace     the services namespace
     * @param region        the region (S3's regional endpoint names it)
     * @param isolatedRange the isolated subnets' range
     * @param databases     whether a service here uses a database
     * @param caches        whether a service here uses a cache
     * @param buckets       the names of the buckets services here use
     * @param domainZones   the domains the stores belong to, with their zones (annotation {@value ServiceWiring#ANNOTATION_DOMAINS})
     */
    public StoreEntries(String name, String namespace, String region, String isolatedRange, boolean databases, boolean caches,
                        List<Output<String>> buckets, Map<String, String> domainZones, com.pulumi.kubernetes.Provider cluster,
                        ComponentResourceOptions options) {
        super(TYPE, name, options);
        var annotations = Map.of(ServiceWiring.ANNOTATION_DOMAINS, Json.write(new java.util.TreeMap<>(domainZones)),
                ServiceWiring.ANNOTATION_REGION, region);
        var entries = new ArrayList<Resource>();
        if (databases) {
            entries.add(entry(name + "-postgres", "aurora-postgres", namespace, annotations,
                    Output.of(tcp("*." + region + ".rds.amazonaws.com", isolatedRange, ServiceWiring.POSTGRES_PORT, "tcp-postgres")), cluster));
        }
        if (caches) {
            entries.add(entry(name + "-redis", "elasticache-redis", namespace, annotations,
                    Output.of(tcp("*.cache.amazonaws.com", isolatedRange, ServiceWiring.REDIS_PORT, "tcp-redis")), cluster));
        }
        if (!buckets.isEmpty()) {
            entries.add(entry(name + "-s3", "s3-buckets", namespace, annotations,
                    Output.all(buckets).applyValue(names -> s3(region, names)), cluster));
        }
        this.entries = List.copyOf(entries);
        this.registerOutputs(Map.of());
    }

    private KubernetesObject entry(String name, String object, String namespace, Map<String, String> annotations,
                                   Output<Map<String, Object>> spec, com.pulumi.kubernetes.Provider cluster) {
        var meta = new LinkedHashMap<String, Object>();
        meta.put("name", object);
        meta.put("namespace", namespace);
        meta.put("labels", Map.of("app.kubernetes.io/part-of", "acgs2"));
        meta.put("annotations", annotations);
        return new KubernetesObject(name, KubernetesObjectArgs.builder()
                .apiVersion("networking.istio.io/v1").kind("ServiceEntry").metadata(meta).spec(spec).build(),
                KubernetesPlugin.inCluster(this, cluster, List.of()));
    }

    /** A TCP entry for an address range (resolution NONE: to the address the client resolved). */
    static Map<String, Object> tcp(String host, String range, int port, String portName) {
        return Map.of("hosts", List.of(host), "addresses", List.of(range),
                "ports", List.of(Map.of("number", port, "name", portName, "protocol", "TCP")),
                "location", "MESH_EXTERNAL", "resolution", "NONE", "exportTo", List.of("."));
    }

    /** The buckets' regional virtual-hosted names, matched by SNI. */
    static Map<String, Object> s3(String region, List<String> buckets) {
        return Map.of("hosts", buckets.stream().sorted().map(b -> b + ".s3." + region + ".amazonaws.com").toList(),
                "ports", List.of(Map.of("number", 443, "name", "tls", "protocol", "TLS")),
                "location", "MESH_EXTERNAL", "resolution", "NONE", "exportTo", List.of("."));
    }
}
