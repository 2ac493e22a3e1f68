package io.acgs2.components.mesh;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
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
import io.acgs2.components.common.Tags;
import io.acgs2.components.kubernetes.KubernetesObject;
import io.acgs2.components.kubernetes.KubernetesObjectArgs;
import io.acgs2.components.kubernetes.KubernetesPlugin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One region's primary of an Istio multi-primary, multi-network mesh, from the official Helm charts
 * at {@link IstioVersions#VERSION}:
 * <ul>
 *   <li>{@code base}, then the Istio CNI node agent in kube-system (the services namespace enforces
 *       Pod Security restricted, which forbids the sidecar's privileged init container), then
 *       {@code istiod} with the mesh id, this cluster's name and network, after the {@code cacerts}
 *       secret (istiod picks its CA only at start);</li>
 *   <li>istio-system carries {@code topology.istio.io/network} from its creation by the cluster
 *       baseline ({@code ClusterBaselineArgs.meshNetwork}), which istiod waits for;</li>
 *   <li>the east-west gateway ({@code gateway} chart, {@code networkGateway}: ports 15021, 15443,
 *       15012, 15017) on an <b>internal</b> NLB with its own security group, which admits nothing
 *       until a peering link adds a peer VPC's CIDRs (the later region adds them on both sides);</li>
 *   <li>the cross-network Gateway ({@code AUTO_PASSTHROUGH} on 15443 for {@code *.local}) and
 *       mesh-wide STRICT mTLS;</li>
 *   <li>NetworkPolicies that let the gateway take the NLB's traffic and reach the services;</li>
 *   <li>a long-lived token of {@code istio-reader-service-account} (created by {@code base}) for the
 *       remote secrets other regions' istiods use to read this cluster: istiod refuses exec
 *       credentials there. Exported as a secret.</li>
 * </ul>
 */
public class IstioMultiPrimary extends ComponentResource {

    public static final String TYPE = "acgs2:mesh:IstioMultiPrimary";
    public static final String NAMESPACE = "istio-system";
    public static final String CNI_NAMESPACE = "kube-system";
    public static final String EASTWEST = "istio-eastwestgateway";
    public static final Map<String, String> EASTWEST_SELECTOR = Map.of("istio", "eastwestgateway");
    /** The east-west gateway's ports: status, cross-network mTLS, istiod (xDS/CA) and webhooks through the gateway. */
    /** The ports the gateway chart renders on a networkGateway Service, whatever the values say. */
    public static final List<Integer> EASTWEST_PORTS = List.of(15021, 15443, 15012, 15017);
    /**
     * What multi-primary needs of them, and all the NLB and the NetworkPolicy admit: 15443 (mTLS
     * passthrough between networks) and 15021 (the gateway's status port, the NLB's health check).
     * 15012 (istiod over the gateway) and 15017 (its webhook) serve primary-remote only.
     */
    public static final List<Integer> EASTWEST_ADMITTED_PORTS = List.of(15021, 15443);
    public static final String READER_SERVICE_ACCOUNT = "istio-reader-service-account";
    public static final String READER_TOKEN_SECRET = READER_SERVICE_ACCOUNT + "-istio-remote-secret-token";
    public static final String NETWORK_LABEL = io.acgs2.components.platform.ClusterBaseline.MESH_NETWORK_LABEL;

    /** The reader service account's token (secret): other regions put it in their remote secret for this cluster. */
    public final Output<String> readerToken;
    /** The east-west NLB's security group: a peering link adds the peer's CIDRs to it. */
    public final Output<String> eastWestSecurityGroupId;
    /** The mesh is up: istiod and the east-west gateway (services wait for these). */
    public final List<Resource> ready;

    public IstioMultiPrimary(String name, IstioMultiPrimaryArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var cluster = args.cluster();
        var repo = RepositoryOptsArgs.builder().repo(IstioVersions.CHART_REPO).build();

        // ---- the east-west load balancer's security group: open to peers only, link by link ----
        var sg = new SecurityGroup(name + "-eastwest", SecurityGroupArgs.builder()
                .description("Istio east-west gateway NLB of " + args.clusterName() + ": peer VPCs only (added per peering link)")
                .vpcId(cluster.vpcId())
                .tags(Tags.name(name + "-eastwest"))
                .build(), CustomResourceOptions.builder().parent(this).build());
        for (var port : EASTWEST_ADMITTED_PORTS) {
            new SecurityGroupEgressRule(name + "-eastwest-to-pods-" + port, SecurityGroupEgressRuleArgs.builder()
                    .securityGroupId(sg.id())
                    .referencedSecurityGroupId(args.clusterSecurityGroupId())
                    .ipProtocol("tcp").fromPort(port).toPort(port)
                    .description("to the gateway pods (IP targets) on " + port)
                    .tags(Tags.name(name + "-eastwest-to-pods-" + port))
                    .build(), CustomResourceOptions.builder().parent(sg).build());
        }

        var base = new Release(name + "-base", ReleaseArgs.builder()
                .name("istio-base").chart("base").version(args.version()).repositoryOpts(repo).namespace(NAMESPACE)
                .values(Map.of("defaultRevision", "default"))
                .build(), inCluster(cluster, args.after()));
        var cni = new Release(name + "-cni", ReleaseArgs.builder()
                .name("istio-cni").chart("cni").version(args.version()).repositoryOpts(repo).namespace(CNI_NAMESPACE)
                .values(Map.of())
                .build(), inCluster(cluster, List.of(base)));
        var after = new ArrayList<Resource>(args.after());
        after.add(base);
        after.add(cni);
        var istiod = new Release(name + "-istiod", ReleaseArgs.builder()
                .name("istiod").chart("istiod").version(args.version()).repositoryOpts(repo).namespace(NAMESPACE)
                .values(istiodValues(args))
                .build(), inCluster(cluster, after));
        var gateway = new Release(name + "-eastwest-gateway", ReleaseArgs.builder()
                .name(EASTWEST).chart("gateway").version(args.version()).repositoryOpts(repo).namespace(NAMESPACE)
                .values(sg.id().applyValue(id -> eastWestValues(args.network(), id)))
                .build(), inCluster(cluster, List.of(istiod)));

        new KubernetesObject(name + "-cross-network-gateway", KubernetesObjectArgs.builder()
                .apiVersion("networking.istio.io/v1").kind("Gateway")
                .metadata(Map.of("name", "cross-network-gateway", "namespace", NAMESPACE))
                .spec(crossNetworkGateway())
                .build(), inCluster(cluster, List.of(istiod)));
        new KubernetesObject(name + "-strict-mtls", KubernetesObjectArgs.builder()
                .apiVersion("security.istio.io/v1").kind("PeerAuthentication")
                .metadata(Map.of("name", "default", "namespace", NAMESPACE))
                .spec(Map.of("mtls", Map.of("mode", "STRICT")))
                .build(), inCluster(cluster, List.of(istiod)));
        new KubernetesObject(name + "-eastwest-ingress", KubernetesObjectArgs.builder()
                .apiVersion("networking.k8s.io/v1").kind("NetworkPolicy")
                .metadata(Map.of("name", "allow-eastwest-gateway", "namespace", NAMESPACE))
                .spec(cluster.vpcCidrs().applyValue(IstioMultiPrimary::gatewayPolicy))
                .build(), inCluster(cluster, args.after()));
        new KubernetesObject(name + "-istiod-egress", KubernetesObjectArgs.builder()
                .apiVersion("networking.k8s.io/v1").kind("NetworkPolicy")
                .metadata(Map.of("name", "allow-istiod-https-egress", "namespace", NAMESPACE))
                .spec(istiodEgress())
                .build(), inCluster(cluster, args.after()));
        new KubernetesObject(name + "-eastwest-to-services", KubernetesObjectArgs.builder()
                .apiVersion("networking.k8s.io/v1").kind("NetworkPolicy")
                .metadata(Map.of("name", "allow-eastwest-gateway", "namespace", args.servicesNamespace()))
                .spec(servicesFromGateway())
                .build(), inCluster(cluster, args.after()));

        // ---- the reader's token, for the other regions' remote secrets ----
        var token = new Secret(name + "-reader-token", SecretArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(READER_TOKEN_SECRET).namespace(NAMESPACE)
                        .annotations(Map.of("kubernetes.io/service-account.name", READER_SERVICE_ACCOUNT))
                        .build())
                .type("kubernetes.io/service-account-token")
                .build(), inCluster(cluster, List.of(base)));
        // the token controller fills the secret after it is created: read it back once it exists
        // its id waits for the secret's uid: unknown in a preview that creates it, so the read is skipped
        // there instead of failing on a secret that does not exist yet
        var id = token.metadata().applyValue(m -> m.uid().map(uid -> NAMESPACE + "/" + READER_TOKEN_SECRET).orElse(NAMESPACE + "/" + READER_TOKEN_SECRET));
        var filled = Secret.get(name + "-reader-token-filled", id,
                KubernetesPlugin.pinned(CustomResourceOptions.builder().parent(this).provider(cluster.kubernetesProvider())
                        .dependsOn(token).build()));
        this.readerToken = filled.data().applyValue(d -> d == null || d.get("token") == null ? ""
                : new String(Base64.getDecoder().decode(d.get("token")), StandardCharsets.UTF_8)).asSecret();
        this.eastWestSecurityGroupId = sg.id();
        this.ready = List.of(istiod, gateway);
        this.registerOutputs(Map.of("eastWestSecurityGroupId", eastWestSecurityGroupId, "readerToken", readerToken));
    }

    private CustomResourceOptions inCluster(io.acgs2.components.compute.ClusterCore cluster, List<? extends Resource> dependsOn) {
        return KubernetesPlugin.inCluster(this, cluster.kubernetesProvider(), dependsOn);
    }

    /** The mesh's outbound traffic policy: REGISTRY_ONLY. */
    public static final String OUTBOUND_POLICY = "REGISTRY_ONLY";

    static Map<String, Object> istiodValues(IstioMultiPrimaryArgs args) {
        var global = new LinkedHashMap<String, Object>();
        global.put("meshID", args.meshId());
        global.put("multiCluster", Map.of("clusterName", args.clusterName()));
        global.put("network", args.network());
        // the istiod chart's own keys (its values.yaml, under _internal_defaults_do_not_set): `pilot.*` is
        // istioctl's spelling, which the Helm chart ignores
        var values = new LinkedHashMap<String, Object>();
        values.put("global", global);
        // the CNI agent sets up the traffic redirection: pods need no privileged init container
        values.put("cni", Map.of("enabled", true));
        // two istiod at least (the HPA's floor), spread over zones; the chart's PDB keeps one up in a drain
        values.put("autoscaleMin", 2);
        values.put("replicaCount", 2);
        values.put("topologySpreadConstraints", List.of(zoneSpread(Map.of("app", "istiod"))));
        // a sidecar reaches only what the registry holds: the cluster's Services and the stores'
        // ServiceEntries (the services layer's); anything else is refused, not passed through
        values.put("meshConfig", Map.of("accessLogFile", "/dev/stdout",
                "outboundTrafficPolicy", Map.of("mode", OUTBOUND_POLICY)));
        return values;
    }

    /**
     * istiod's HTTPS out: a JWT issuer's JWKS (RequestAuthentication; fetched by istiod) and the other
     * regions' API servers it watches. A NetworkPolicy cannot name hosts, so 443 to any address, for
     * istiod only; everything else in istio-system stays default-deny.
     */
    static Map<String, Object> istiodEgress() {
        return Map.of(
                "podSelector", Map.of("matchLabels", Map.of("app", "istiod")),
                "policyTypes", List.of("Egress"),
                "egress", List.of(Map.of("to", List.of(Map.of("ipBlock", Map.of("cidr", "0.0.0.0/0"))),
                        "ports", List.of(Map.of("protocol", "TCP", "port", 443)))));
    }

    static Map<String, Object> zoneSpread(Map<String, String> labels) {
        return Map.of("maxSkew", 1, "topologyKey", "topology.kubernetes.io/zone", "whenUnsatisfiable", "ScheduleAnyway",
                "labelSelector", Map.of("matchLabels", labels));
    }

    /** networkGateway sets the network label, the requested network view and the four ports itself. */
    static Map<String, Object> eastWestValues(String network, String securityGroupId) {
        var annotations = new LinkedHashMap<String, Object>(io.acgs2.components.kubernetes.InternalLoadBalancer.annotations(securityGroupId));
        annotations.put("service.beta.kubernetes.io/aws-load-balancer-attributes", "load_balancing.cross_zone.enabled=true");
        var values = new LinkedHashMap<String, Object>();
        values.put("name", EASTWEST);
        values.put("networkGateway", network);
        values.put("service", Map.of("type", "LoadBalancer", "annotations", annotations));
        // a node drain must not cut cross-region traffic: two replicas at least, one always up, over zones
        values.put("replicaCount", 2);
        values.put("autoscaling", Map.of("enabled", true, "minReplicas", 2, "maxReplicas", 5));
        values.put("podDisruptionBudget", Map.of("minAvailable", 1));
        values.put("topologySpreadConstraints", List.of(zoneSpread(EASTWEST_SELECTOR)));
        return values;
    }

    static Map<String, Object> crossNetworkGateway() {
        return Map.of("selector", EASTWEST_SELECTOR, "servers", List.of(Map.of(
                "port", Map.of("number", 15443, "name", "tls", "protocol", "TLS"),
                "tls", Map.of("mode", "AUTO_PASSTHROUGH"),
                "hosts", List.of("*.local"))));
    }

    /** The gateway takes its NLB's traffic (IP targets: from this VPC's addresses) and reaches any mesh pod. */
    static Map<String, Object> gatewayPolicy(List<String> vpcCidrs) {
        var from = vpcCidrs.stream().map(c -> (Object) Map.of("ipBlock", Map.of("cidr", c))).toList();
        var ports = EASTWEST_ADMITTED_PORTS.stream().map(p -> (Object) Map.of("protocol", "TCP", "port", p)).toList();
        return Map.of(
                "podSelector", Map.of("matchLabels", EASTWEST_SELECTOR),
                "policyTypes", List.of("Ingress", "Egress"),
                "ingress", List.of(Map.of("from", from, "ports", ports)),
                "egress", List.of(Map.of("to", List.of(Map.of("namespaceSelector", Map.of())))));
    }

    static Map<String, Object> servicesFromGateway() {
        return Map.of(
                "podSelector", Map.of(),
                "policyTypes", List.of("Ingress"),
                "ingress", List.of(Map.of("from", List.of(Map.of(
                        "namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", NAMESPACE)),
                        "podSelector", Map.of("matchLabels", EASTWEST_SELECTOR))))));
    }
}
