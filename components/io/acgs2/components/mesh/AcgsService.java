package io.acgs2.components.mesh;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.kubernetes.KubernetesObject;
import io.acgs2.components.kubernetes.KubernetesObjectArgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ACGS service in one region's cluster, inside the mesh:
 * <ul>
 *   <li>a Deployment under Pod Security restricted (non-root, no privilege escalation, all
 *       capabilities dropped, read-only root file system with a writable /tmp, RuntimeDefault
 *       seccomp), requests = limits, startup/readiness/liveness probes on {@code /health}, spread
 *       over the AZs, on the workloads nodes or, in its GPU regions, on the tainted GPU nodes with one
 *       GPU; the sidecar injected (Istio CNI sets up the redirection, so no privileged init
 *       container); {@code spec.replicas} ignored after creation (the autoscaler owns it);</li>
 *   <li>a Service (port named http, so the mesh treats it as HTTP), a PodDisruptionBudget
 *       (one pod down at a time) and a HorizontalPodAutoscaler on CPU;</li>
 *   <li>a DestinationRule: ISTIO_MUTUAL, connect timeout, outlier detection on gateway errors that
 *       may eject a whole region, and locality load balancing (failover, or the guides' 80/20
 *       distribution); a VirtualService with the request timeout and retries that prefer another
 *       locality;</li>
 *   <li>runtime residency: an AuthorizationPolicy that denies a request whose tenant (header or JWT
 *       claim) belongs to a zone that does not allow this region, so a failover never serves it
 *       here.</li>
 * </ul>
 * Objects take the cluster's Kubernetes provider from the component's options.
 */
public class AcgsService extends ComponentResource {

    public static final String TYPE = "acgs2:mesh:AcgsService";
    public static final String LABEL_NAME = "app.kubernetes.io/name";
    public static final String LABEL_TENANT = "acgs2.io/tenant";
    public static final String LABEL_NODE_ROLE = "acgs2.io/node-role";
    public static final String GPU_RESOURCE = "nvidia.com/gpu";

    /** The worst-case seconds from this region's endpoints failing to traffic leaving them. */
    public final double failoverBoundSeconds;
    /** The service's mesh host. */
    public final String host;

    public AcgsService(String name, AcgsServiceArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var spec = args.spec();
        var ns = args.namespace();
        this.host = spec.name() + "." + ns + ".svc.cluster.local";
        this.failoverBoundSeconds = spec.traffic().failoverBoundSeconds();
        var labels = new LinkedHashMap<String, Object>();
        labels.put(LABEL_NAME, spec.name());
        labels.put("app.kubernetes.io/part-of", "acgs2");
        labels.put("app.kubernetes.io/managed-by", "pulumi");
        spec.tenant().ifPresent(t -> labels.put(LABEL_TENANT, t));
        var inCluster = CustomResourceOptions.builder().parent(this).dependsOn(args.after()).build();

        var beforePods = new ArrayList<com.pulumi.resources.Resource>(args.after());
        args.wiring().ifPresent(w -> beforePods.addAll(w.ready()));
        var deploymentSpec = args.wiring().map(w -> w.revision().applyValue(r -> deployment(args, labels, r)))
                .orElse(Output.of(deployment(args, labels, null)));
        var deployment = new KubernetesObject(name + "-deployment", KubernetesObjectArgs.builder()
                .apiVersion("apps/v1").kind("Deployment").metadata(meta(spec.name(), ns, labels)).spec(deploymentSpec).build(),
                // the autoscaler owns the replica count after creation
                CustomResourceOptions.builder().parent(this).dependsOn(beforePods).ignoreChanges(List.of("spec.replicas")).build());
        object(name + "-service", "v1", "Service", meta(spec.name(), ns, labels), Map.of(
                "selector", Map.of(LABEL_NAME, spec.name()),
                "ports", List.of(Map.of("name", "http", "port", spec.port(), "targetPort", "http", "appProtocol", "http"))), inCluster);
        object(name + "-pdb", "policy/v1", "PodDisruptionBudget", meta(spec.name(), ns, labels), Map.of(
                "maxUnavailable", 1,
                "selector", Map.of("matchLabels", Map.of(LABEL_NAME, spec.name()))), inCluster);
        object(name + "-hpa", "autoscaling/v2", "HorizontalPodAutoscaler", meta(spec.name(), ns, labels), Map.of(
                "scaleTargetRef", Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", spec.name()),
                "minReplicas", spec.minReplicas(),
                "maxReplicas", spec.maxReplicas(),
                "metrics", List.of(Map.of("type", "Resource", "resource", Map.of("name", "cpu",
                        "target", Map.of("type", "Utilization", "averageUtilization", spec.cpuPercent()))))),
                CustomResourceOptions.builder().parent(this).dependsOn(deployment).build());
        object(name + "-destination-rule", "networking.istio.io/v1", "DestinationRule", meta(spec.name(), ns, labels),
                destinationRule(host, args.region(), spec.traffic()), inCluster);
        object(name + "-virtual-service", "networking.istio.io/v1", "VirtualService", meta(spec.name(), ns, labels),
                virtualService(host, spec.port(), spec.traffic()), inCluster);
        // validated tokens: the residency policy's claim rule reads only what this has checked
        args.jwt().ifPresent(jwt -> object(name + "-jwt", "security.istio.io/v1", "RequestAuthentication",
                meta(spec.name() + "-jwt", ns, labels), requestAuthentication(spec.name(), jwt), inCluster));
        if (!args.deniedTenants().isEmpty()) {
            object(name + "-residency", "security.istio.io/v1", "AuthorizationPolicy", meta(spec.name() + "-residency", ns, labels),
                    residency(spec.name(), spec.port(), args.tenantHeader(), args.tenantClaim(), args.deniedTenants()), inCluster);
        }
        this.registerOutputs(Map.of("host", Output.of(host), "failoverBoundSeconds", Output.of(failoverBoundSeconds)));
    }

