package io.acgs2.components.kubernetes;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * Any Kubernetes object by apiVersion and kind, for kinds the 4.0.0 Java SDK has no class for
 * (admissionregistration.k8s.io/v1, Istio, Strimzi). Its type token is the one the kubernetes
 * provider gives the kind ({@code kubernetes:<apiVersion>:<Kind>}), so the provider, the engine and
 * the policy pack see it exactly as a generated class. It needs the cluster's provider (pinned to
 * {@link KubernetesPlugin#VERSION}, which serves these APIs).
 */
public class KubernetesObject extends CustomResource {

    /** The object's metadata as the cluster returns it. */
    @Export(name = "metadata", refs = {Map.class, String.class, Object.class}, tree = "[0,1,2]")
    private Output<Map<String, Object>> metadata;

    public KubernetesObject(String name, KubernetesObjectArgs args, CustomResourceOptions options) {
        super(args.typeToken(), name, args, KubernetesPlugin.pinned(options));
    }

    public Output<Map<String, Object>> metadata() {
        return metadata;
    }
}
