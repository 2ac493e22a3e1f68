package io.acgs2.stacks.layers;

import io.acgs2.stacks.plan.PlannedResource;
import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.planAll;
import static io.acgs2.testing.Fixtures.shippedProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The events layer on the shipped fleet: a Kafka per region, topics per domain, the mirror edges eu-west-1 owns. */
public class EventsLayerTest {

    private static Map<String, StackPlan> shipped;

    @BeforeAll
    static void planShipped(@TempDir Path dir) {
        shipped = io.acgs2.testing.Fixtures.shippedPlans();
    }

    static Set<String> topics(StackPlan plan) {
        return plan.ofType("kubernetes:kafka.strimzi.io/v1:KafkaTopic").stream()
                .map(t -> String.valueOf(map(t.inputs().get("metadata")).get("name"))).collect(Collectors.toSet());
    }

    /** Each mirror as "source -> target: pattern", with the region whose cluster it runs in. */
    public static List<String> edges(StackPlan plan) {
        return plan.ofType("kubernetes:kafka.strimzi.io/v1:KafkaMirrorMaker2").stream().map(m -> {
            var spec = json(m.inputs().get("spec"));
            var mirror = spec.get("mirrors").get(0);
            return mirror.get("source").get("alias").asText() + " -> " + spec.get("target").get("alias").asText() + ": "
                    + mirror.get("topicsPattern").asText();
        }).sorted().toList();
    }

    @Test
    void eachRegionRunsKafkaWithTheTopicsOfItsDomains() {
        assertEquals(Set.of("acgs.agent.messages", "acgs.agent.events"), topics(shipped.get("us-east-1")));
        assertEquals(Set.of("acgs.agent.messages", "acgs.agent.events", "acgs.audit.events"), topics(shipped.get("eu-west-1")),
                "the GDPR audit topic lives only where its domain does");
        for (var plan : shipped.values()) {
            assertEquals(1, plan.count("kubernetes:kafka.strimzi.io/v1:Kafka"));
            assertEquals(1, plan.count("acgs2:events:StrimziOperator"));
            assertTrue(String.valueOf(plan.outputs().get("kafkaClusterCaCertPem")).contains("BEGIN CERTIFICATE"), plan.stack());
            assertTrue(String.valueOf(plan.outputs().get("kafkaMirrorBootstrap")).endsWith(".elb." + plan.stack() + ".amazonaws.com:9094"));
        }
    }

    @Test
    void theLaterRegionOwnsBothEdgesWhichNeverCarryARestrictedTopicOut() {
        assertEquals(List.of(), edges(shipped.get("us-east-1")), "the first region owns no edge");
        assertEquals(List.of(
                "eu-west-1 -> us-east-1: acgs\\.agent\\.events|acgs\\.agent\\.messages",
                "us-east-1 -> eu-west-1: acgs\\.agent\\.events|acgs\\.agent\\.messages"), edges(shipped.get("eu-west-1")));
        // the edge into us-east-1 runs in us-east-1's cluster, through eu-west-1's provider for it
        var into = shipped.get("eu-west-1").ofType("kubernetes:kafka.strimzi.io/v1:KafkaMirrorMaker2").stream()
                .filter(m -> m.name().contains("eu-west-1-to-us-east-1")).findFirst().orElseThrow();
        assertTrue(into.providerUrn().endsWith("::k8s-us-east-1"), into.providerUrn());
        assertEquals(String.valueOf(shipped.get("us-east-1").outputs().get("kafkaMirrorBootstrap")),
                json(shipped.get("eu-west-1").ofType("kubernetes:kafka.strimzi.io/v1:KafkaMirrorMaker2").stream()
                        .filter(m -> m.name().contains("us-east-1-to-eu-west-1")).findFirst().orElseThrow().inputs().get("spec"))
                        .get("mirrors").get(0).get("source").get("bootstrapServers").asText(), "the earlier region's exported address");
    }

    /** Whether {@code r} waits for {@code target}, directly or through what it waits for. */
    static boolean waitsFor(Map<String, PlannedResource> byUrn, PlannedResource r, String target) {
        var todo = new ArrayDeque<>(r.dependencies());
        var seen = new HashSet<String>();
        while (!todo.isEmpty()) {
            var u = todo.pop();
            if (u.equals(target)) {
                return true;
            }
            if (seen.add(u) && byUrn.containsKey(u)) {
                todo.addAll(byUrn.get(u).dependencies());
            }
        }
        return false;
    }

    @Test
    void everyStrimziObjectInTheRegionsClusterWaitsForItsOperatorAndSoItsCrds() {
        for (var plan : shipped.values()) {
            var byUrn = new HashMap<String, PlannedResource>();
            plan.resources().forEach(r -> byUrn.put(r.urn(), r));
            var release = one(plan, "kubernetes:helm.sh/v3:Release", EventsLayer.OPERATOR + "-operator");
            var crds = plan.ofType("kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinitionPatch");
            assertEquals(10, crds.size(), plan.stack());
            assertTrue(release.dependencies().containsAll(crds.stream().map(PlannedResource::urn).toList()), plan.stack());
            var checked = 0;
            for (var r : plan.resources()) {
                if (r.type().startsWith("kubernetes:kafka.strimzi.io/") && release.providerUrn().equals(r.providerUrn())) {
                    assertTrue(waitsFor(byUrn, r, release.urn()), plan.stack() + " " + r.name() + " waits for the operator");
                    checked++;
                }
            }
            // the Kafka, 2 pools, its topics and a user per service; in eu-west-1 also the mirror into it and a user of each edge
            assertEquals(plan.stack().equals("eu-west-1") ? 1 + 2 + 3 + 2 + 1 + 2 : 1 + 2 + 2 + 2, checked, plan.stack());
        }
    }
}
