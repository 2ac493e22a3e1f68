package io.acgs2.components.traffic;

import com.pulumi.resources.Resource;
import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.compute.ClusterCore;
import io.acgs2.components.mesh.IstioVersions;
import io.acgs2.components.mesh.JwtIssuer;
import io.acgs2.components.network.Ipv4Cidr;

import java.util.List;
import java.util.Optional;

/**
 * Inputs of {@link IngressGateway}. Build with {@link #builder()}: {@code build()} rejects every bad
 * field at once, naming it and the fix.
 */
public final class IngressGatewayArgs {

    public static final int DEFAULT_MIN_REPLICAS = 2;
    public static final int DEFAULT_MAX_REPLICAS = 6;
    /** The self-signed certificate of the ALB-to-gateway hop: two years, renewed a month ahead. */
    public static final int TLS_VALIDITY_HOURS = 2 * 365 * 24;
    public static final int TLS_EARLY_RENEWAL_HOURS = 30 * 24;

    private final ClusterCore cluster;
    private final String namespace;
    private final String servicesNamespace;
    private final List<String> hostnames;
    private final List<Ipv4Cidr> publicRanges;
    private final String version;
    private final int minReplicas;
    private final int maxReplicas;
    private final Optional<JwtIssuer> jwt;
    private final List<Resource> after;

    private IngressGatewayArgs(Builder b) {
        this.cluster = b.cluster;
        this.namespace = b.namespace;
        this.servicesNamespace = b.servicesNamespace;
        this.hostnames = List.copyOf(b.hostnames);
        this.publicRanges = List.copyOf(b.publicRanges);
        this.version = b.version == null ? IstioVersions.VERSION : b.version;
        this.minReplicas = b.minReplicas == null ? DEFAULT_MIN_REPLICAS : b.minReplicas;
        this.maxReplicas = b.maxReplicas == null ? DEFAULT_MAX_REPLICAS : b.maxReplicas;
        this.jwt = b.jwt == null ? Optional.empty() : b.jwt;
        this.after = b.after == null ? List.of() : List.copyOf(b.after);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The region's cluster. Required. */
    public ClusterCore cluster() {
        return cluster;
    }

    /** The front door's namespace (the baseline's). Required. */
    public String namespace() {
        return namespace;
    }

    /** Where the services run: the gateway reaches them there. Required. */
    public String servicesNamespace() {
        return servicesNamespace;
    }

    /** The names the gateway's certificate carries (the zone's and the region's hostnames). Required. */
    public List<String> hostnames() {
        return hostnames;
    }

    /** Where the ALB's addresses are (the VPC's public tier): the only clients of the gateway. Required. */
    public List<Ipv4Cidr> publicRanges() {
        return publicRanges;
    }

    /** The Istio gateway chart's version. Default: {@link IstioVersions#VERSION} (the mesh's). */
    public String version() {
        return version;
    }

    /** Gateway replicas at least (over zones, one always kept in a drain). Default: 2. */
    public int minReplicas() {
        return minReplicas;
    }

    /** Gateway replicas at most. Default: 6. */
    public int maxReplicas() {
        return maxReplicas;
    }

    /** The tokens' issuer: with it the gateway validates them, so routes may match the tenant claim. Default: none. */
    public Optional<JwtIssuer> jwt() {
        return jwt;
    }

    /** What the gateway waits for (the mesh). Default: nothing. */
    public List<Resource> after() {
        return after;
    }

    public static final class Builder {
        private ClusterCore cluster;
        private String namespace;
        private String servicesNamespace;
        private List<String> hostnames = List.of();
        private List<Ipv4Cidr> publicRanges = List.of();
        private String version;
        private Integer minReplicas;
        private Integer maxReplicas;
        private Optional<JwtIssuer> jwt;
        private List<? extends Resource> after;

        private Builder() {
        }

        public Builder cluster(ClusterCore v) {
            this.cluster = v;
            return this;
        }

        public Builder namespace(String v) {
            this.namespace = v;
            return this;
        }

        public Builder servicesNamespace(String v) {
            this.servicesNamespace = v;
            return this;
        }

        public Builder hostnames(List<String> v) {
            this.hostnames = v;
            return this;
        }

        public Builder publicRanges(List<Ipv4Cidr> v) {
            this.publicRanges = v;
            return this;
        }

        public Builder version(String v) {
            this.version = v;
            return this;
        }

        public Builder minReplicas(int v) {
            this.minReplicas = v;
            return this;
        }

        public Builder maxReplicas(int v) {
            this.maxReplicas = v;
            return this;
        }

        public Builder jwt(Optional<JwtIssuer> v) {
            this.jwt = v;
            return this;
        }

        public Builder after(List<? extends Resource> v) {
            this.after = v;
            return this;
        }

        public IngressGatewayArgs build() {
            var p = new ArgsProblems("IngressGatewayArgs");
            p.require("cluster", cluster, "pass the region's ClusterCore");
            p.require("namespace", namespace, "pass the front door's namespace");
            p.require("servicesNamespace", servicesNamespace, "pass the services' namespace");
            if (hostnames.isEmpty()) {
                p.add("hostnames", "is empty", "pass the zone's and the region's hostnames");
            }
            if (publicRanges.isEmpty()) {
                p.add("publicRanges", "is empty", "pass the VPC's public tier, where the ALB's addresses are");
            }
            int min = minReplicas == null ? DEFAULT_MIN_REPLICAS : minReplicas;
            int max = maxReplicas == null ? DEFAULT_MAX_REPLICAS : maxReplicas;
            if (min < 2) {
                p.add("minReplicas", "is " + min, "keep at least 2: a node drain must not take the front door down");
            }
            if (max < min) {
                p.add("maxReplicas", max + " is below minReplicas " + min, "raise it");
            }
            p.throwIfAny();
            return new IngressGatewayArgs(this);
        }
    }
}
