package io.acgs2.components.events;

import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.acgs2.components.kubernetes.KubernetesPlugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Strimzi cluster operator of one region's cluster, from its official chart at
 * {@link StrimziVersions#OPERATOR}: it runs in the kafka namespace and watches only that namespace,
 * and gives every pod it creates the restricted Pod Security context (the namespace enforces
 * restricted).
 */
public class StrimziOperator extends ComponentResource {

    public static final String TYPE = "acgs2:events:StrimziOperator";

    /** The operator (its CRDs serve kafka.strimzi.io/v1): Kafka objects wait for it. */
    public final Release release;

    public StrimziOperator(String name, StrimziOperatorArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.release = new Release(name + "-operator", ReleaseArgs.builder()
                .name("strimzi-cluster-operator")
                .chart(StrimziVersions.CHART)
                .version(args.version())
                .namespace(args.namespace())
                .values(values(args.namespace()))
                .build(), KubernetesPlugin.pinned(CustomResourceOptions.builder().parent(this)
                .provider(args.cluster().kubernetesProvider()).dependsOn(new ArrayList<Resource>(args.after())).build()));
        this.registerOutputs(Map.of("namespace", release.namespace()));
    }

    static Map<String, Object> values(String namespace) {
        return Map.of(
                // only its own namespace: no cluster-wide watch, no RoleBindings elsewhere
                "watchNamespaces", List.of(),
                "watchAnyNamespace", false,
                "replicas", 1,
                "extraEnvs", List.of(Map.of("name", "STRIMZI_POD_SECURITY_PROVIDER_CLASS", "value", "restricted")),
                "resources", Map.of("requests", Map.of("cpu", "200m", "memory", "384Mi"),
                        "limits", Map.of("cpu", "1", "memory", "384Mi")));
    }
}
