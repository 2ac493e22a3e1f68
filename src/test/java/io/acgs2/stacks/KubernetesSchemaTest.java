package io.acgs2.stacks;

import io.acgs2.stacks.plan.StackPlan;
import io.acgs2.testing.ClusterObjects;
import io.acgs2.testing.Fixtures;
import io.acgs2.testing.schema.KubernetesSchemas;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Would the API servers accept every object? Each Kubernetes object of the shipped fleet and of the
 * fleet after a region-add in each kind of zone, validated against the upstream schema of its pinned
 * version (io.acgs2.testing.schema, schemas/SOURCES.md).
 */
class KubernetesSchemaTest {

    static List<String> problems(Map<String, StackPlan> plans) {
        var out = new ArrayList<String>();
        for (var o : ClusterObjects.objects(plans)) {
            var result = KubernetesSchemas.pinned().validate(o.body());
            result.problems().forEach(p -> out.add(o.stack() + " " + o.resource().name() + " [" + result.schema() + "]: " + p));
        }
        return out;
    }

    @Test
    void everyObjectOfTheShippedFleetIsAcceptedByItsSchema() {
        var plans = Fixtures.shippedPlans();
        var bySchema = new TreeMap<String, Integer>();
        for (var o : ClusterObjects.objects(plans)) {
            bySchema.merge(KubernetesSchemas.pinned().validate(o.body()).schema().split(" ")[0], 1, Integer::sum);
        }
        assertTrue(bySchema.getOrDefault("Kubernetes", 0) > 50 && bySchema.getOrDefault("Strimzi", 0) >= 10
                && bySchema.getOrDefault(io.acgs2.testing.schema.IstioModel.ARTIFACT, 0) >= 8, bySchema.toString());
        var crds = ClusterObjects.objects(plans).stream().filter(o -> "CustomResourceDefinition".equals(o.kind())).toList();
        assertEquals(20, crds.size(), "Strimzi's ten CRDs in each cluster");
        crds.forEach(o -> assertEquals("Kubernetes 1.35 apiextensions.k8s.io/v1 CustomResourceDefinition",
                KubernetesSchemas.pinned().validate(o.body()).schema()));
        assertEquals(List.of(), problems(plans));
    }

    @Test
    void everyObjectAfterARegionAddIsAcceptedByItsSchema() {
        assertEquals(List.of(), problems(Fixtures.grownFleet("us-west-2")));
        assertEquals(List.of(), problems(Fixtures.grownFleet("eu-central-1")));
    }

    // ---- the checks fail on the defects they exist for ----

    private static Map<String, Object> object(String stack, String type, String name) {
        return Fixtures.one(Fixtures.shippedPlans().get(stack), type, name).inputs();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> o) {
        return KubernetesSchemasTestJson.copy(o);
    }

    private static List<String> check(Map<String, Object> o) {
        return KubernetesSchemas.pinned().validate(o).problems();
    }

    @Test
    void theOldNamespacePatchObjectIsAnUnknownKind() {
        var old = Map.<String, Object>of("apiVersion", "v1", "kind", "NamespacePatch",
                "metadata", Map.of("name", "istio-system", "labels", Map.of("topology.istio.io/network", "network-us-east-1")),
                "spec", Map.of());
        var problems = check(old);
        assertTrue(problems.contains("unknown kind: Kubernetes 1.35 has no NamespacePatch in v1"), problems.toString());
    }

    @Test
    void anUnknownFieldInADestinationRuleSpecFails() {
        var rule = copy(object("us-east-1", "kubernetes:networking.istio.io/v1:DestinationRule", "acgs2-svc-claude-flow-destination-rule"));
        assertEquals(List.of(), check(rule));
        KubernetesSchemasTestJson.at(rule, "spec", "trafficPolicy").put("outlierDetections", Map.of("interval", "5s"));
        var problems = check(rule);
        assertTrue(problems.stream().anyMatch(p -> p.contains("spec.trafficPolicy.outlierDetections: unknown field")), problems.toString());
    }

    @Test
    void aMisspeltKafkaListenerFieldFails() {
        var kafka = copy(object("us-east-1", "kubernetes:kafka.strimzi.io/v1:Kafka", "acgs2-kafka-kafka"));
        assertEquals(List.of(), check(kafka));
        var listener = KubernetesSchemasTestJson.listAt(kafka, "spec", "kafka", "listeners").get(0);
        listener.put("tsl", listener.remove("tls"));
        var problems = check(kafka);
        assertTrue(problems.contains("Kafka.spec.kafka.listeners[0].tsl: unknown field (known: authentication, configuration, "
                + "name, networkPolicyPeers, port, tls, type)"), problems.toString());
    }

    @Test
    void aMisspeltFieldInACrdTheProgramAppliesFails() {
        var crd = copy(object("us-east-1", "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinitionPatch",
                "acgs2-strimzi-crd-kafkatopics.kafka.strimzi.io"));
        assertEquals(List.of(), check(crd));
        var version = KubernetesSchemasTestJson.listAt(crd, "spec", "versions").get(0);
        version.put("servd", version.remove("served"));
        var problems = check(crd);
        assertTrue(problems.stream().anyMatch(p -> p.contains("The field `servd` in the JSON string is not defined in the "
                + "`V1CustomResourceDefinitionVersion` properties")), problems.toString());
        KubernetesSchemasTestJson.at(crd, "metadata").put("namespace", "kafka");
        assertTrue(check(crd).contains("metadata.namespace: the kind is cluster-scoped and takes no namespace (kafka)"));
    }

    @Test
    void builtInKindsRejectUnknownAndMissingFieldsAndBadPlacement() {
        var deployment = copy(object("us-east-1", "kubernetes:apps/v1:Deployment", "acgs2-svc-claude-flow-deployment"));
        assertEquals(List.of(), check(deployment));
        var container = KubernetesSchemasTestJson.listAt(deployment, "spec", "template", "spec", "containers").get(0);
        container.put("resource", container.remove("resources"));
        assertTrue(check(deployment).stream().anyMatch(p -> p.contains("The field `resource` in the JSON string is not defined in the "
                + "`V1Container` properties")), check(deployment).toString());
        container.put("resources", container.remove("resource"));
        container.remove("name");
        assertTrue(check(deployment).stream().anyMatch(p -> p.contains("The required field `name` is not found")), check(deployment).toString());

        var policy = copy(object("us-east-1", "kubernetes:networking.k8s.io/v1:NetworkPolicy", "acgs2-baseline-services-default-deny"));
        KubernetesSchemasTestJson.at(policy, "metadata").remove("namespace");
        assertTrue(check(policy).contains("metadata.namespace: the kind is namespaced: name the namespace (it would land in default)"));
        KubernetesSchemasTestJson.at(policy, "metadata").put("name", "Default_Deny");
        assertTrue(check(policy).contains("metadata.name: 'Default_Deny' is not a DNS-1123 subdomain"), check(policy).toString());

        var ns = copy(object("us-east-1", "kubernetes:core/v1:Namespace", "acgs2-baseline-ns-kafka"));
        KubernetesSchemasTestJson.at(ns, "metadata").put("namespace", "default");
        assertTrue(check(ns).contains("metadata.namespace: the kind is cluster-scoped and takes no namespace (default)"));
    }
}
