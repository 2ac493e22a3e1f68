package io.acgs2.components.kubernetes;

import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.CustomResourceOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KubernetesObjectTest {

    @Test
    void registersUnderTheKindsOwnTypeTokenWithItsBodyThroughTheGivenProvider() {
        var plan = runInRegion("eu-west-1", r -> {
            var k8s = new Provider("k8s", ProviderArgs.builder().kubeconfig("{}").build(),
                    KubernetesPlugin.pinned(CustomResourceOptions.builder().build()));
            new KubernetesObject("dr", KubernetesObjectArgs.builder()
                    .apiVersion("networking.istio.io/v1")
                    .kind("DestinationRule")
                    .metadata(Map.of("name", "claude-flow", "namespace", "acgs2"))
                    .spec(Map.of("host", "claude-flow.acgs2.svc.cluster.local",
                            "trafficPolicy", Map.of("outlierDetection", Map.of("consecutive5xxErrors", 5))))
                    .build(), CustomResourceOptions.builder().provider(k8s).build());
        });
        var dr = one(plan, "kubernetes:networking.istio.io/v1:DestinationRule", "dr");
        assertEquals("networking.istio.io/v1", dr.inputs().get("apiVersion"));
        assertEquals("DestinationRule", dr.inputs().get("kind"));
        assertEquals(Map.of("name", "claude-flow", "namespace", "acgs2"), dr.inputs().get("metadata"));
        assertEquals(Map.of("consecutive5xxErrors", 5L),
                ((Map<?, ?>) ((Map<?, ?>) dr.inputs().get("spec")).get("trafficPolicy")).get("outlierDetection"));
        assertEquals(one(plan, "pulumi:providers:kubernetes", "k8s").urn(), dr.providerUrn());
    }

    @Test
    void aPatchIsTheKindsPatchResourceWithTheKindsOwnBody() {
        var args = KubernetesObjectArgs.builder().apiVersion("apiextensions.k8s.io/v1").kind("CustomResourceDefinition")
                .metadata(Map.of("name", "kafkas.kafka.strimzi.io")).spec(Map.of("group", "kafka.strimzi.io"));
        assertEquals("kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition", args.build().typeToken());
        var patch = args.patch().build();
        assertEquals("kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinitionPatch", patch.typeToken());
        assertEquals("CustomResourceDefinition", patch.kind(), "the object is still the kind itself");
    }

    @Test
    void badArgsAreRejectedTogether() {
        var e = assertThrows(IllegalArgumentException.class, () -> KubernetesObjectArgs.builder()
                .apiVersion("Istio v1").kind("destinationRule").metadata(Map.of("namespace", "x")).build());
        var m = e.getMessage();
        for (var expected : List.of("apiVersion: 'Istio v1' is not group/version", "kind: 'destinationRule' is not a Kubernetes kind",
                "metadata.name: is required", "spec: is required")) {
            assertTrue(m.contains(expected), "missing '" + expected + "' in " + m);
        }
    }

    @Test
    void thePluginPinIsOneCurrentVersion() {
        var options = KubernetesPlugin.pinned(CustomResourceOptions.builder().build());
        assertEquals(java.util.Optional.of(KubernetesPlugin.VERSION), options.getVersion());
        assertTrue(KubernetesPlugin.VERSION.compareTo("4.13") > 0, "admissionregistration v1 needs a 4.x plugin newer than 4.0.0");
    }
}
