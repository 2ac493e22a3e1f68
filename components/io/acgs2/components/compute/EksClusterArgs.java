package io.acgs2.components.compute;

import com.pulumi.core.Output;
import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.common.AwsFacts;
import io.acgs2.components.network.Ipv4Cidr;
import io.acgs2.components.network.RegionalNetworkArgs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Inputs of {@link EksCluster}. Build with {@link #builder()}: {@code build()} applies the defaults
 * and rejects every bad field at once, naming it and the fix. Secure defaults, each with an explicit
 * opt-out: private API endpoint, secrets encrypted with a customer key, api/audit/authenticator logs
 * kept a year in an encrypted log group, standard support only, IMDSv2 with hop limit 1 and
 * encrypted gp3 volumes on every node.
 */
public final class EksClusterArgs {

    public static final SupportType DEFAULT_SUPPORT_TYPE = SupportType.STANDARD;
    public static final EndpointAccess DEFAULT_ENDPOINT_ACCESS = EndpointAccess.PRIVATE;
    public static final int DEFAULT_LOG_RETENTION_DAYS = 365;
    /** The control-plane logs always on (CIS EKS 2.1.1); controllerManager and scheduler are opt-in. */
    /** Every control-plane log type, always: CIS EKS 2.1.1 asks for all five (controller manager and scheduler included). */
    public static final List<String> REQUIRED_LOG_TYPES = List.of("api", "audit", "authenticator", "controllerManager", "scheduler");
    public static final List<String> LOG_TYPES = List.of("api", "audit", "authenticator", "controllerManager", "scheduler");
    private static final Pattern CLUSTER_NAME = Pattern.compile("^[0-9A-Za-z][A-Za-z0-9\\-_]{0,99}$");
    private static final Pattern IAM_ARN = Pattern.compile("^arn:aws[a-z-]*:iam::\\d{12}:(role|user)/.+$");
    private static final Pattern KEY = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,40}[a-z0-9])?$");

    private final String region;
    private final String clusterName;
    private final String kubernetesVersion;
    private final SupportType supportType;
    private final EndpointAccess endpointAccess;
    private final List<String> publicAccessCidrs;
    private final Output<String> vpcId;
    private final Output<List<String>> vpcCidrs;
    private final Output<List<String>> subnetIds;
    private final Map<String, AccessGrant> access;
    private final String deployerRoleArn;
    private final int logRetentionDays;
    private final List<String> logTypes;
    private final Map<String, NodeGroupSpec> nodeGroups;
    private final Map<String, String> addonVersions;
    private final AwsFacts facts;

    private EksClusterArgs(Builder b, Map<String, String> addonVersions) {
        this.region = b.region;
        this.clusterName = b.clusterName;
        this.kubernetesVersion = b.kubernetesVersion == null ? KubernetesVersions.DEFAULT : b.kubernetesVersion;
        this.supportType = b.supportType == null ? DEFAULT_SUPPORT_TYPE : b.supportType;
        this.endpointAccess = b.endpointAccess == null ? DEFAULT_ENDPOINT_ACCESS : b.endpointAccess;
        this.publicAccessCidrs = List.copyOf(b.publicAccessCidrs);
        this.vpcId = b.vpcId;
        this.vpcCidrs = b.vpcCidrs;
        this.subnetIds = b.subnetIds;
        this.access = java.util.Collections.unmodifiableMap(new TreeMap<>(b.access));
        this.deployerRoleArn = b.deployerRoleArn;
        this.logRetentionDays = b.logRetentionDays == null ? DEFAULT_LOG_RETENTION_DAYS : b.logRetentionDays;
        var types = new java.util.LinkedHashSet<>(REQUIRED_LOG_TYPES);
        types.addAll(b.extraLogTypes);
        this.logTypes = List.copyOf(types);
        this.nodeGroups = java.util.Collections.unmodifiableMap(new TreeMap<>(b.nodeGroups));
        this.addonVersions = addonVersions;
        this.facts = b.facts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The cluster's AWS region (the component's provider's). Required. */
    public String region() {
        return region;
    }

    /** The EKS cluster name (also in the control-plane log group's name). Required; changing it replaces the cluster. */
    public String clusterName() {
        return clusterName;
    }

    /** The Kubernetes minor, one of {@link KubernetesVersions#supported()}. Default: {@link KubernetesVersions#DEFAULT}. */
    public String kubernetesVersion() {
        return kubernetesVersion;
    }

    /** Default: STANDARD (extended support is billed at a multiple of the standard price). */
    public SupportType supportType() {
        return supportType;
    }

    /** Default: PRIVATE. */
    public EndpointAccess endpointAccess() {
        return endpointAccess;
    }

    /** With PUBLIC_AND_PRIVATE: the only CIDRs that reach the public endpoint. Required then; never 0.0.0.0/0. */
    public List<String> publicAccessCidrs() {
        return publicAccessCidrs;
    }

    /** The VPC the cluster lives in. Required. */
    public Output<String> vpcId() {
        return vpcId;
    }

    /** The VPC's CIDRs, for the in-cluster network policies. Required. */
    public Output<List<String>> vpcCidrs() {
        return vpcCidrs;
    }

    /** The private subnets, one per AZ: the control plane's ENIs and every node live there. Required. */
    public Output<List<String>> subnetIds() {
        return subnetIds;
    }

    /** Who else gets API access, by a stable key. Default: none. */
    public Map<String, AccessGrant> access() {
        return access;
    }

    /**
     * The role `pulumi up` runs as (it needs cluster-admin, or the Kubernetes provider cannot work).
     * Default: the issuer of the current session (pin it to the CI role: a different deployer would
     * otherwise replace the access entry).
     */
    public Optional<String> deployerRoleArn() {
        return Optional.ofNullable(deployerRoleArn);
    }

    /** Default: 365. */
    public int logRetentionDays() {
        return logRetentionDays;
    }

    /** All five control-plane log types (CIS EKS 2.1.1); the config's logTypes can only repeat them. */
    public List<String> logTypes() {
        return logTypes;
    }

    /** Managed node groups by name. Required: at least one. */
    public Map<String, NodeGroupSpec> nodeGroups() {
        return nodeGroups;
    }

    /** Managed add-on name to version: the table's pins for the version, with the overrides applied. */
    public Map<String, String> addonVersions() {
        return addonVersions;
    }

    public AwsFacts facts() {
        return facts;
    }

    public static final class Builder {
        private String region;
        private String clusterName;
        private String kubernetesVersion;
        private SupportType supportType;
        private EndpointAccess endpointAccess;
        private List<String> publicAccessCidrs = List.of();
        private Output<String> vpcId;
        private Output<List<String>> vpcCidrs;
        private Output<List<String>> subnetIds;
        private Map<String, AccessGrant> access = Map.of();
        private String deployerRoleArn;
        private Integer logRetentionDays;
        private List<String> extraLogTypes = List.of();
        private Map<String, NodeGroupSpec> nodeGroups = Map.of();
        private Map<String, String> addonVersions = Map.of();
        private AwsFacts facts;

        private Builder() {
        }

        public Builder region(String v) {
            this.region = v;
            return this;
        }

        public Builder clusterName(String v) {
            this.clusterName = v;
            return this;
        }

        public Builder kubernetesVersion(String v) {
            this.kubernetesVersion = v;
            return this;
        }

        public Builder supportType(SupportType v) {
            this.supportType = v;
            return this;
        }

        public Builder endpointAccess(EndpointAccess v) {
            this.endpointAccess = v;
            return this;
        }

        public Builder publicAccessCidrs(List<String> v) {
            this.publicAccessCidrs = v == null ? List.of() : v;
            return this;
        }

        public Builder vpcId(Output<String> v) {
            this.vpcId = v;
            return this;
        }

        public Builder vpcCidrs(Output<List<String>> v) {
            this.vpcCidrs = v;
            return this;
        }

        public Builder subnetIds(Output<List<String>> v) {
            this.subnetIds = v;
            return this;
        }

        public Builder access(Map<String, AccessGrant> v) {
            this.access = v == null ? Map.of() : v;
            return this;
        }

        public Builder deployerRoleArn(String v) {
            this.deployerRoleArn = v;
            return this;
        }

        public Builder logRetentionDays(int v) {
            this.logRetentionDays = v;
            return this;
        }

        /** Log types beyond api, audit and authenticator (controllerManager, scheduler). */
        public Builder extraLogTypes(List<String> v) {
            this.extraLogTypes = v == null ? List.of() : v;
            return this;
        }

        public Builder nodeGroups(Map<String, NodeGroupSpec> v) {
            this.nodeGroups = v == null ? Map.of() : v;
            return this;
        }

        /** Overrides of the pinned add-on versions, by add-on name. */
        public Builder addonVersions(Map<String, String> v) {
            this.addonVersions = v == null ? Map.of() : v;
            return this;
        }

        public Builder facts(AwsFacts v) {
            this.facts = v;
            return this;
        }

        public EksClusterArgs build() {
            var p = new ArgsProblems("EksClusterArgs");
            p.require("region", region, "pass the region of the component's provider");
            if (p.require("clusterName", clusterName, "name the cluster, e.g. acgs2-us-east-1") != null
                    && !CLUSTER_NAME.matcher(clusterName).matches()) {
                p.add("clusterName", "'" + clusterName + "' is not an EKS cluster name", "use letters, digits, '-' and '_', up to 100");
            }
            var version = kubernetesVersion == null ? KubernetesVersions.DEFAULT : kubernetesVersion;
            var minor = KubernetesVersions.of(version);
            if (minor.isEmpty()) {
                p.add("kubernetesVersion", "'" + version + "' is not a supported minor", "use one of "
                        + KubernetesVersions.supported() + " (the table in KubernetesVersions)");
            }
            var access = endpointAccess == null ? DEFAULT_ENDPOINT_ACCESS : endpointAccess;
            publicAccessProblems(access, publicAccessCidrs).forEach(msg -> p.add("publicAccessCidrs", msg[0], msg[1]));
            p.require("vpcId", vpcId, "pass the network's vpcId");
            p.require("vpcCidrs", vpcCidrs, "pass the network's vpcCidrs");
            p.require("subnetIds", subnetIds, "pass the network's privateSubnetIds");
            p.require("facts", facts, "pass the region's AwsFacts");
            this.access.forEach((key, grant) -> {
                if (!KEY.matcher(key).matches()) {
                    p.add("access." + key, "the key is not a lower-case label", "use e.g. platform-admins");
                }
                if (grant.principalArn() == null || !IAM_ARN.matcher(grant.principalArn()).matches()) {
                    p.add("access." + key + ".principalArn", "'" + grant.principalArn() + "' is not an IAM role or user ARN",
                            "write arn:aws:iam::<account>:role/<name>");
                }
            });
            if (deployerRoleArn != null && !IAM_ARN.matcher(deployerRoleArn).matches()) {
                p.add("deployerRoleArn", "'" + deployerRoleArn + "' is not an IAM role ARN", "write arn:aws:iam::<account>:role/<name>");
            }
            if (logRetentionDays != null && !RegionalNetworkArgs.ALLOWED_RETENTION_DAYS.contains(logRetentionDays)) {
                p.add("logRetentionDays", "'" + logRetentionDays + "' is not a CloudWatch Logs retention value",
                        "use one of " + RegionalNetworkArgs.ALLOWED_RETENTION_DAYS);
            }
            extraLogTypes.stream().filter(t -> !LOG_TYPES.contains(t)).forEach(t ->
                    p.add("logTypes", "'" + t + "' is not a control-plane log type", "use one of " + LOG_TYPES));
            if (nodeGroups.isEmpty()) {
                p.add("nodeGroups", "is empty", "define at least one node group (system)");
            }
            nodeGroups.keySet().stream().filter(k -> !KEY.matcher(k).matches()).forEach(k ->
                    p.add("nodeGroups." + k, "the name is not a lower-case label", "use e.g. system"));
            var versions = new LinkedHashMap<String, String>(minor.map(KubernetesVersions.Minor::addons).orElse(Map.of()));
            addonVersions.forEach((addon, v) -> {
                if (!versions.containsKey(addon) && minor.isPresent()) {
                    p.add("addonVersions." + addon, "is not a managed add-on of this cluster", "use one of " + versions.keySet());
                } else if (!v.matches("^v\\d+\\.\\d+\\.\\d+-eksbuild\\.\\d+$")) {
                    p.add("addonVersions." + addon, "'" + v + "' is not an add-on version", "write e.g. v1.21.1-eksbuild.1");
                }
                versions.put(addon, v);
            });
            p.throwIfAny();
            return new EksClusterArgs(this, java.util.Collections.unmodifiableMap(new TreeMap<>(versions)));
        }
    }

    /** The public-endpoint rule, shared with the config parser: {problem, fix} pairs. */
    public static List<String[]> publicAccessProblems(EndpointAccess access, List<String> cidrs) {
        var out = new java.util.ArrayList<String[]>();
        if (access == EndpointAccess.PRIVATE) {
            if (!cidrs.isEmpty()) {
                out.add(new String[]{"is set but endpointAccess is private", "remove it, or set endpointAccess: public-and-private"});
            }
            return out;
        }
        if (cidrs.isEmpty()) {
            out.add(new String[]{"is empty: a public endpoint needs an explicit allowlist",
                    "list the CIDRs that may reach the API, e.g. [203.0.113.0/24], or keep endpointAccess: private"});
        }
        for (var c : cidrs) {
            var parsed = Ipv4Cidr.tryParse(c);
            if (c.trim().equals("::/0") || parsed.map(x -> x.prefix() == 0).orElse(false)) {
                out.add(new String[]{"'" + c + "' opens the API to the whole internet",
                        "list only the networks that must reach it (office, CI runners)"});
            } else if (parsed.isEmpty()) {
                out.add(new String[]{"'" + c + "' is not an IPv4 CIDR block", "write it as a.b.c.d/n"});
            }
        }
        return out;
    }
}
