package io.acgs2.components.mesh;

import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.compute.ClusterCore;
import io.acgs2.components.kubernetes.KubernetesPlugin;
import io.acgs2.testing.Fixtures.InRegion;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the mesh components' tests share: a cluster core under mocks and the shipped-like services. */
final class MeshFixtures {

    static final String CIDR = "10.20.0.0/16";

    private MeshFixtures() {
    }

    /** A cluster core as EksCluster hands it over: a Kubernetes provider and a ready add-on. */
    static ClusterCore core(InRegion r, String region) {
        var k8s = new com.pulumi.kubernetes.Provider("k8s", ProviderArgs.builder().kubeconfig("{}").build(),
                KubernetesPlugin.pinned(CustomResourceOptions.builder().build()));
        var ready = new Addon("ready", AddonArgs.builder().clusterName("acgs2-" + region).addonName("coredns").build(),
                CustomResourceOptions.builder().provider(r.provider()).build());
        return new ClusterCore(region, Output.of("acgs2-" + region), k8s, Output.of("vpc-1"), Output.of(List.of(CIDR)),
                Output.of("arn:aws:iam::123456789012:oidc-provider/x"), List.of(ready));
    }

    static ServiceSpec service(String name, List<String> gpuRegions, TrafficPolicy traffic) {
        return new ServiceSpec(name, "ghcr.io/acgs2/" + name + ":1.2.3", 8080, 3, "500m", "1Gi", 3, 12, 70, gpuRegions,
                Optional.empty(), traffic);
    }

    static Map<String, Object> map(Object o) {
        return io.acgs2.testing.Fixtures.map(o);
    }
}
