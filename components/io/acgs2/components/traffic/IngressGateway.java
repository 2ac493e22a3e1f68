package io.acgs2.components.traffic;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.acgs2.components.kubernetes.KubernetesObject;
import io.acgs2.components.kubernetes.KubernetesObjectArgs;
import io.acgs2.components.kubernetes.KubernetesPlugin;
import io.acgs2.components.mesh.IstioVersions;
import io.acgs2.components.tls.PrivateKey;
import io.acgs2.components.tls.PrivateKeyArgs;
import io.acgs2.components.tls.SelfSignedCert;
import io.acgs2.components.tls.SelfSignedCertArgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The front door inside a region's cluster: an Istio ingress gateway (the mesh's pinned
 * {@code gateway} chart) in the front door's namespace, that the region's internet-facing ALB
 * reaches on its pod IPs ({@link PublicLoadBalancer}).
 * <ul>
 *   <li>{@code service.type: ClusterIP}: the ALB targets the pods; no NLB of its own;</li>
 *   <li>2 to 6 replicas, a PDB keeping one in a drain, spread over zones;</li>
 *   <li>one trusted proxy ({@code gatewayTopology.numTrustedProxies: 1}): the client IP is the
 *       address the ALB appends to X-Forwarded-For, which a client cannot forge (access logs,
 *       authorization and the services see it);</li>
 *   <li>a Gateway {@code public} on 443 with TLS (the ALB to gateway hop is encrypted too), a
 *       self-signed certificate for the hostnames (the ALB does not verify targets' certificates, and
 *       sends no SNI: the server takes every host, and the routes choose by Host); the ALB checks
 *       the gateway's readiness on 15021;</li>
 *   <li>NetworkPolicies: the gateway takes connections on 443 and 15021 from the VPC's public tier
 *       only (the ALB), and reaches the services, which admit it;</li>
 *   <li>with a JWT issuer, a RequestAuthentication on the gateway, so its routes can match the
 *       validated tenant claim.</li>
 * </ul>
 */
public class IngressGateway extends ComponentResource {

    public static final String TYPE = "acgs2:traffic:IngressGateway";
    /** The chart's name: Deployment and Service istio-ingressgateway, pods labelled istio=ingressgateway. */
    public static final String RELEASE = "istio-ingressgateway";
    public static final Map<String, String> SELECTOR = Map.of("istio", "ingressgateway");
    public static final String GATEWAY = "public";
    public static final String TLS_SECRET = "public-gateway-tls";
    public static final int HTTPS_PORT = 443;
    public static final int STATUS_PORT = 15021;
    public static final String STATUS_PATH = "/healthz/ready";

    /** The gateway's Service (the ALB's backend) and the Gateway routes bind to, as namespace/name. */
    public final String serviceName;
    public final String gatewayRef;
    /** What the load balancer and the routes wait for. */
    public final List<Resource> ready;

    public IngressGateway(String name, IngressGatewayArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var cluster = args.cluster();
        var ns = args.namespace();

        // ---- the ALB-to-gateway hop's certificate: self-signed, renewed a month before it expires ----
        var key = new PrivateKey(name + "-tls-key", PrivateKeyArgs.builder().algorithm("ECDSA").ecdsaCurve("P256").build(),
                CustomResourceOptions.builder().parent(this).build());
        var cert = new SelfSignedCert(name + "-tls-cert", SelfSignedCertArgs.builder()
                .privateKeyPem(key.privateKeyPem())
                .dnsNames(args.hostnames())
                .allowedUses("digital_signature", "key_encipherment", "server_auth")
                .validityPeriodHours(IngressGatewayArgs.TLS_VALIDITY_HOURS)
                .earlyRenewalHours(IngressGatewayArgs.TLS_EARLY_RENEWAL_HOURS)
                .build(), CustomResourceOptions.builder().parent(this).build());
        var secret = new Secret(name + "-tls", SecretArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(TLS_SECRET).namespace(ns).build())
                .type("kubernetes.io/tls")
                .stringData(Output.tuple(cert.certPem(), key.privateKeyPem())
                        .applyValue(t -> Map.of("tls.crt", t.t1, "tls.key", t.t2)).asSecret())
                .build(), inCluster(cluster, args.after()));

        var release = new Release(name + "-release", ReleaseArgs.builder()
                .name(RELEASE).chart("gateway").version(args.version())
                .repositoryOpts(RepositoryOptsArgs.builder().repo(IstioVersions.CHART_REPO).build())
                .namespace(ns)
                .values(values(args))
                .build(), inCluster(cluster, args.after()));

        var gateway = object(name + "-gateway", "networking.istio.io/v1", "Gateway", GATEWAY, ns, gateway(),
                List.of(release, secret), cluster);
        var netpols = new ArrayList<Resource>();
        netpols.add(object(name + "-from-alb", "networking.k8s.io/v1", "NetworkPolicy", "allow-alb", ns,
                fromLoadBalancer(args.publicRanges()), args.after(), cluster));
        netpols.add(object(name + "-to-services", "networking.k8s.io/v1", "NetworkPolicy", "allow-to-services", ns,
                toServices(args.servicesNamespace()), args.after(), cluster));
        netpols.add(object(name + "-services-from-gateway", "networking.k8s.io/v1", "NetworkPolicy", "allow-ingress-gateway",
                args.servicesNamespace(), servicesFromGateway(ns), args.after(), cluster));
        args.jwt().ifPresent(jwt -> netpols.add(object(name + "-jwt", "security.istio.io/v1", "RequestAuthentication",
                "public-jwt", ns, requestAuthentication(jwt), List.of(release), cluster)));

