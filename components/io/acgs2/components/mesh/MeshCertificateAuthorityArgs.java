package io.acgs2.components.mesh;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.compute.ClusterCore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Inputs of {@link MeshCertificateAuthority}. Build with {@link #builder()}. */
public final class MeshCertificateAuthorityArgs {

    /**
     * An intermediate signed outside Pulumi (the root stays offline).
     *
     * @param certPem     the intermediate certificate (PEM)
     * @param keyPem      its private key (PEM; secret)
     * @param rootCertPem the root certificate (PEM)
     */
    public record Provided(Output<String> certPem, Output<String> keyPem, Output<String> rootCertPem) {
    }

    /**
     * The mesh root as the region that generated it exports it.
     *
     * @param certPem the root certificate (PEM)
     * @param keyPem  the root key (PEM; secret)
     */
    public record Root(Output<String> certPem, Output<String> keyPem) {
    }

    private final String clusterName;
    private final MeshCaSettings settings;
    private final boolean generateRoot;
    private final Root root;
    private final Provided provided;
    private final ClusterCore cluster;
    private final List<Resource> after;

    private MeshCertificateAuthorityArgs(Builder b) {
        this.clusterName = b.clusterName;
        this.settings = b.settings == null ? MeshCaSettings.defaults() : b.settings;
        this.generateRoot = b.generateRoot;
        this.root = b.root;
        this.provided = b.provided;
        this.cluster = b.cluster;
        this.after = List.copyOf(b.after);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This cluster's mesh name (in the intermediate's subject). Required. */
    public String clusterName() {
        return clusterName;
    }

    /** Lifetimes. Default: {@link MeshCaSettings#defaults()}. */
    public MeshCaSettings settings() {
        return settings;
    }

    /** Whether this region generates the root (the partition's first region, with root: generated). */
    public boolean generateRoot() {
        return generateRoot;
    }

    /** The root another region generated (to sign this region's intermediate). */
    public Optional<Root> root() {
        return Optional.ofNullable(root);
    }

    /** An intermediate signed offline (root: provided). */
    public Optional<Provided> provided() {
        return Optional.ofNullable(provided);
    }

    /** The cluster that gets the {@code cacerts} secret. Required. */
    public ClusterCore cluster() {
        return cluster;
    }

    /** What the secret waits for (the istio-system namespace). */
    public List<Resource> after() {
        return after;
    }

    public static final class Builder {
        private String clusterName;
        private MeshCaSettings settings;
        private boolean generateRoot;
        private Root root;
        private Provided provided;
        private ClusterCore cluster;
        private final List<Resource> after = new ArrayList<>();

        private Builder() {
        }

        public Builder clusterName(String v) {
            this.clusterName = v;
            return this;
        }

        public Builder settings(MeshCaSettings v) {
            this.settings = v;
            return this;
        }

        public Builder generateRoot(boolean v) {
            this.generateRoot = v;
            return this;
        }

        public Builder root(Root v) {
            this.root = v;
            return this;
        }

        public Builder provided(Provided v) {
            this.provided = v;
            return this;
        }

        public Builder cluster(ClusterCore v) {
            this.cluster = v;
            return this;
        }

        public Builder after(List<? extends Resource> v) {
            this.after.addAll(v);
            return this;
        }

        public MeshCertificateAuthorityArgs build() {
            var p = new ArgsProblems("MeshCertificateAuthorityArgs");
            p.require("clusterName", clusterName, "pass this cluster's mesh name");
            p.require("cluster", cluster, "pass the EKS cluster's core");
            int sources = (generateRoot ? 1 : 0) + (root != null ? 1 : 0) + (provided != null ? 1 : 0);
            if (sources != 1) {
                p.add("root", sources == 0 ? "no CA source is given" : "more than one CA source is given",
                        "pass exactly one of generateRoot(true), root(...) from the generating region, or provided(...)");
            }
            if (settings != null) {
                settings.validate().forEach(f -> p.add("settings." + f.field(), f.finding().problem(), f.finding().fix()));
            }
            p.throwIfAny();
            return new MeshCertificateAuthorityArgs(this);
        }
    }
}
