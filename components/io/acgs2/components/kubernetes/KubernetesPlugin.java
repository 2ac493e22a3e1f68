package io.acgs2.components.kubernetes;

import com.pulumi.resources.CustomResourceOptions;

/**
 * The kubernetes provider plugin the program runs with. The 4.0.0 Java SDK's own default plugin
 * predates the admissionregistration v1 APIs (ValidatingAdmissionPolicy is GA since Kubernetes 1.30),
 * so the cluster's provider and every object created through it pin a current plugin.
 */
public final class KubernetesPlugin {

    /** pulumi-kubernetes plugin version. Upgrade here, in one place. */
    public static final String VERSION = "4.34.2";

    private KubernetesPlugin() {
    }

    /**
     * Options of an object a component puts in a cluster: parented to the component, through the
     * cluster's provider, after {@code dependsOn}, with the plugin pinned.
     */
    public static CustomResourceOptions inCluster(com.pulumi.resources.Resource parent, com.pulumi.resources.ProviderResource provider,
                                                  java.util.List<? extends com.pulumi.resources.Resource> dependsOn) {
        return pinned(CustomResourceOptions.builder().parent(parent).provider(provider)
                .dependsOn(new java.util.ArrayList<com.pulumi.resources.Resource>(dependsOn)).build());
    }

    /** {@code options} with the plugin version pinned. */
    public static CustomResourceOptions pinned(CustomResourceOptions options) {
        return CustomResourceOptions.merge(options, CustomResourceOptions.builder().version(VERSION).build());
    }
}