    private KubernetesObject object(String name, String apiVersion, String kind, Map<String, Object> metadata, Map<String, Object> spec,
                                    CustomResourceOptions options) {
        return new KubernetesObject(name, KubernetesObjectArgs.builder()
                .apiVersion(apiVersion).kind(kind).metadata(metadata).spec(spec).build(), options);
    }

    private static Map<String, Object> meta(String name, String namespace, Map<String, Object> labels) {
        return Map.of("name", name, "namespace", namespace, "labels", labels);
    }

    /** The pod template annotation that carries the wiring's revision. */
    public static final String ANNOTATION_WIRING_REVISION = "acgs2.io/wiring-revision";

    static Map<String, Object> deployment(AcgsServiceArgs args, Map<String, Object> labels) {
        return deployment(args, labels, null);
    }

    static Map<String, Object> deployment(AcgsServiceArgs args, Map<String, Object> labels, String wiringRevision) {
        var spec = args.spec();
        var gpu = spec.gpuIn(args.region());
        var podLabels = new LinkedHashMap<String, Object>(labels);
        podLabels.put("app", spec.name());
        podLabels.put("sidecar.istio.io/inject", "true");
        var limits = new LinkedHashMap<String, Object>(Map.of("cpu", spec.cpu(), "memory", spec.memory()));
        var requests = new LinkedHashMap<String, Object>(Map.of("cpu", spec.cpu(), "memory", spec.memory()));
        if (gpu) {
            limits.put(GPU_RESOURCE, "1");
            requests.put(GPU_RESOURCE, "1");
        }
        var probe = Map.<String, Object>of("httpGet", Map.of("path", AcgsServiceArgs.HEALTH_PATH, "port", "http"), "periodSeconds", 10,
                "timeoutSeconds", 2, "failureThreshold", 3);
        var container = new LinkedHashMap<String, Object>();
        container.put("name", spec.name());
        container.put("image", spec.image());
        container.put("ports", List.of(Map.of("name", "http", "containerPort", spec.port(), "protocol", "TCP")));
        container.put("env", List.of(Map.of("name", "REGION_NAME", "value", args.region())));
        container.put("resources", Map.of("requests", requests, "limits", limits));
        container.put("securityContext", Map.of("allowPrivilegeEscalation", false, "readOnlyRootFilesystem", true, "runAsNonRoot", true,
                "capabilities", Map.of("drop", List.of("ALL")), "seccompProfile", Map.of("type", "RuntimeDefault")));
        container.put("startupProbe", Map.of("httpGet", Map.of("path", AcgsServiceArgs.HEALTH_PATH, "port", "http"),
                "periodSeconds", 5, "failureThreshold", 60));
        container.put("readinessProbe", probe);
        container.put("livenessProbe", probe);
        var mounts = new ArrayList<Object>(List.of(Map.of("name", "tmp", "mountPath", "/tmp")));
        var volumes = new ArrayList<Object>(List.of(Map.of("name", "tmp", "emptyDir", Map.of("sizeLimit", "256Mi"))));
        var podAnnotations = new java.util.TreeMap<String, Object>();
        var wiring = args.wiring();
        wiring.ifPresent(w -> {
            container.put("envFrom", List.of(Map.of("configMapRef", Map.of("name", w.configMap()))));
            int i = 0;
            for (var secret : w.secrets().entrySet()) {
                var volume = "wiring-" + i++;
                // 0440 with the pod's fsGroup: readable by the service only
                volumes.add(Map.of("name", volume, "secret", Map.of("secretName", secret.getValue(), "defaultMode", 0440)));
                mounts.add(Map.of("name", volume, "mountPath", secret.getKey(), "readOnly", true));
            }
            podAnnotations.putAll(w.annotations());
            if (wiringRevision != null) {
                podAnnotations.put(ANNOTATION_WIRING_REVISION, wiringRevision);
            }
        });
        container.put("volumeMounts", mounts);
        var pod = new LinkedHashMap<String, Object>();
        pod.put("securityContext", Map.of("runAsNonRoot", true, "runAsUser", 10001, "runAsGroup", 10001, "fsGroup", 10001,
                "seccompProfile", Map.of("type", "RuntimeDefault")));
        wiring.ifPresent(w -> pod.put("serviceAccountName", w.serviceAccount()));
        // no Kubernetes API token: Pod Identity mounts its own audience-bound token
        pod.put("automountServiceAccountToken", false);
        pod.put("containers", List.of(container));
        pod.put("volumes", volumes);
        pod.put("nodeSelector", Map.of(LABEL_NODE_ROLE, gpu ? "gpu" : "workloads"));
        if (gpu) {
            pod.put("tolerations", List.of(Map.of("key", GPU_RESOURCE, "operator", "Exists", "effect", "NoSchedule")));
        }
        pod.put("topologySpreadConstraints", List.of(Map.of("maxSkew", 1, "topologyKey", "topology.kubernetes.io/zone",
                "whenUnsatisfiable", "ScheduleAnyway", "labelSelector", Map.of("matchLabels", Map.of(LABEL_NAME, spec.name())))));
        return Map.of(
                "replicas", spec.replicas(),
                "selector", Map.of("matchLabels", Map.of(LABEL_NAME, spec.name())),
                "strategy", Map.of("type", "RollingUpdate", "rollingUpdate", Map.of("maxUnavailable", 0, "maxSurge", 1)),
                "template", podAnnotations.isEmpty() ? Map.of("metadata", Map.of("labels", podLabels), "spec", pod)
                        : Map.of("metadata", Map.of("labels", podLabels, "annotations", podAnnotations), "spec", pod));
    }

