package io.acgs2.components.kubernetes;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.acgs2.components.common.ArgsProblems;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Inputs of {@link KubernetesObject}: apiVersion, kind, metadata and the top-level body fields
 * (usually {@code spec}; {@code data} for ConfigMap-like kinds). Build with {@link #builder()}.
 */
public final class KubernetesObjectArgs extends ResourceArgs {

    private static final Pattern API_VERSION = Pattern.compile("^([a-z0-9.-]+/)?v[0-9]+((alpha|beta)[0-9]+)?$");
    private static final Pattern KIND = Pattern.compile("^[A-Z][A-Za-z0-9]*$");

    @Import(name = "apiVersion", required = true)
    private Output<String> apiVersion;

    @Import(name = "kind", required = true)
    private Output<String> kind;

    @Import(name = "metadata", required = true)
    private Output<Map<String, Object>> metadata;

    @Import(name = "spec")
    private Output<Map<String, Object>> spec;

    @Import(name = "data")
    private Output<Map<String, Object>> data;

    private String apiVersionValue;
    private String kindValue;
    private boolean patchValue;

    private KubernetesObjectArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@code kubernetes:<apiVersion>:<Kind>}, e.g. kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicy;
     * the core group has no name in apiVersion (v1) but is {@code core} in the token (kubernetes:core/v1:Service);
     * a {@link Builder#patch() patch} is the kind's Patch resource (kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinitionPatch).
     */
    public String typeToken() {
        return "kubernetes:" + (apiVersionValue.contains("/") ? apiVersionValue : "core/" + apiVersionValue) + ":" + kindValue
                + (patchValue ? "Patch" : "");
    }

    public String apiVersion() {
        return apiVersionValue;
    }

    public String kind() {
        return kindValue;
    }

    public static final class Builder {
        private String apiVersion;
        private String kind;
        private Map<String, Object> metadata;
        private Output<Map<String, Object>> spec;
        private Output<Map<String, Object>> data;
        private boolean patch;

        private Builder() {
        }

        /** e.g. admissionregistration.k8s.io/v1, networking.istio.io/v1, kafka.strimzi.io/v1. Required. */
        public Builder apiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        /** e.g. ValidatingAdmissionPolicy. Required. */
        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        /** name (required), and namespace, labels, annotations as the kind needs. */
        public Builder metadata(Map<String, Object> metadata) {
            this.metadata = metadata;
            return this;
        }

        public Builder spec(Map<String, Object> spec) {
            this.spec = Output.of(spec);
            return this;
        }

        public Builder spec(Output<Map<String, Object>> spec) {
            this.spec = spec;
            return this;
        }

        public Builder data(Map<String, Object> data) {
            this.data = Output.of(data);
            return this;
        }

        /**
         * Register the kind's Patch resource instead: the provider server-side applies it whether or
         * not the object exists (it adopts one another tool made) and never deletes the object (a
         * delete gives up its fields). Default: a plain resource, whose create fails if the object exists.
         */
        public Builder patch() {
            this.patch = true;
            return this;
        }

        public KubernetesObjectArgs build() {
            var p = new ArgsProblems("KubernetesObjectArgs");
            if (p.require("apiVersion", apiVersion, "pass group/version, e.g. admissionregistration.k8s.io/v1") != null
                    && !API_VERSION.matcher(apiVersion).matches()) {
                p.add("apiVersion", "'" + apiVersion + "' is not group/version", "write e.g. networking.istio.io/v1");
            }
            if (p.require("kind", kind, "pass the kind, e.g. ValidatingAdmissionPolicy") != null && !KIND.matcher(kind).matches()) {
                p.add("kind", "'" + kind + "' is not a Kubernetes kind", "write it in UpperCamelCase, e.g. DestinationRule");
            }
            if (p.require("metadata", metadata, "pass at least {name: ...}") != null
                    && !(metadata.get("name") instanceof String s && !s.isBlank())) {
                p.add("metadata.name", "is required", "name the object");
            }
            if (spec == null && data == null) {
                p.add("spec", "is required", "pass the object's spec (or data)");
            }
            p.throwIfAny();
            var args = new KubernetesObjectArgs();
            args.apiVersionValue = apiVersion;
            args.kindValue = kind;
            args.patchValue = patch;
            args.apiVersion = Output.of(apiVersion);
            args.kind = Output.of(kind);
            args.metadata = Output.of(new LinkedHashMap<>(metadata));
            args.spec = spec;
            args.data = data;
            return args;
        }
    }
}
