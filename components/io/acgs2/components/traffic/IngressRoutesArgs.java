package io.acgs2.components.traffic;

import com.pulumi.resources.Resource;
import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.compute.ClusterCore;
import io.acgs2.components.mesh.ServiceSpec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Inputs of {@link IngressRoutes}. Build with {@link #builder()}: {@code build()} rejects every bad
 * field at once, naming it and the fix.
 */
public final class IngressRoutesArgs {

    /** A path prefix and the service it reaches (the prefix is stripped). */
    public record Route(String prefix, ServiceSpec service) {
    }

    /**
     * A tenant this region refuses (its zone does not include the region), and where it is served.
     *
     * @param zone     the tenant's zone
     * @param hostname the zone's API hostname, if the front door serves the zone
     */
    public record Refused(String zone, Optional<String> hostname) {
    }

    private final ClusterCore cluster;
    private final String namespace;
    private final String servicesNamespace;
    private final String gatewayRef;
    private final String region;
    private final List<String> hostnames;
    private final List<Route> routes;
    private final ServiceSpec healthService;
    private final String healthPath;
    private final Map<String, Refused> refusedTenants;
    private final String tenantHeader;
    private final Optional<String> tenantClaim;
    private final List<Resource> after;

    private IngressRoutesArgs(Builder b) {
        this.cluster = b.cluster;
        this.namespace = b.namespace;
        this.servicesNamespace = b.servicesNamespace;
        this.gatewayRef = b.gatewayRef;
        this.region = b.region;
        this.hostnames = List.copyOf(b.hostnames);
        // longest prefix first: Istio takes the first match
        this.routes = b.routes.stream().sorted((x, y) -> y.prefix().length() != x.prefix().length()
                ? Integer.compare(y.prefix().length(), x.prefix().length()) : x.prefix().compareTo(y.prefix())).toList();
        this.healthService = b.healthService;
        this.healthPath = b.healthPath == null ? HealthCheckSettings.DEFAULT_PATH : b.healthPath;
        this.refusedTenants = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(b.refusedTenants));
        this.tenantHeader = b.tenantHeader;
        this.tenantClaim = b.tenantClaim == null ? Optional.empty() : b.tenantClaim;
        this.after = b.after == null ? List.of() : List.copyOf(b.after);
    }

    public static Builder builder() {
        return new Builder();
    }

    public ClusterCore cluster() {
        return cluster;
    }

    /** The front door's namespace (the routes live there, bound to its gateway only). Required. */
    public String namespace() {
        return namespace;
    }

    /** The services' namespace (the per-region health Service goes there). Required. */
    public String servicesNamespace() {
        return servicesNamespace;
    }

    /** The gateway the routes bind to, namespace/name. Required. */
    public String gatewayRef() {
        return gatewayRef;
    }

    /** This region (the health route reaches only its own pods). Required. */
    public String region() {
        return region;
    }

    /** The hostnames routed: the zone's and the region's. Required. */
    public List<String> hostnames() {
        return hostnames;
    }

    /** Prefix routes, longest prefix first. Default: none. */
    public List<Route> routes() {
        return routes;
    }

    /** The service whose health here is the region's. Required. */
    public ServiceSpec healthService() {
        return healthService;
    }

    /** The health check's path. Default: /health. */
    public String healthPath() {
        return healthPath;
    }

    /** Tenants the region refuses at the edge, by id. Default: none. */
    public Map<String, Refused> refusedTenants() {
        return refusedTenants;
    }

    /** The header that names a request's tenant. Required. */
    public String tenantHeader() {
        return tenantHeader;
    }

    /** The JWT claim that names it, when the gateway validates tokens. Default: none. */
    public Optional<String> tenantClaim() {
        return tenantClaim;
    }

    public List<Resource> after() {
        return after;
    }

    /** The Service that reaches only this region's pods of the health service (no other cluster has its name). */
    public String healthServiceName() {
        return healthService.name() + "-" + region;
    }

    public static final class Builder {
        private ClusterCore cluster;
        private String namespace;
        private String servicesNamespace;
        private String gatewayRef;
        private String region;
        private List<String> hostnames = List.of();
        private List<Route> routes = List.of();
        private ServiceSpec healthService;
        private String healthPath;
        private Map<String, Refused> refusedTenants = Map.of();
        private String tenantHeader;
        private Optional<String> tenantClaim;
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

        public Builder gatewayRef(String v) {
            this.gatewayRef = v;
            return this;
        }

        public Builder region(String v) {
            this.region = v;
            return this;
        }

        public Builder hostnames(List<String> v) {
            this.hostnames = v;
            return this;
        }

        public Builder routes(List<Route> v) {
            this.routes = v;
            return this;
        }

        public Builder healthService(ServiceSpec v) {
            this.healthService = v;
            return this;
        }

        public Builder healthPath(String v) {
            this.healthPath = v;
            return this;
        }

        public Builder refusedTenants(Map<String, Refused> v) {
            this.refusedTenants = v;
            return this;
        }

        public Builder tenantHeader(String v) {
            this.tenantHeader = v;
            return this;
        }

        public Builder tenantClaim(Optional<String> v) {
            this.tenantClaim = v;
            return this;
        }

        public Builder after(List<? extends Resource> v) {
            this.after = v;
            return this;
        }

        public IngressRoutesArgs build() {
            var p = new ArgsProblems("IngressRoutesArgs");
            p.require("cluster", cluster, "pass the region's ClusterCore");
            p.require("namespace", namespace, "pass the front door's namespace");
            p.require("servicesNamespace", servicesNamespace, "pass the services' namespace");
            p.require("gatewayRef", gatewayRef, "pass the gateway as namespace/name");
            p.require("region", region, "pass the region");
            p.require("healthService", healthService, "name the service whose health is the region's");
            p.require("tenantHeader", tenantHeader, "pass the tenant header, e.g. x-acgs2-tenant");
            if (hostnames.isEmpty()) {
                p.add("hostnames", "is empty", "pass the zone's and the region's hostnames");
            }
            var prefixes = new java.util.HashSet<String>();
            routes.forEach(r -> {
                if (!prefixes.add(r.prefix())) {
                    p.add("routes", "prefix " + r.prefix() + " is routed twice", "route each prefix to one service");
                }
            });
            if (healthService != null && region != null && (healthService.name() + "-" + region).length() > 63) {
                p.add("healthService", "'" + healthService.name() + "-" + region + "' is too long for a Service name",
                        "use a shorter service name");
            }
            p.throwIfAny();
            return new IngressRoutesArgs(this);
        }
    }
}
