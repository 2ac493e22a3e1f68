package io.acgs2.components.mesh;

import com.pulumi.resources.Resource;
import io.acgs2.components.common.ArgsProblems;

import java.util.ArrayList;
import java.util.List;

/** Inputs of {@link AcgsService}. Build with {@link #builder()}. */
public final class AcgsServiceArgs {

    /** The path the probes call (the ACGS-2 guides' services answer /health). */
    public static final String HEALTH_PATH = "/health";

    private final ServiceSpec spec;
    private final String region;
    private final String namespace;
    private final String tenantHeader;
    private final String tenantClaim;
    private final List<String> deniedTenants;
    private final JwtIssuer jwt;
    private final List<Resource> after;
    private final PodWiring wiring;

    private AcgsServiceArgs(Builder b) {
        this.spec = b.spec;
        this.region = b.region;
        this.namespace = b.namespace;
        this.tenantHeader = b.tenantHeader;
        this.tenantClaim = b.tenantClaim;
        this.deniedTenants = List.copyOf(b.deniedTenants);
        this.jwt = b.jwt;
        this.after = List.copyOf(b.after);
        this.wiring = b.wiring;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The service as configured. Required. */
    public ServiceSpec spec() {
        return spec;
    }

    /** The cluster's region (the locality's region, and where GPUs are chosen). Required. */
    public String region() {
        return region;
    }

    /** The services namespace (the cluster baseline's, Pod Security restricted). Required. */
    public String namespace() {
        return namespace;
    }

    /** The header that names a request's tenant. Required. */
    public String tenantHeader() {
        return tenantHeader;
    }

    /** The JWT claim that names a request's tenant. Required. */
    public String tenantClaim() {
        return tenantClaim;
    }

    /** Tenants whose zone does not allow this region: their requests are refused here. Default: none. */
    public List<String> deniedTenants() {
        return deniedTenants;
    }

    /** The tokens' issuer: the service validates them (RequestAuthentication). Default: none. */
    public java.util.Optional<JwtIssuer> jwt() {
        return java.util.Optional.ofNullable(jwt);
    }

    /** Its data wiring: service account, endpoints, secrets. Default: none (the pods get no identity and no endpoints). */
    public java.util.Optional<PodWiring> wiring() {
        return java.util.Optional.ofNullable(wiring);
    }

    /** What must exist first (the mesh, the namespace). Default: none. */
    public List<Resource> after() {
        return after;
    }

    public static final class Builder {
        private ServiceSpec spec;
        private String region;
        private String namespace;
        private String tenantHeader;
        private String tenantClaim;
        private List<String> deniedTenants = List.of();
        private JwtIssuer jwt;
        private final List<Resource> after = new ArrayList<>();
        private PodWiring wiring;

        public Builder wiring(PodWiring v) {
            this.wiring = v;
            return this;
        }

        private Builder() {
        }

        public Builder spec(ServiceSpec v) {
            this.spec = v;
            return this;
        }

        public Builder region(String v) {
            this.region = v;
            return this;
        }

        public Builder namespace(String v) {
            this.namespace = v;
            return this;
        }

        public Builder tenantHeader(String v) {
            this.tenantHeader = v;
            return this;
        }

        public Builder tenantClaim(String v) {
            this.tenantClaim = v;
            return this;
        }

        public Builder deniedTenants(List<String> v) {
            this.deniedTenants = v == null ? List.of() : v;
            return this;
        }

        public Builder jwt(java.util.Optional<JwtIssuer> v) {
            this.jwt = v == null ? null : v.orElse(null);
            return this;
        }

        public Builder after(List<? extends Resource> v) {
            this.after.addAll(v);
            return this;
        }

        public AcgsServiceArgs build() {
            var p = new ArgsProblems("AcgsServiceArgs");
            if (p.require("spec", spec, "pass the service's ServiceSpec") != null) {
                spec.traffic().validate().forEach(f -> p.add("spec.traffic." + f.field(), f.finding().problem(), f.finding().fix()));
            }
            p.require("region", region, "pass the cluster's region");
            p.require("namespace", namespace, "pass the services namespace");
            p.require("tenantHeader", tenantHeader, "pass the tenant header, e.g. x-acgs2-tenant");
            p.require("tenantClaim", tenantClaim, "pass the tenant claim, e.g. acgs2_tenant");
            p.throwIfAny();
            return new AcgsServiceArgs(this);
        }
    }
}