    static Map<String, Object> destinationRule(String host, String region, TrafficPolicy t) {
        var locality = new LinkedHashMap<String, Object>();
        locality.put("enabled", true);
        var weights = t.weightsFor(region);
        if (!weights.isEmpty()) {
            // the guides' split: the local share stays in this region, the rest to the named regions
            var to = new LinkedHashMap<String, Object>();
            weights.forEach((r, w) -> to.put(r + "/*", w));
            locality.put("distribute", List.of(Map.of("from", region + "/*", "to", to)));
        } else if (t.failoverTo().containsKey(region)) {
            locality.put("failover", List.of(Map.of("from", region, "to", t.failoverTo().get(region))));
        }
        var outlier = new LinkedHashMap<String, Object>();
        outlier.put("consecutiveGatewayErrors", t.consecutiveGatewayErrors());
        outlier.put("interval", t.intervalSeconds() + "s");
        outlier.put("baseEjectionTime", t.baseEjectionSeconds() + "s");
        // a whole region must be able to leave, and outlier detection must not switch itself off
        outlier.put("maxEjectionPercent", 100);
        outlier.put("minHealthPercent", 0);
        return Map.of("host", host, "trafficPolicy", Map.of(
                "tls", Map.of("mode", "ISTIO_MUTUAL"),
                "connectionPool", Map.of("tcp", Map.of("connectTimeout", t.connectTimeoutMillis() + "ms")),
                "outlierDetection", outlier,
                "loadBalancer", Map.of("simple", "LEAST_REQUEST", "localityLbSetting", locality)));
    }

    static Map<String, Object> virtualService(String host, int port, TrafficPolicy t) {
        return Map.of("hosts", List.of(host), "http", List.of(Map.of(
                "route", List.of(Map.of("destination", Map.of("host", host, "port", Map.of("number", port)))),
                "timeout", t.timeoutMillis() + "ms",
                "retries", Map.of("attempts", t.retryAttempts(), "perTryTimeout", t.perTryTimeoutMillis() + "ms",
                        "retryOn", "connect-failure,refused-stream,unavailable,cancelled,reset,gateway-error",
                        // a retry goes to another locality: the request that met the failure is answered elsewhere
                        "retryRemoteLocalities", true))));
    }

    static Map<String, Object> requestAuthentication(String service, JwtIssuer jwt) {
        var rule = new LinkedHashMap<String, Object>();
        rule.put("issuer", jwt.issuer());
        rule.put("jwksUri", jwt.jwksUri());
        if (!jwt.audiences().isEmpty()) {
            rule.put("audiences", jwt.audiences());
        }
        rule.put("forwardOriginalToken", true);
        return Map.of("selector", Map.of("matchLabels", Map.of(LABEL_NAME, service)), "jwtRules", List.of(rule));
    }

    /**
     * DENY rules are scoped to the service's HTTP port: on a TCP port Istio treats HTTP-only
     * attributes as matching and would deny everything. The claim is read only from a JWT that a
     * RequestAuthentication validated; the header is what the API gateway sets from it.
     */
    static Map<String, Object> residency(String service, int port, String header, String claim, List<String> denied) {
        var values = new ArrayList<>(denied);
        var to = List.of(Map.of("operation", Map.of("ports", List.of(String.valueOf(port)))));
        return Map.of(
                "selector", Map.of("matchLabels", Map.of(LABEL_NAME, service)),
                "action", "DENY",
                "rules", List.of(
                        Map.of("to", to, "when", List.of(Map.of("key", "request.headers[" + header + "]", "values", values))),
                        Map.of("to", to, "when", List.of(Map.of("key", "request.auth.claims[" + claim + "]", "values", values)))));
    }
}
