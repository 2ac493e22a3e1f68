package io.acgs2.components.platform;

import com.pulumi.core.Output;
import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.compute.ClusterCore;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Inputs of {@link TenantResidency}. Build with {@link #builder()}; {@code build()} rejects every bad
 * field at once, naming the field and the fix.
 */
public final class TenantResidencyArgs {

    /** Lower-case RFC 1123 DNS label: tenant ids become label values and ConfigMap keys, zones become keys. */
    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
    /** AWS region names: the ConfigMap joins them with ',', so none may contain one. */
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-[0-9]+$");

    private final ClusterCore cluster;
    private final Output<String> namespace;
    private final Map<String, String> tenants;
    private final Map<String, List<String>> zones;

    private TenantResidencyArgs(Builder b) {
        this.cluster = b.cluster;
        this.namespace = b.namespace;
        // sorted copies: the ConfigMap's data (and so its diff) is the same whatever order the caller used
        this.tenants = Collections.unmodifiableMap(new TreeMap<>(b.tenants));
        var z = new TreeMap<String, List<String>>();
        b.zones.forEach((k, v) -> z.put(k, List.copyOf(v)));
        this.zones = Collections.unmodifiableMap(z);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The region's EKS cluster: its region is the one workloads are admitted in, and every child goes
     * through its Kubernetes provider after its {@code ready} resources. Required.
     */
    public ClusterCore cluster() {
        return cluster;
    }

    /**
     * The namespace the {@code tenant-residency-config} ConfigMap lives in (the platform baseline
     * creates it; pass its output so the ConfigMap waits for it). Required.
     */
    public Output<String> namespace() {
        return namespace;
    }

    /** Tenant id -> residency zone, sorted by id. Required; may be empty (then every labelled workload is denied). */
    public Map<String, String> tenants() {
        return tenants;
    }

    /** Zone -> the AWS regions it allows, sorted by zone. Required. */
    public Map<String, List<String>> zones() {
        return zones;
    }

    public static final class Builder {
        private ClusterCore cluster;
        private Output<String> namespace;
        private Map<String, String> tenants;
        private Map<String, List<String>> zones;

        private Builder() {
        }

        public Builder cluster(ClusterCore cluster) {
            this.cluster = cluster;
            return this;
        }

        public Builder namespace(Output<String> namespace) {
            this.namespace = namespace;
            return this;
        }

        public Builder namespace(String namespace) {
            this.namespace = namespace == null ? null : Output.of(namespace);
            return this;
        }

        public Builder tenants(Map<String, String> tenants) {
            this.tenants = tenants;
            return this;
        }

        public Builder zones(Map<String, List<String>> zones) {
            this.zones = zones;
            return this;
        }

        /** The declared zone names, sorted, for messages (null-safe: a null key is reported, not thrown on). */
        private List<String> declared() {
            return zones == null ? List.of() : zones.keySet().stream().filter(java.util.Objects::nonNull).sorted().toList();
        }

        public TenantResidencyArgs build() {
            var p = new ArgsProblems("TenantResidencyArgs");
            if (p.require("cluster", cluster, "pass the region's ClusterCore (EksCluster.core())") != null) {
                if (cluster.region() == null || cluster.region().isBlank()) {
                    p.add("cluster.region", "is blank", "build the ClusterCore with the cluster's AWS region, e.g. eu-west-1");
                }
                p.require("cluster.kubernetesProvider", cluster.kubernetesProvider(),
                        "build the ClusterCore with the cluster's Kubernetes provider");
            }
            p.require("namespace", namespace, "pass the namespace the platform baseline creates for tenant-residency-config");
            if (p.require("zones", zones, "pass zone -> regions, e.g. {gdpr: [eu-west-1, eu-west-3]}") != null) {
                zones.forEach((zone, regions) -> {
                    if (zone == null || !DNS_LABEL.matcher(zone).matches()) {
                        p.add("zones", "zone name '" + zone + "' is not a lower-case DNS label",
                                "use lower-case letters, digits and '-', at most 63, starting and ending alphanumeric (e.g. gdpr)");
                    }
                    if (regions == null || regions.isEmpty()) {
                        p.add("zones." + zone, "lists no regions", "list the AWS regions the zone allows, e.g. [eu-west-1]");
                    } else {
                        for (var region : regions) {
                            if (region == null || !REGION.matcher(region).matches()) {
                                p.add("zones." + zone, "'" + region + "' is not an AWS region name", "write e.g. eu-west-1");
                            }
                        }
                    }
                });
            }
            if (p.require("tenants", tenants, "pass tenant id -> zone (an empty map when there are no tenants yet)") != null) {
                tenants.forEach((tenant, zone) -> {
                    if (tenant == null || !DNS_LABEL.matcher(tenant).matches()) {
                        p.add("tenants", "tenant id '" + tenant + "' is not a lower-case DNS label",
                                "use lower-case letters, digits and '-', at most 63, starting and ending alphanumeric"
                                        + " (it is the acgs2.io/tenant label value)");
                    }
                    if (zone == null) {
                        p.add("tenants." + tenant, "has no zone", "name one of the declared zones " + declared());
                    } else if (zones != null && !zones.containsKey(zone)) {
                        p.add("tenants." + tenant, "zone '" + zone + "' is not a declared zone",
                                "use one of " + declared() + " or declare '" + zone + "' in zones");
                    }
                });
            }
            p.throwIfAny();
            return new TenantResidencyArgs(this);
        }
    }
}
