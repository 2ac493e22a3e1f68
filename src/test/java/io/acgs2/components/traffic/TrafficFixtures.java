package io.acgs2.components.traffic;

import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.compute.ClusterCore;
import io.acgs2.components.kubernetes.KubernetesPlugin;
import io.acgs2.components.mesh.ServiceSpec;
import io.acgs2.components.mesh.TrafficPolicy;
import io.acgs2.testing.Fixtures.InRegion;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the traffic components' tests share: a cluster core under mocks and a shared service. */
final class TrafficFixtures {

    private TrafficFixtures() {
    }

    static ClusterCore core(InRegion r, String region) {
        var k8s = new com.pulumi.kubernetes.Provider("k8s", ProviderArgs.builder().kubeconfig("{}").build(),
                KubernetesPlugin.pinned(CustomResourceOptions.builder().build()));
        var ready = new Addon("ready", AddonArgs.builder().clusterName("acgs2-" + region).addonName("coredns").build(),
                CustomResourceOptions.builder().provider(r.provider()).build());
        return new ClusterCore(region, Output.of("acgs2-" + region), k8s, Output.of("vpc-1"), Output.of(List.of("10.20.0.0/16")),
                Output.of("arn:aws:iam::123456789012:oidc-provider/x"), List.of(ready));
    }

    static ServiceSpec service(String name, int port) {
        return new ServiceSpec(name, "ghcr.io/acgs2/" + name + ":1.2.3", port, 3, "500m", "1Gi", 3, 12, 70, List.of(),
                Optional.empty(), new TrafficPolicy(3, 5, 30, 1000, 3000, 2, 10000, TrafficPolicy.FAILOVER, 80, Map.of(), Map.of()));
    }
}
