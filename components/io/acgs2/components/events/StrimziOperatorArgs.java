package io.acgs2.components.events;

import com.pulumi.resources.Resource;
import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.compute.ClusterCore;

import java.util.ArrayList;
import java.util.List;

/** Inputs of {@link StrimziOperator}. Build with {@link #builder()}. */
public final class StrimziOperatorArgs {

    public static final String DEFAULT_NAMESPACE = "kafka";

    private final ClusterCore cluster;
    private final String namespace;
    private final String version;
    private final List<Resource> after;

    private StrimziOperatorArgs(Builder b) {
        this.cluster = b.cluster;
        this.namespace = b.namespace == null ? DEFAULT_NAMESPACE : b.namespace;
        this.version = b.version == null ? StrimziVersions.OPERATOR : b.version;
        this.after = List.copyOf(b.after);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Required. */
    public ClusterCore cluster() {
        return cluster;
    }

    /** The namespace it runs in and the only one it watches (the baseline's, Pod Security restricted). Default: kafka. */
    public String namespace() {
        return namespace;
    }

    /** Default: {@link StrimziVersions#OPERATOR}. Must be the release the vendored CRDs are for ({@link StrimziCrds#version()}). */
    public String version() {
        return version;
    }

    /** What must exist first (the cluster baseline). */
    public List<Resource> after() {
        return after;
    }

    public static final class Builder {
        private ClusterCore cluster;
        private String namespace;
        private String version;
        private final List<Resource> after = new ArrayList<>();

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

        public Builder version(String v) {
            this.version = v;
            return this;
        }

        public Builder after(List<? extends Resource> v) {
            this.after.addAll(v);
            return this;
        }

        public StrimziOperatorArgs build() {
            var p = new ArgsProblems("StrimziOperatorArgs");
            p.require("cluster", cluster, "pass the EKS cluster's core");
            var v = version == null ? StrimziVersions.OPERATOR : version;
            var crds = StrimziCrds.version();
            if (!v.equals(crds)) {
                p.add("version", "is " + v + " but the vendored CRDs the program applies are Strimzi " + crds,
                        "run schemas/refresh after raising StrimziVersions.OPERATOR");
            }
            p.throwIfAny();
            return new StrimziOperatorArgs(this);
        }
    }
}
