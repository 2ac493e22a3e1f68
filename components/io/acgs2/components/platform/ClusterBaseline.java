package io.acgs2.components.platform;

import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IPBlockArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyEgressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.acgs2.components.common.Json;
import io.acgs2.components.common.Tags;
import io.acgs2.components.compute.ClusterCore;
import io.acgs2.components.kubernetes.KubernetesPlugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every cluster gets before any workload: the platform namespaces with Pod Security Admission
 * labels and a default-deny network baseline, and the AWS Load Balancer Controller (internal NLBs for
 * the east-west gateway and the Kafka listeners).
 *
 * <p>Namespaces: the services namespace, the system namespace and {@code kafka} enforce the
 * {@code restricted} Pod Security Standard. {@code istio-system} enforces {@code baseline} and only
 * audits and warns on {@code restricted}: the istiod and gateway charts are not verified to run under
 * restricted, and the Istio CNI node agent (which sidecar injection under restricted needs, because
 * the pods then carry no NET_ADMIN init container) runs privileged, so it belongs in
 * {@code kube-system}, never here.
 *
 * <p>Network policies in each of those namespaces: {@code default-deny} (all ingress and egress),
 * then {@code allow-same-namespace}, {@code allow-dns} (kube-dns in kube-system on 53 UDP/TCP),
 * {@code allow-kube-apiserver} (443 to the VPC CIDRs, where the EKS API server's ENIs live) and,
 * outside istio-system, {@code allow-istio-control-plane} (istiod on 15012 xDS/CA and 15014
 * monitoring). In istio-system, {@code allow-istiod-ingress} opens istiod to every namespace on
 * 15010, 15012 and 15014, and to the VPC CIDRs on 15017 (the API server calls the sidecar injection
 * webhook).
 *
 * <p>Children are named {@code <name>-<part>}; Kubernetes objects go through the cluster's provider
 * and wait for {@link ClusterCore#ready()}; AWS resources use the component's provider.
 */
public class ClusterBaseline extends ComponentResource {

    public static final String TYPE = "acgs2:platform:ClusterBaseline";

    public static final String KAFKA_NAMESPACE = "kafka";
    public static final String ISTIO_NAMESPACE = "istio-system";
    public static final String KUBE_SYSTEM = "kube-system";
    /** The public front door's namespace (with a front door only): the ingress gateway and its Ingress. */
    public static final String INGRESS_NAMESPACE = "acgs2-ingress";
    /** Pods of a namespace with this label get the controller's readiness gate: a pod is Ready once its ALB target is healthy. */
    static final String READINESS_GATE_LABEL = "elbv2.k8s.aws/pod-readiness-gate-inject";

    static final String PSA = "pod-security.kubernetes.io/";
    /** The label istiod reads for the network of its own cluster's workloads. */
    public static final String MESH_NETWORK_LABEL = "topology.istio.io/network";
    static final String RESTRICTED = "restricted";
    static final String BASELINE = "baseline";
    /** PSA policy version: the cluster's own Kubernetes version. */
    static final String PSA_VERSION = "latest";

    static final String LBC_CHART = "aws-load-balancer-controller";
    static final String LBC_REPO = "https://aws.github.io/eks-charts";
    static final String LBC_SERVICE_ACCOUNT = "aws-load-balancer-controller";
    static final String LBC_RELEASE = "aws-load-balancer-controller";
    /** The tag the controller puts on every AWS resource it creates; its value is the cluster name. */
    static final String CLUSTER_TAG = "elbv2.k8s.aws/cluster";

    static final List<Integer> ISTIOD_MESH_PORTS = List.of(15010, 15012, 15014);
    static final List<Integer> ISTIOD_SIDECAR_PORTS = List.of(15012, 15014);
    static final int ISTIOD_WEBHOOK_PORT = 15017;

    public final Output<String> servicesNamespace;
    public final Output<String> systemNamespace;
    public final Output<String> kafkaNamespace;
    public final Output<String> istioSystemNamespace;
    /** The front door's namespace, with {@link ClusterBaselineArgs#publicIngress()} only. */
    public final Optional<Output<String>> ingressNamespace;
    /** The controller's IAM role, empty when the controller is opted out. */
    public final Output<Optional<String>> loadBalancerControllerRoleArn;
    /** The controller's Helm release, empty when opted out: Services of type LoadBalancer wait for it. */
    public final Optional<Release> loadBalancerController;
    /** What downstream in-cluster objects wait for: the namespaces, their policies and the controller. */
    public final List<Resource> ready;

    public ClusterBaseline(String name, ClusterBaselineArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var cluster = args.cluster();
        var ready = new ArrayList<Resource>();

        // ---- namespaces and their network baseline ----
        var nsOutputs = new LinkedHashMap<String, Output<String>>();
        for (var ns : namespaces(args)) {
            var namespace = new Namespace(name + "-ns-" + ns.key(), NamespaceArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name(ns.name()).labels(namespaceLabels(ns, args)).build())
                    .build(), kubernetesOptions(cluster, cluster.ready()));
            ready.add(namespace);
            var after = new ArrayList<Resource>(cluster.ready());
            after.add(namespace);
            for (var policy : networkPolicies(ns.name(), cluster.vpcCidrs()).entrySet()) {
                ready.add(new NetworkPolicy(name + "-" + ns.key() + "-" + policy.getKey(), NetworkPolicyArgs.builder()
                        .metadata(ObjectMetaArgs.builder().name(policy.getKey()).namespace(ns.name()).build())
                        .spec(policy.getValue())
                        .build(), kubernetesOptions(cluster, after)));
            }
            nsOutputs.put(ns.key(), namespace.metadata().applyValue(m -> m.name().orElse(ns.name())));
        }
        this.servicesNamespace = nsOutputs.get("services");
        this.systemNamespace = nsOutputs.get("system");
        this.kafkaNamespace = nsOutputs.get("kafka");
        this.istioSystemNamespace = nsOutputs.get("istio");
        this.ingressNamespace = Optional.ofNullable(nsOutputs.get("ingress"));

        // ---- AWS Load Balancer Controller ----
        if (args.enableLoadBalancerController()) {
            var facts = args.facts();
            var inComponent = CustomResourceOptions.builder().parent(this).build();
            var role = new Role(name + "-lbc", RoleArgs.builder()
                    .description("AWS Load Balancer Controller of " + name + " (EKS Pod Identity, "
                            + KUBE_SYSTEM + "/" + LBC_SERVICE_ACCOUNT + ")")
                    .assumeRolePolicy(facts.accountId().applyValue(ClusterBaseline::podIdentityTrustPolicy))
                    .tags(Tags.name(name + "-lbc"))
                    .build(), inComponent);
            var policy = new RolePolicy(name + "-lbc", RolePolicyArgs.builder()
                    .role(role.id())
                    .policy(Output.tuple(facts.partition(), facts.accountId(), cluster.clusterName(), cluster.vpcId())
                            .applyValue(t -> LoadBalancerControllerPolicy.document(t.t1, cluster.region(), t.t2, t.t3, t.t4,
                                    args.publicIngress())))
                    .build(), CustomResourceOptions.builder().parent(role).build());
            var association = new PodIdentityAssociation(name + "-lbc", PodIdentityAssociationArgs.builder()
                    .clusterName(cluster.clusterName())
                    .namespace(KUBE_SYSTEM)
                    .serviceAccount(LBC_SERVICE_ACCOUNT)
                    .roleArn(role.arn())
                    .tags(Tags.name(name + "-lbc"))
                    .build(), CustomResourceOptions.builder().parent(this).dependsOn(policy).build());
            var after = new ArrayList<Resource>(cluster.ready());
            after.add(association);
            var release = new Release(name + "-lbc", ReleaseArgs.builder()
                    .name(LBC_RELEASE)
                    .chart(LBC_CHART)
                    .version(args.loadBalancerControllerVersion())
                    .repositoryOpts(RepositoryOptsArgs.builder().repo(LBC_REPO).build())
                    .namespace(KUBE_SYSTEM)
                    .values(Output.tuple(cluster.clusterName(), cluster.vpcId())
                            .applyValue(t -> loadBalancerControllerValues(t.t1, cluster.region(), t.t2, args)))
                    .build(), kubernetesOptions(cluster, after));
            ready.add(release);
            this.loadBalancerControllerRoleArn = role.arn().applyValue(Optional::of);
            this.loadBalancerController = Optional.of(release);
        } else {
            this.loadBalancerControllerRoleArn = Output.of(Optional.empty());
            this.loadBalancerController = Optional.empty();
        }
        this.ready = List.copyOf(ready);

        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("servicesNamespace", servicesNamespace);
        outputs.put("systemNamespace", systemNamespace);
        outputs.put("kafkaNamespace", kafkaNamespace);
        outputs.put("istioSystemNamespace", istioSystemNamespace);
        outputs.put("loadBalancerControllerRoleArn", loadBalancerControllerRoleArn.applyValue(o -> o.orElse(null)));
        this.registerOutputs(Map.copyOf(outputs));
    }

    /** A namespace the baseline creates: its child-name key, its name and the PSA level it enforces. */
    record BaselineNamespace(String key, String name, String enforce) {
    }

    static List<BaselineNamespace> namespaces(ClusterBaselineArgs args) {
        var out = new ArrayList<>(List.of(
                new BaselineNamespace("services", args.servicesNamespace(), RESTRICTED),
                new BaselineNamespace("system", args.systemNamespace(), RESTRICTED),
                new BaselineNamespace("kafka", KAFKA_NAMESPACE, RESTRICTED),
                // baseline, not restricted: istiod and the gateway charts are not verified to run under
                // restricted; the privileged Istio CNI node agent lives in kube-system, not here.
                new BaselineNamespace("istio", ISTIO_NAMESPACE, BASELINE)));
        if (args.publicIngress()) {
            // the ingress gateway is the Istio gateway chart, like the east-west one: baseline too
            out.add(new BaselineNamespace("ingress", INGRESS_NAMESPACE, BASELINE));
        }
        return List.copyOf(out);
    }

    /** istio-system carries the mesh network label (when set) next to its Pod Security labels. */
    static Map<String, String> namespaceLabels(BaselineNamespace ns, ClusterBaselineArgs args) {
        var labels = new java.util.TreeMap<>(podSecurityLabels(ns.enforce()));
        if (ISTIO_NAMESPACE.equals(ns.name())) {
            args.meshNetwork().ifPresent(n -> labels.put(MESH_NETWORK_LABEL, n));
        }
        if (INGRESS_NAMESPACE.equals(ns.name())) {
            labels.put(READINESS_GATE_LABEL, "enabled");
        }
        return labels;
    }

    /** Pod Security Admission labels: enforce the given level, always audit and warn on restricted. */
    static Map<String, String> podSecurityLabels(String enforce) {
        return Map.of(
                PSA + "enforce", enforce,
                PSA + "enforce-version", PSA_VERSION,
                PSA + "audit", RESTRICTED,
                PSA + "warn", RESTRICTED);
    }

    /** The namespace's NetworkPolicies by object name, default-deny first. */
    static Map<String, NetworkPolicySpecArgs> networkPolicies(String namespace, Output<List<String>> vpcCidrs) {
        var all = LabelSelectorArgs.builder().build();
        var vpcBlocks = vpcCidrs.applyValue(cidrs -> cidrs.stream()
                .map(c -> NetworkPolicyPeerArgs.builder().ipBlock(IPBlockArgs.builder().cidr(c).build()).build())
                .toList());
        var policies = new LinkedHashMap<String, NetworkPolicySpecArgs>();
        policies.put("default-deny", NetworkPolicySpecArgs.builder()
                .podSelector(all)
                .policyTypes("Ingress", "Egress")
                .build());
        policies.put("allow-same-namespace", NetworkPolicySpecArgs.builder()
                .podSelector(all)
                .policyTypes("Ingress", "Egress")
                .ingress(NetworkPolicyIngressRuleArgs.builder()
                        .from(NetworkPolicyPeerArgs.builder().podSelector(all).build()).build())
                .egress(NetworkPolicyEgressRuleArgs.builder()
                        .to(NetworkPolicyPeerArgs.builder().podSelector(all).build()).build())
                .build());
        policies.put("allow-dns", NetworkPolicySpecArgs.builder()
                .podSelector(all)
                .policyTypes("Egress")
                .egress(NetworkPolicyEgressRuleArgs.builder()
                        .to(podsIn(KUBE_SYSTEM, Map.of("k8s-app", "kube-dns")))
                        .ports(port("UDP", 53), port("TCP", 53))
                        .build())
                .build());
        // EKS API server ENIs live in the VPC: kubernetes.default resolves to them on 443.
        policies.put("allow-kube-apiserver", NetworkPolicySpecArgs.builder()
                .podSelector(all)
                .policyTypes("Egress")
                .egress(NetworkPolicyEgressRuleArgs.builder()
                        .to(vpcBlocks)
                        .ports(port("TCP", 443))
                        .build())
                .build());
        if (ISTIO_NAMESPACE.equals(namespace)) {
            policies.put("allow-istiod-ingress", NetworkPolicySpecArgs.builder()
                    .podSelector(LabelSelectorArgs.builder().matchLabels(Map.of("app", "istiod")).build())
                    .policyTypes("Ingress")
                    .ingress(
                            // sidecars and gateways of every namespace: 15010 plaintext xDS, 15012 xDS/CA, 15014 monitoring
                            NetworkPolicyIngressRuleArgs.builder()
                                    .from(NetworkPolicyPeerArgs.builder().namespaceSelector(all).build())
                                    .ports(ISTIOD_MESH_PORTS.stream().map(p -> port("TCP", p)).toList())
                                    .build(),
                            // the API server calls the injection and validation webhooks from its VPC ENIs
                            NetworkPolicyIngressRuleArgs.builder()
                                    .from(vpcBlocks)
                                    .ports(port("TCP", ISTIOD_WEBHOOK_PORT))
                                    .build())
                    .build());
        } else {
            policies.put("allow-istio-control-plane", NetworkPolicySpecArgs.builder()
                    .podSelector(all)
                    .policyTypes("Egress")
                    .egress(NetworkPolicyEgressRuleArgs.builder()
                            .to(podsIn(ISTIO_NAMESPACE, Map.of("app", "istiod")))
                            .ports(ISTIOD_SIDECAR_PORTS.stream().map(p -> port("TCP", p)).toList())
                            .build())
                    .build());
        }
        return policies;
    }

    private static NetworkPolicyPeerArgs podsIn(String namespace, Map<String, String> podLabels) {
        return NetworkPolicyPeerArgs.builder()
                .namespaceSelector(LabelSelectorArgs.builder()
                        .matchLabels(Map.of("kubernetes.io/metadata.name", namespace)).build())
                .podSelector(LabelSelectorArgs.builder().matchLabels(podLabels).build())
                .build();
    }

    private static NetworkPolicyPortArgs port(String protocol, int port) {
        return NetworkPolicyPortArgs.builder().protocol(protocol).port(port).build();
    }

    /** Parented here, through the cluster's provider (plugin pinned), after {@code dependsOn}. */
    private CustomResourceOptions kubernetesOptions(ClusterCore cluster, List<Resource> dependsOn) {
        return KubernetesPlugin.pinned(CustomResourceOptions.builder()
                .parent(this)
                .provider(cluster.kubernetesProvider())
                .dependsOn(dependsOn)
                .build());
    }

    /** EKS Pod Identity trust: the pods.eks.amazonaws.com service, from this account only. */
    static String podIdentityTrustPolicy(String accountId) {
        return io.acgs2.components.common.PodIdentity.trustPolicy(accountId);
    }

    /**
     * Chart values. The nodes' IMDS hop limit is 1, so the controller cannot discover its region or
     * VPC from instance metadata: both are passed. Two replicas spread over zones (soft) with a PDB.
     */
    static Map<String, Object> loadBalancerControllerValues(String clusterName, String region, String vpcId) {
        return loadBalancerControllerValues(clusterName, region, vpcId, null);
    }

    /**
     * With a public front door ({@link ClusterBaselineArgs#publicIngress()}) the controller also
     * serves Ingresses (the front door's IngressClass is the program's, not the chart's) and manages
     * the WAFv2 association an Ingress names; Shield and WAF Classic stay off.
     */
    static Map<String, Object> loadBalancerControllerValues(String clusterName, String region, String vpcId, ClusterBaselineArgs args) {
        var selector = Map.of("matchLabels", Map.of(
                "app.kubernetes.io/name", LBC_CHART,
                "app.kubernetes.io/instance", LBC_RELEASE));
        var values = new LinkedHashMap<String, Object>();
        values.put("clusterName", clusterName);
        values.put("region", region);
        values.put("vpcId", vpcId);
        values.put("serviceAccount", Map.of("create", true, "name", LBC_SERVICE_ACCOUNT));
        values.put("replicaCount", 2);
        values.put("podDisruptionBudget", Map.of("maxUnavailable", 1));
        values.put("topologySpreadConstraints", List.of(Map.of(
                "maxSkew", 1,
                "topologyKey", "topology.kubernetes.io/zone",
                "whenUnsatisfiable", "ScheduleAnyway",
                "labelSelector", selector)));
        // internal NLBs for Services only: no ALB add-ons (the IAM policy grants none of them), no Ingress class
        var publicIngress = args != null && args.publicIngress();
        values.put("enableShield", false);
        values.put("enableWaf", false);
        values.put("enableWafv2", publicIngress);
        values.put("controllerConfig", Map.of("featureGates", Map.of("ServiceTypeLoadBalancerOnly", !publicIngress)));
        values.put("createIngressClassResource", false);
        values.put("ingressClassParams", Map.of("create", false));
        if (publicIngress) {
            // the controller's own default is ELBSecurityPolicy-2016-08 (TLS 1.0): never that
            values.put("defaultSSLPolicy", args.tlsPolicy().orElse("ELBSecurityPolicy-TLS13-1-2-2021-06"));
        }
        return values;
    }
}
