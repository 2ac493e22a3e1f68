package io.acgs2.components.events;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.kubernetes.KubernetesPlugin;
import io.acgs2.components.random.RandomProvider;
import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MirrorMaker2EdgeTest {

    static StackPlan edge(Map<String, String> topics) {
        return runInRegion("eu-west-1", r -> {
            var here = new com.pulumi.kubernetes.Provider("k8s-here", com.pulumi.kubernetes.ProviderArgs.builder().kubeconfig("{}").build(),
                    KubernetesPlugin.pinned(CustomResourceOptions.builder().build()));
            var there = new com.pulumi.kubernetes.Provider("k8s-us-east-1", com.pulumi.kubernetes.ProviderArgs.builder().kubeconfig("{}")
                    .build(), KubernetesPlugin.pinned(CustomResourceOptions.builder().build()));
            var usAws = new Provider("aws-us-east-1", ProviderArgs.builder().region("us-east-1").build());
            new MirrorMaker2Edge("e", MirrorMaker2EdgeArgs.builder()
                    .source(new MirrorMaker2EdgeArgs.Source("us-east-1", "acgs2-us-east-1", Output.of("US CA PEM"),
                            Output.of("k8s-us.elb.us-east-1.amazonaws.com:9094"), Output.of("sg-us-mirror"), List.of("10.10.0.0/16"),
                            there, usAws))
                    .target(new MirrorMaker2EdgeArgs.Target("eu-west-1", "acgs2-eu-west-1", "acgs2-eu-west-1-kafka-bootstrap.kafka.svc:9093",
                            List.of("10.20.0.0/16"), here))
                    .topics(topics)
                    .build(), ComponentResourceOptions.builder().providers(r.provider(),
                    new RandomProvider("random", CustomResourceOptions.builder().build())).build());
        });
    }

    @Test
    void theMirrorCopiesExactlyTheSharedTopicsAndSyncsConsumerOffsets() {
        var plan = edge(Map.of("acgs.agent.messages", "global", "acgs.agent.events", "global"));
        var mm2 = one(plan, "kubernetes:kafka.strimzi.io/v1:KafkaMirrorMaker2", "e-mirror");
        assertTrue(mm2.providerUrn().endsWith("::k8s-here"), "runs in the target region");
        var spec = json(mm2.inputs().get("spec"));
        var mirror = spec.get("mirrors").get(0);
        assertEquals("acgs\\.agent\\.events|acgs\\.agent\\.messages", mirror.get("topicsPattern").asText(), "exact names, never .*");
        assertEquals("us-east-1", mirror.get("source").get("alias").asText(), "the alias prefixes the mirrored topics");
        assertEquals("k8s-us.elb.us-east-1.amazonaws.com:9094", mirror.get("source").get("bootstrapServers").asText());
        assertEquals("scram-sha-512", mirror.get("source").get("authentication").get("type").asText());
        // host names are verified (the source's certificates carry its load balancers' names)
        assertFalse(mirror.get("source").path("config").has("ssl.endpoint.identification.algorithm"),
                "hostname verification is not turned off");
        assertEquals("acgs2-us-east-1-source-ca", mirror.get("source").get("tls").get("trustedCertificates").get(0).get("secretName").asText());
        assertEquals("true", mirror.get("checkpointConnector").get("config").get("sync.group.offsets.enabled").asText());
        assertEquals("target", mirror.get("sourceConnector").get("config").get("offset-syncs.topic.location").asText(),
                "the source user only reads");
        assertEquals("eu-west-1", spec.get("target").get("alias").asText());
        var annotations = map(map(mm2.inputs().get("metadata")).get("annotations"));
        assertEquals("{\"acgs.agent.events\":\"global\",\"acgs.agent.messages\":\"global\"}",
                json(annotations.get("acgs2.io/mirrored-topics")).toString());
        // in the source cluster: a read-only user, through the provider for it
        var user = one(plan, "kubernetes:kafka.strimzi.io/v1:KafkaUser", "e-source-user");
        assertTrue(user.providerUrn().endsWith("::k8s-us-east-1"));
        var acls = json(user.inputs().get("spec")).get("authorization").get("acls");
        for (var acl : acls) {
            if (acl.get("resource").get("type").asText().equals("topic")) {
                assertEquals("[\"Read\",\"Describe\",\"DescribeConfigs\"]", acl.get("operations").toString());
                assertEquals("literal", acl.get("resource").get("patternType").asText());
            }
        }
        var door = one(plan, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "e-from-target");
        assertEquals("us-east-1", door.providerRegion());
        assertEquals("sg-us-mirror", door.inputs().get("securityGroupId"));
        assertEquals("10.20.0.0/16", door.inputs().get("cidrIpv4"));
        assertEquals(9094, ((Number) door.inputs().get("fromPort")).intValue());
        assertEquals("[secret]", one(plan, "kubernetes:core/v1:Secret", "e-source-password").inputs().get("stringData"));
    }

    @Test
    void anEdgeNeedsTopicsAndTwoRegions() {
        var e = assertThrows(IllegalArgumentException.class, () -> MirrorMaker2EdgeArgs.builder().topics(Map.of("bad topic!", "us")).build());
        assertTrue(e.getMessage().contains("topics: 'bad topic!' is not a Kafka topic name"), e.getMessage());
        assertTrue(e.getMessage().contains("source: is required"), e.getMessage());
    }
}
