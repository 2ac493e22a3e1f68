package io.acgs2.components.events;

import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.compute.ClusterCore;
import io.acgs2.components.kubernetes.KubernetesPlugin;
import io.acgs2.components.tls.TlsProvider;
import io.acgs2.stacks.plan.StackPlan;
import io.acgs2.testing.Fixtures.InRegion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaClusterTest {

    static ClusterCore core(InRegion r, String region) {
        var k8s = new com.pulumi.kubernetes.Provider("k8s", ProviderArgs.builder().kubeconfig("{}").build(),
                KubernetesPlugin.pinned(CustomResourceOptions.builder().build()));
        var ready = new Addon("ready", AddonArgs.builder().clusterName("acgs2-" + region).addonName("coredns").build(),
                CustomResourceOptions.builder().provider(r.provider()).build());
        return new ClusterCore(region, Output.of("acgs2-" + region), k8s, Output.of("vpc-1"), Output.of(List.of("10.20.0.0/16")),
                Output.of("arn:aws:iam::123456789012:oidc-provider/x"), List.of(ready));
    }

    static StackPlan kafka(KafkaSizing sizing) {
        return runInRegion("eu-west-1", r -> {
            var core = core(r, "eu-west-1");
            new KafkaCluster("k", KafkaClusterArgs.builder()
                    .name("acgs2-eu-west-1").region("eu-west-1").cluster(core)
                    .ebsKeyArn(Output.of("arn:aws:kms:eu-west-1:123456789012:key/ebs"))
                    .clusterSecurityGroupId(Output.of("sg-cluster"))
                    .sizing(sizing)
                    .topic(new KafkaClusterArgs.Placed(new TopicSpec("acgs.audit.events", "gdpr-tenants", 6, 3, 2160, false), "gdpr"))
                    .after(core.ready())
                    .build(), ComponentResourceOptions.builder().providers(r.provider(),
                    new TlsProvider("tls", CustomResourceOptions.builder().build())).build());
        });
    }

    @Test
    void onlyTlsListenersReplicatedThreeWaysOnEncryptedRetainedStorage() {
        var plan = kafka(KafkaSizing.defaults());
        var kafka = one(plan, "kubernetes:kafka.strimzi.io/v1:Kafka", "k-kafka");
        assertTrue(kafka.protect(), "deleting the Kafka takes the brokers down");
        var spec = json(kafka.inputs().get("spec"));
        for (var l : spec.get("kafka").get("listeners")) {
            assertTrue(l.get("tls").asBoolean(), l.toString());
            assertTrue(l.has("authentication"), l.toString());
        }
        assertEquals("scram-sha-512", spec.get("kafka").get("listeners").get(1).get("authentication").get("type").asText());
        assertFalse(spec.get("kafka").get("listeners").get(1).get("configuration").get("createBootstrapService").asBoolean());
        assertEquals(3, spec.get("kafka").get("config").get("default.replication.factor").asInt());
        assertEquals(2, spec.get("kafka").get("config").get("min.insync.replicas").asInt());
        assertEquals("simple", spec.get("kafka").get("authorization").get("type").asText());
        assertEquals("topology.kubernetes.io/zone", spec.get("kafka").get("rack").get("topologyKey").asText());
        assertFalse(spec.get("clusterCa").get("generateCertificateAuthority").asBoolean(), "our CA: its certificate is exported");
        assertEquals(StrimziVersions.KAFKA, spec.get("kafka").get("version").asText());
        var annotations = spec.get("kafka").get("template").get("perPodService").get("metadata").get("annotations");
        assertEquals("internal", annotations.get("service.beta.kubernetes.io/aws-load-balancer-scheme").asText());
        var bootstrap = one(plan, "kubernetes:core/v1:Service", "k-mirror-bootstrap");
        assertEquals("internal", map(map(bootstrap.inputs().get("metadata")).get("annotations")).get(
                "service.beta.kubernetes.io/aws-load-balancer-scheme"));
        assertTrue(bootstrap.dependencies().contains(kafka.urn()), "the bootstrap waits for the brokers it serves");
        var storage = one(plan, "kubernetes:storage.k8s.io/v1:StorageClass", "k-storage").inputs();
        assertEquals("Retain", storage.get("reclaimPolicy"));
        assertEquals("true", map(storage.get("parameters")).get("encrypted"));
        assertEquals("arn:aws:kms:eu-west-1:123456789012:key/ebs", map(storage.get("parameters")).get("kmsKeyId"));
        var brokers = one(plan, "kubernetes:kafka.strimzi.io/v1:KafkaNodePool", "k-brokers");
        assertTrue(brokers.protect());
        var volume = json(brokers.inputs().get("spec")).get("storage").get("volumes").get(0);
        assertFalse(volume.get("deleteClaim").asBoolean());
        assertEquals("acgs2-kafka-gp3", volume.get("class").asText());
        assertEquals("[\"controller\"]", json(one(plan, "kubernetes:kafka.strimzi.io/v1:KafkaNodePool", "k-controllers")
                .inputs().get("spec")).get("roles").toString());
        var ca = map(one(plan, "kubernetes:core/v1:Secret", "k-ca-cert").inputs().get("metadata"));
        assertEquals("acgs2-eu-west-1-cluster-ca-cert", ca.get("name"));
        assertEquals("acgs2-eu-west-1", map(ca.get("labels")).get("strimzi.io/cluster"));
        assertEquals("[secret]", one(plan, "kubernetes:core/v1:Secret", "k-ca-secret").inputs().get("stringData"));
        var topic = one(plan, "kubernetes:kafka.strimzi.io/v1:KafkaTopic", "k-topic-acgs.audit.events");
        assertEquals("gdpr", map(map(topic.inputs().get("metadata")).get("labels")).get("acgs2.io/data-zone"));
        assertEquals(3, json(topic.inputs().get("spec")).get("replicas").asInt());
        assertEquals(String.valueOf(2160 * 3_600_000L), json(topic.inputs().get("spec")).get("config").get("retention.ms").asText());
        assertEquals(0, plan.count("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"), "closed until a mirror edge opens it");
    }

    @Test
    void aSmallRegionRunsDualRoleNodesAndBadSizingIsNamed() {
        var plan = kafka(new KafkaSizing(3, 0, 50));
        assertEquals(1, plan.count("kubernetes:kafka.strimzi.io/v1:KafkaNodePool"));
        assertEquals("[\"controller\",\"broker\"]", json(one(plan, "kubernetes:kafka.strimzi.io/v1:KafkaNodePool", "k-nodes")
                .inputs().get("spec")).get("roles").toString());
        var e = assertThrows(IllegalArgumentException.class, () -> KafkaClusterArgs.builder().name("Bad_Name")
                .sizing(new KafkaSizing(1, 2, 10))
                .topic(new KafkaClusterArgs.Placed(new TopicSpec("t", "d", 1, 3, 1, false), "us")).build());
        var m = e.getMessage();
        assertTrue(m.contains("name: 'Bad_Name' is not a lower-case DNS label"), m);
        assertTrue(m.contains("sizing.controllers: is 2, an even quorum"), m);
        assertTrue(m.contains("topics: t has 3 replicas but the region has 1 brokers"), m);
        assertTrue(m.contains("after: is empty"), m);
    }

    @Test
    void listenersAdmitOnlyTheirPeersBrokersSpreadOverZonesAndARenewedCaRollsTheBrokers() {
        var plan = kafka(KafkaSizing.defaults());
        var spec = json(one(plan, "kubernetes:kafka.strimzi.io/v1:Kafka", "k-kafka").inputs().get("spec"));
        var listeners = new java.util.HashMap<String, com.fasterxml.jackson.databind.JsonNode>();
        spec.get("kafka").get("listeners").forEach(l -> listeners.put(l.get("name").asText(), l));
        // without peers the operator's NetworkPolicy opens the listener to every pod of every namespace
        var tlsPeers = listeners.get("tls").get("networkPolicyPeers");
        assertEquals(2, tlsPeers.size());
        assertEquals("acgs2", tlsPeers.get(0).get("namespaceSelector").get("matchLabels").get("kubernetes.io/metadata.name").asText());
        assertEquals("10.20.0.0/16", listeners.get("mirror").get("networkPolicyPeers").get(0).get("ipBlock").get("cidr").asText());
        assertEquals("*.elb.eu-west-1.amazonaws.com", listeners.get("mirror").get("configuration").get("bootstrap")
                .get("alternativeNames").get(0).asText(), "the bootstrap load balancer's name is in the certificates");
        for (var pool : List.of("k-controllers", "k-brokers")) {
            var spread = json(one(plan, "kubernetes:kafka.strimzi.io/v1:KafkaNodePool", pool).inputs().get("spec"))
                    .get("template").get("pod").get("topologySpreadConstraints").get(0);
            assertEquals("topology.kubernetes.io/zone", spread.get("topologyKey").asText(), pool);
            assertEquals("DoNotSchedule", spread.get("whenUnsatisfiable").asText(), pool);
        }
        for (var secret : List.of("k-ca-cert", "k-ca-secret")) {
            var annotations = json(one(plan, "kubernetes:core/v1:Secret", secret).inputs().get("metadata")).get("annotations");
            var generation = annotations.get("strimzi.io/ca-cert-generation").asText();
            assertFalse(generation.equals("0"), "a fixed generation never rolls the brokers onto a renewed CA");
            assertEquals(generation, annotations.get("strimzi.io/ca-key-generation").asText());
        }
        assertEquals(KafkaCluster.caGeneration("2026-01-01T00:00:00Z"), KafkaCluster.caGeneration("2026-01-01T00:00:30Z"));
        assertFalse(KafkaCluster.caGeneration("2026-01-01T00:00:00Z").equals(KafkaCluster.caGeneration("2027-01-01T00:00:00Z")),
                "a renewed certificate is a new generation");
    }
}