        this.serviceName = RELEASE;
        this.gatewayRef = ns + "/" + GATEWAY;
        var ready = new ArrayList<Resource>(netpols);
        ready.add(release);
        ready.add(gateway);
        this.ready = List.copyOf(ready);
        this.registerOutputs(Map.of("serviceName", Output.of(serviceName), "gateway", Output.of(gatewayRef)));
    }

    private KubernetesObject object(String name, String apiVersion, String kind, String objectName, String namespace,
                                    Map<String, Object> spec, List<? extends Resource> after,
                                    io.acgs2.components.compute.ClusterCore cluster) {
        return new KubernetesObject(name, KubernetesObjectArgs.builder().apiVersion(apiVersion).kind(kind)
                .metadata(Map.of("name", objectName, "namespace", namespace)).spec(spec).build(), inCluster(cluster, after));
    }

    private CustomResourceOptions inCluster(io.acgs2.components.compute.ClusterCore cluster, List<? extends Resource> after) {
        return KubernetesPlugin.inCluster(this, cluster.kubernetesProvider(), after);
    }

    static Map<String, Object> values(IngressGatewayArgs args) {
        var values = new LinkedHashMap<String, Object>();
        values.put("name", RELEASE);
        // the ALB targets the pods (IP targets): a ClusterIP Service, no load balancer of its own
        values.put("service", Map.of("type", "ClusterIP"));
        values.put("replicaCount", args.minReplicas());
        values.put("autoscaling", Map.of("enabled", true, "minReplicas", args.minReplicas(), "maxReplicas", args.maxReplicas(),
                "targetCPUUtilizationPercentage", 70));
        values.put("podDisruptionBudget", Map.of("minAvailable", 1));
        values.put("topologySpreadConstraints", List.of(Map.of("maxSkew", 1, "topologyKey", "topology.kubernetes.io/zone",
                "whenUnsatisfiable", "ScheduleAnyway", "labelSelector", Map.of("matchLabels", SELECTOR))));
        // the ALB is the one proxy in front: the client is the address it appends to X-Forwarded-For
        values.put("podAnnotations", Map.of("proxy.istio.io/config", "{\"gatewayTopology\":{\"numTrustedProxies\":1}}"));
        values.put("resources", Map.of("requests", Map.of("cpu", "200m", "memory", "256Mi"),
                "limits", Map.of("cpu", "2", "memory", "1Gi")));
        return values;
    }

    /** HTTPS on 443 for every host (the ALB sends no SNI), with the gateway's own certificate. */
    static Map<String, Object> gateway() {
        return Map.of("selector", SELECTOR, "servers", List.of(Map.of(
                "port", Map.of("number", HTTPS_PORT, "name", "https", "protocol", "HTTPS"),
                "tls", Map.of("mode", "SIMPLE", "credentialName", TLS_SECRET, "minProtocolVersion", "TLSV1_2"),
                "hosts", List.of("*"))));
    }

    /** The gateway pods take 443 and 15021 from the public tier (the ALB's addresses) only. */
    static Map<String, Object> fromLoadBalancer(List<io.acgs2.components.network.Ipv4Cidr> publicRanges) {
        var from = publicRanges.stream().map(c -> (Object) Map.of("ipBlock", Map.of("cidr", c.toString()))).toList();
        return Map.of(
                "podSelector", Map.of("matchLabels", SELECTOR),
                "policyTypes", List.of("Ingress"),
                "ingress", List.of(Map.of("from", from, "ports", List.of(
                        Map.of("protocol", "TCP", "port", HTTPS_PORT), Map.of("protocol", "TCP", "port", STATUS_PORT)))));
    }

    /** The gateway reaches the services' pods (their sidecars), nothing else of the services namespace's. */
    static Map<String, Object> toServices(String servicesNamespace) {
        return Map.of(
                "podSelector", Map.of("matchLabels", SELECTOR),
                "policyTypes", List.of("Egress"),
                "egress", List.of(Map.of("to", List.of(Map.of("namespaceSelector",
                        Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", servicesNamespace)))))));
    }

    /** The services admit the ingress gateway (their AuthorizationPolicies still decide per request). */
    static Map<String, Object> servicesFromGateway(String ingressNamespace) {
        return Map.of(
                "podSelector", Map.of(),
                "policyTypes", List.of("Ingress"),
                "ingress", List.of(Map.of("from", List.of(Map.of(
                        "namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", ingressNamespace)),
                        "podSelector", Map.of("matchLabels", SELECTOR))))));
    }

    static Map<String, Object> requestAuthentication(io.acgs2.components.mesh.JwtIssuer jwt) {
        var rule = new LinkedHashMap<String, Object>();
        rule.put("issuer", jwt.issuer());
        rule.put("jwksUri", jwt.jwksUri());
        if (!jwt.audiences().isEmpty()) {
            rule.put("audiences", jwt.audiences());
        }
        rule.put("forwardOriginalToken", true);
        return Map.of("selector", Map.of("matchLabels", SELECTOR), "jwtRules", List.of(rule));
    }
}
