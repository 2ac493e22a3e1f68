package io.acgs2.components.platform;

import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.common.AwsFacts;
import io.acgs2.components.compute.ClusterCore;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Inputs of {@link ClusterBaseline}. Build with {@link #builder()}; {@code build()} applies the
 * defaults below and rejects every bad field at once.
 */
public final class ClusterBaselineArgs {

    public static final String DEFAULT_SERVICES_NAMESPACE = "acgs2";
    public static final String DEFAULT_SYSTEM_NAMESPACE = "acgs2-system";
    /**
     * The aws-load-balancer-controller Helm chart version (eks-charts; since 3.0.0 the chart version
     * equals the controller's appVersion). Upgrade here, in one place.
     */
    public static final String DEFAULT_LOAD_BALANCER_CONTROLLER_VERSION = "3.5.0";

    /** Namespaces the baseline owns itself, or Kubernetes owns: neither configurable namespace may take them. */
    static final List<String> RESERVED_NAMESPACES = List.of(ClusterBaseline.KAFKA_NAMESPACE,
            ClusterBaseline.ISTIO_NAMESPACE, ClusterBaseline.INGRESS_NAMESPACE, "kube-system", "kube-public", "kube-node-lease", "default");

    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
    private static final Pattern LABEL_VALUE = Pattern.compile("^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$");
    private static final Pattern CHART_VERSION = Pattern.compile("^[0-9]+\\.[0-9]+\\.[0-9]+$");

    private final ClusterCore cluster;
    private final AwsFacts facts;
    private final String servicesNamespace;
    private final String systemNamespace;
    private final String loadBalancerControllerVersion;
    private final boolean enableLoadBalancerController;
    private final String meshNetwork;
    private final boolean publicIngress;
    private final String tlsPolicy;

    private ClusterBaselineArgs(Builder b) {
        this.meshNetwork = b.meshNetwork;
        this.publicIngress = b.publicIngress;
        this.tlsPolicy = b.tlsPolicy;
        this.cluster = b.cluster;
        this.facts = b.facts;
        this.servicesNamespace = b.servicesNamespace == null ? DEFAULT_SERVICES_NAMESPACE : b.servicesNamespace;
        this.systemNamespace = b.systemNamespace == null ? DEFAULT_SYSTEM_NAMESPACE : b.systemNamespace;
        this.loadBalancerControllerVersion = b.loadBalancerControllerVersion == null
                ? DEFAULT_LOAD_BALANCER_CONTROLLER_VERSION : b.loadBalancerControllerVersion;
        this.enableLoadBalancerController = b.enableLoadBalancerController == null || b.enableLoadBalancerController;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The region's cluster: name, Kubernetes provider, VPC, and what in-cluster objects wait for. Required. */
    public ClusterCore cluster() {
        return cluster;
    }

    /** Account, partition and region of the component's AWS provider, looked up once per stack. Required. */
    public AwsFacts facts() {
        return facts;
    }

    /** The namespace the ACGS-2 services run in (Pod Security restricted). Default: acgs2. */
    public String servicesNamespace() {
        return servicesNamespace;
    }

    /**
     * The namespace for platform configuration, such as the tenant-residency ConfigMap (Pod Security
     * restricted). Default: acgs2-system.
     */
    public String systemNamespace() {
        return systemNamespace;
    }

    /**
     * The aws-load-balancer-controller chart version. Default: 3.5.0. Helm installs the chart's CRDs
     * on install only, never on upgrade: apply the new version's CRDs before raising this.
     */
    public String loadBalancerControllerVersion() {
        return loadBalancerControllerVersion;
    }

    /**
     * Install the AWS Load Balancer Controller (its IAM role, Pod Identity association and Helm
     * release); the east-west gateway and the Kafka listeners need its internal NLBs. Default: true.
     * Opt out with {@code enableLoadBalancerController(false)}.
     */
    public boolean enableLoadBalancerController() {
        return enableLoadBalancerController;
    }

    /**
     * The Istio network of this cluster: istio-system carries it as {@code topology.istio.io/network}
     * from its creation (istiod reads the label; the namespace is the baseline's, so the label is set
     * here, not patched on later). Default: none (no label).
     */
    public java.util.Optional<String> meshNetwork() {
        return java.util.Optional.ofNullable(meshNetwork);
    }

    /**
     * Whether the region has a public front door: the baseline then also makes the ingress namespace
     * ({@link ClusterBaseline#INGRESS_NAMESPACE}), and the Load Balancer Controller may also make
     * internet-facing ALBs for Ingresses, with their HTTPS listeners, rules and WAFv2 association
     * ({@link LoadBalancerControllerPolicy}). Default: false (internal NLBs for Services only).
     */
    public boolean publicIngress() {
        return publicIngress;
    }

    /** With {@link #publicIngress()}: the controller's default listener security policy. Default: its TLS 1.2+ default. */
    public java.util.Optional<String> tlsPolicy() {
        return java.util.Optional.ofNullable(tlsPolicy);
    }

    public static final class Builder {
        private String meshNetwork;
        private ClusterCore cluster;
        private AwsFacts facts;
        private String servicesNamespace;
        private String systemNamespace;
        private String loadBalancerControllerVersion;
        private Boolean enableLoadBalancerController;
        private boolean publicIngress;
        private String tlsPolicy;

        private Builder() {
        }

        public Builder publicIngress(boolean publicIngress) {
            this.publicIngress = publicIngress;
            return this;
        }

        public Builder tlsPolicy(String tlsPolicy) {
            this.tlsPolicy = tlsPolicy;
            return this;
        }

        public Builder cluster(ClusterCore cluster) {
            this.cluster = cluster;
            return this;
        }

        public Builder facts(AwsFacts facts) {
            this.facts = facts;
            return this;
        }

        public Builder servicesNamespace(String servicesNamespace) {
            this.servicesNamespace = servicesNamespace;
            return this;
        }

        public Builder systemNamespace(String systemNamespace) {
            this.systemNamespace = systemNamespace;
            return this;
        }

        public Builder loadBalancerControllerVersion(String version) {
            this.loadBalancerControllerVersion = version;
            return this;
        }

        public Builder meshNetwork(String network) {
            this.meshNetwork = network;
            return this;
        }

        public Builder enableLoadBalancerController(boolean enable) {
            this.enableLoadBalancerController = enable;
            return this;
        }

        public ClusterBaselineArgs build() {
            var p = new ArgsProblems("ClusterBaselineArgs");
            if (p.require("cluster", cluster, "pass the region's ClusterCore (EksCluster's core())") != null
                    && cluster.kubernetesProvider() == null) {
                p.add("cluster.kubernetesProvider", "is required", "build the ClusterCore with the cluster's Kubernetes provider");
            }
            p.require("facts", facts, "pass AwsFacts.lookUp(provider) of the component's region");
            var services = servicesNamespace == null ? DEFAULT_SERVICES_NAMESPACE : servicesNamespace;
            var system = systemNamespace == null ? DEFAULT_SYSTEM_NAMESPACE : systemNamespace;
            checkNamespace(p, "servicesNamespace", services);
            checkNamespace(p, "systemNamespace", system);
            if (services.equals(system)) {
                p.add("systemNamespace", "equals servicesNamespace ('" + system + "')",
                        "give platform configuration its own namespace, e.g. " + DEFAULT_SYSTEM_NAMESPACE);
            }
            if (loadBalancerControllerVersion != null && !CHART_VERSION.matcher(loadBalancerControllerVersion).matches()) {
                p.add("loadBalancerControllerVersion", "'" + loadBalancerControllerVersion + "' is not an exact chart version",
                        "pin a released version such as " + DEFAULT_LOAD_BALANCER_CONTROLLER_VERSION + " (no ranges, no v prefix)");
            }
            if (meshNetwork != null && !LABEL_VALUE.matcher(meshNetwork).matches()) {
                p.add("meshNetwork", "'" + meshNetwork + "' is not a Kubernetes label value",
                        "use up to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
            }
            if (publicIngress && Boolean.FALSE.equals(enableLoadBalancerController)) {
                p.add("publicIngress", "needs the Load Balancer Controller, which is opted out", "enable it, or drop publicIngress");
            }
            p.throwIfAny();
            return new ClusterBaselineArgs(this);
        }

        private static void checkNamespace(ArgsProblems p, String field, String value) {
            if (!DNS_LABEL.matcher(value).matches()) {
                p.add(field, "'" + value + "' is not a DNS-1123 label",
                        "use up to 63 lower-case letters, digits and '-', starting and ending with a letter or digit");
            } else if (RESERVED_NAMESPACES.contains(value)) {
                p.add(field, "'" + value + "' is a namespace the baseline or Kubernetes already owns",
                        "pick a name outside " + RESERVED_NAMESPACES);
            }
        }
    }
}
