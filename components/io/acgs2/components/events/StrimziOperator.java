package io.acgs2.components.events;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.acgs2.components.kubernetes.KubernetesObject;
import io.acgs2.components.kubernetes.KubernetesObjectArgs;
import io.acgs2.components.kubernetes.KubernetesPlugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Strimzi cluster operator of one region's cluster, from its official chart at
 * {@link StrimziVersions#OPERATOR}: it runs in the kafka namespace and watches only that namespace,
 * and gives every pod it creates the restricted Pod Security context (the namespace enforces
 * restricted). Its CRDs are the program's, not the chart's: Helm installs a chart's {@code crds/}
 * only on first install and never upgrades them, so the release skips them and waits for the
 * vendored ones ({@link StrimziCrds}), which every {@code up} applies first.
 */
public class StrimziOperator extends ComponentResource {

    public static final String TYPE = "acgs2:events:StrimziOperator";

    /** The operator, installed after its CRDs (they serve kafka.strimzi.io/v1): Kafka objects wait for it, so for them. */
    public final Release release;

    /** pulumi-kubernetes' annotation that forces a server-side apply over other field managers' conflicting fields. */
    static final String PATCH_FORCE = "pulumi.com/patchForce";

    public StrimziOperator(String name, StrimziOperatorArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var provider = args.cluster().kubernetesProvider();
        var crds = new ArrayList<Resource>();
        var crdNames = new ArrayList<String>();
        for (var crd : StrimziCrds.all()) {
            var crdName = String.valueOf(((Map<?, ?>) crd.get("metadata")).get("name"));
            crdNames.add(crdName);
            crds.add(new KubernetesObject(name + "-crd-" + crdName, crd(crd), KubernetesPlugin.pinned(CustomResourceOptions.builder()
                    .parent(this).provider(provider).dependsOn(new ArrayList<Resource>(args.after()))
                    // deleting a CRD deletes every Kafka of its kind: never from here, as Helm never does
                    .retainOnDelete(true).build())));
        }
        var after = new ArrayList<Resource>(args.after());
        after.addAll(crds);
        this.release = new Release(name + "-operator", ReleaseArgs.builder()
                .name("strimzi-cluster-operator")
                .chart(StrimziVersions.CHART)
                .version(args.version())
                .namespace(args.namespace())
                .values(values(args.namespace()))
                .skipCrds(true)
                .build(), KubernetesPlugin.pinned(CustomResourceOptions.builder().parent(this)
                .provider(provider).dependsOn(after).build()));
        this.registerOutputs(Map.of("namespace", release.namespace(), "crds", Output.of(crdNames)));
    }

    /**
     * One vendored CRD, as a CustomResourceDefinitionPatch forced over other field managers.
     * <p>
     * Clusters whose release predates this already hold the CRDs (field manager {@code helm}). The
     * SSA guide documents a create of an existing object as an upsert, forced over conflicts by
     * {@code pulumi.com/patchForce: "true"}
     * (https://www.pulumi.com/registry/packages/kubernetes/how-to-guides/managing-resources-with-server-side-apply/),
     * but since plugin 4.29.0 (pinned: {@link KubernetesPlugin#VERSION}) a plain resource is created
     * client-side and fails AlreadyExists unless the provider sets {@code upsertExistingObjects}
     * (https://github.com/pulumi/pulumi-kubernetes/pull/4278); a Patch is still created by a
     * server-side apply. So: a Patch, which creates the CRDs in a new cluster and adopts Helm's;
     * patchForce, which takes the fields {@code helm} holds on the first up and on any upgrade that
     * changes a field it still co-owns; retainOnDelete, as a Patch's delete would give up a CRD's
     * required fields (and a CRD is never deleted from here).
     */
    static KubernetesObjectArgs crd(Map<String, Object> crd) {
        @SuppressWarnings("unchecked")
        var metadata = new LinkedHashMap<String, Object>((Map<String, Object>) crd.get("metadata"));
        @SuppressWarnings("unchecked")
        var annotations = metadata.get("annotations") instanceof Map<?, ?> a
                ? new LinkedHashMap<String, Object>((Map<String, Object>) a) : new LinkedHashMap<String, Object>();
        annotations.put(PATCH_FORCE, "true");
        metadata.put("annotations", annotations);
        @SuppressWarnings("unchecked")
        var spec = (Map<String, Object>) crd.get("spec");
        return KubernetesObjectArgs.builder().apiVersion(String.valueOf(crd.get("apiVersion"))).kind(String.valueOf(crd.get("kind")))
                .patch().metadata(metadata).spec(spec).build();
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
