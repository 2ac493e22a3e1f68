package io.acgs2.components.traffic;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.acgs2.components.kubernetes.KubernetesObject;
import io.acgs2.components.kubernetes.KubernetesObjectArgs;
import io.acgs2.components.kubernetes.KubernetesPlugin;
import io.acgs2.components.mesh.AcgsService;
import io.acgs2.components.mesh.ServiceSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the front door answers, as one VirtualService bound to the region's public gateway only, for
 * the zone's hostname and the region's own, in this order:
 * <ol>
 *   <li><b>residency at the edge</b>: a request naming (by the tenant header, or the validated JWT
 *       claim) a tenant whose zone does not include this region gets 421 Misdirected Request, with
 *       a body that names the tenant's zone and its hostname; it never reaches a service here (the
 *       services' own AuthorizationPolicy is the second line);</li>
 *   <li><b>health</b>: the health path goes to this region's own pods of the health service,
 *       through a Service ({@code <service>-<region>}) no other cluster has, so the mesh cannot
 *       answer it from another region: a region whose service is down fails its check;</li>
 *   <li>each prefix route, longest first, to its service (the prefix stripped), with the service's
 *       timeout and retries, which may fail over to another region of the mesh;</li>
 *   <li>404 for anything else.</li>
 * </ol>
 */
public class IngressRoutes extends ComponentResource {

    public static final String TYPE = "acgs2:traffic:IngressRoutes";
    public static final String VIRTUAL_SERVICE = "public";
    /** Misdirected Request: this hostname's regions do not serve the tenant. */
    public static final int MISDIRECTED = 421;

    public IngressRoutes(String name, IngressRoutesArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var health = args.healthService();
        var inCluster = KubernetesPlugin.inCluster(this, args.cluster().kubernetesProvider(), args.after());
        var service = new KubernetesObject(name + "-health-service", KubernetesObjectArgs.builder()
                .apiVersion("v1").kind("Service")
                .metadata(Map.of("name", args.healthServiceName(), "namespace", args.servicesNamespace(),
                        "labels", Map.of("app.kubernetes.io/part-of", "acgs2", "app.kubernetes.io/managed-by", "pulumi")))
                .spec(Map.of("selector", Map.of(AcgsService.LABEL_NAME, health.name()),
                        "ports", List.of(Map.of("name", "http", "port", health.port(), "targetPort", "http", "appProtocol", "http"))))
                .build(), inCluster);
        new KubernetesObject(name + "-virtual-service", KubernetesObjectArgs.builder()
                .apiVersion("networking.istio.io/v1").kind("VirtualService")
                .metadata(Map.of("name", VIRTUAL_SERVICE, "namespace", args.namespace()))
                .spec(virtualService(args))
                .build(), KubernetesPlugin.inCluster(this, args.cluster().kubernetesProvider(), List.of(service)));
        this.registerOutputs(Map.of("healthService", Output.of(args.healthServiceName())));
    }

    static Map<String, Object> virtualService(IngressRoutesArgs args) {
        var http = new ArrayList<Map<String, Object>>();
        args.refusedTenants().forEach((tenant, refused) -> {
            var body = Map.of("string", refusal(tenant, refused, args.region()));
            var response = Map.of("status", MISDIRECTED, "body", body);
            http.add(Map.of("name", "residency-" + tenant + "-header",
                    "match", List.of(Map.of("headers", Map.of(args.tenantHeader(), Map.of("exact", tenant)))),
                    "directResponse", response));
            args.tenantClaim().ifPresent(claim -> http.add(Map.of("name", "residency-" + tenant + "-claim",
                    "match", List.of(Map.of("headers", Map.of("@request.auth.claims." + claim, Map.of("exact", tenant)))),
                    "directResponse", response)));
        });
        var health = args.healthService();
        http.add(Map.of("name", "health",
                "match", List.of(Map.of("uri", Map.of("exact", args.healthPath()))),
                "rewrite", Map.of("uri", io.acgs2.components.mesh.AcgsServiceArgs.HEALTH_PATH),
                "route", List.of(Map.of("destination", Map.of(
                        "host", args.healthServiceName() + "." + args.servicesNamespace() + ".svc.cluster.local",
                        "port", Map.of("number", health.port())))),
                // no retry elsewhere: the answer must be this region's
                "timeout", "5s",
                "retries", Map.of("attempts", 0)));
        for (var route : args.routes()) {
            http.add(route(route, args.servicesNamespace()));
        }
        http.add(Map.of("name", "not-found", "directResponse", Map.of("status", 404)));
        var spec = new LinkedHashMap<String, Object>();
        spec.put("hosts", args.hostnames());
        spec.put("gateways", List.of(args.gatewayRef()));
        spec.put("http", http);
        return spec;
    }

    static Map<String, Object> route(IngressRoutesArgs.Route route, String servicesNamespace) {
        ServiceSpec s = route.service();
        var t = s.traffic();
        var r = new LinkedHashMap<String, Object>();
        r.put("name", s.name() + route.prefix().replace('/', '-').replaceAll("-+$", ""));
        r.put("match", List.of(Map.of("uri", Map.of("prefix", route.prefix()))));
        if (!route.prefix().equals("/")) {
            r.put("rewrite", Map.of("uri", "/"));
        }
        r.put("route", List.of(Map.of("destination", Map.of("host", s.name() + "." + servicesNamespace + ".svc.cluster.local",
                "port", Map.of("number", s.port())))));
        r.put("timeout", t.timeoutMillis() + "ms");
        r.put("retries", Map.of("attempts", t.retryAttempts(), "perTryTimeout", t.perTryTimeoutMillis() + "ms",
                "retryOn", "connect-failure,refused-stream,unavailable,cancelled,reset,gateway-error",
                "retryRemoteLocalities", true));
        return r;
    }

    /** The body of a refusal: where the tenant is served. */
    static String refusal(String tenant, IngressRoutesArgs.Refused refused, String region) {
        return "tenant " + tenant + " belongs to zone " + refused.zone() + ", which " + region + " does not serve: "
                + refused.hostname().map(h -> "use https://" + h + "/").orElse("no front door serves that zone") + "\n";
    }
}
