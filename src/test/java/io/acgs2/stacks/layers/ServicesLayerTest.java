package io.acgs2.stacks.layers;

import io.acgs2.components.wiring.DatabaseUsers;
import io.acgs2.stacks.plan.PlannedResource;
import io.acgs2.stacks.plan.StackPlan;
import io.acgs2.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services wired to their data, on the shipped fleet and on the fleet grown by eu-central-1
 * (the GDPR domain's second region): per region and service exactly what it declared of the domains
 * placed there; writes from a secondary through its own cluster (write forwarding); no object of a
 * region names a store of a domain not placed in it; a region-add changes no earlier stack.
 */
class ServicesLayerTest {

    static final String CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
    static final String POLICY = "aws:iam/rolePolicy:RolePolicy";

    @Test
    void everyServiceGetsItsIdentityEndpointsSecretsAndEgressInEveryRegion() {
        for (var plan : Fixtures.shippedPlans().values()) {
            for (var service : List.of("claude-flow", "neural-mcp")) {
                var name = ServicesLayer.WIRING_PREFIX + service;
                var account = one(plan, "kubernetes:core/v1:ServiceAccount", name + "-account");
                assertEquals(Map.of("name", service, "namespace", "acgs2"), subset(map(account.inputs().get("metadata")), "name", "namespace"));
                assertEquals(false, account.inputs().get("automountServiceAccountToken"));
                var role = one(plan, "aws:iam/role:Role", name + "-role");
                var trust = json(role.inputs().get("assumeRolePolicy")).get("Statement").get(0);
                assertEquals("pods.eks.amazonaws.com", trust.at("/Principal/Service").asText());
                assertEquals("[\"sts:AssumeRole\",\"sts:TagSession\"]", trust.get("Action").toString());
                var association = one(plan, "aws:eks/podIdentityAssociation:PodIdentityAssociation", name + "-pod-identity");
                assertEquals("acgs2-" + plan.stack(), association.inputs().get("clusterName"));
                assertEquals(service, association.inputs().get("serviceAccount"));
                assertEquals("acgs2", association.inputs().get("namespace"));
                assertTrue(association.dependencies().contains(account.urn()), "the association names an existing account");
                var user = one(plan, "kubernetes:kafka.strimzi.io/v1:KafkaUser", name + "-kafka-user");
                assertEquals("svc-" + service, map(user.inputs().get("metadata")).get("name"));
                assertEquals("kafka", map(user.inputs().get("metadata")).get("namespace"));
                assertEquals("tls-external", map(map(user.inputs().get("spec")).get("authentication")).get("type"));
                // the client certificate's subject is exactly CN=<user>: Kafka's principal for its ACLs
                var request = one(plan, "tls:index/certRequest:CertRequest", name + "-kafka-request");
                assertEquals(Map.of("commonName", "svc-" + service), map(request.inputs().get("subject")));
                var cert = one(plan, "tls:index/locallySignedCert:LocallySignedCert", name + "-kafka-cert");
                assertEquals(plan.outputs().get("kafkaName") == null ? null : cert.inputs().get("caCertPem"), cert.inputs().get("caCertPem"));
                assertEquals("[secret]", one(plan, "kubernetes:core/v1:Secret", name + "-kafka").inputs().get("stringData"));
                assertEquals("[secret]", one(plan, "kubernetes:core/v1:Secret", name + "-cache").inputs().get("stringData"));

                // the pods: its account, its endpoints, its secrets mounted, the agent outside the sidecar's capture
                var deployment = one(plan, "kubernetes:apps/v1:Deployment", ServicesLayer.SERVICE_PREFIX + service + "-deployment");
                var template = json(deployment.inputs().get("spec")).get("template");
                assertEquals(service, template.at("/spec/serviceAccountName").asText());
                assertEquals(service + "-data", template.at("/spec/containers/0/envFrom/0/configMapRef/name").asText());
                assertEquals("169.254.170.23/32", template.at("/metadata/annotations").get("traffic.sidecar.istio.io/excludeOutboundIPRanges").asText());
                var mounts = template.at("/spec/containers/0/volumeMounts").toString();
                assertTrue(mounts.contains("/var/run/acgs2/cache") && mounts.contains("/var/run/acgs2/kafka"), mounts);
                assertFalse(deployment.inputs().get("spec").toString().contains("password"), "no credential in the pod template");
                // it starts after its association, its database users and the stores' registry entries
                for (var dep : List.of(association, one(plan, "kubernetes:batch/v1:Job", ServicesLayer.DB_USERS_PREFIX + "platform-job"),
                        one(plan, "kubernetes:networking.istio.io/v1:ServiceEntry", ServicesLayer.ENTRIES + "-postgres"))) {
                    assertTrue(deployment.dependencies().contains(dep.urn()), service + " waits for " + dep.name());
                }
            }
        }
    }

    @Test
    void eachRoleGrantsExactlyItsDeclaredDataInItsOwnRegion() {
        var eu = Fixtures.shippedPlans().get("eu-west-1");
        var claude = json(one(eu, POLICY, "acgs2-wiring-claude-flow-policy").inputs().get("policy"));
        var sids = new java.util.ArrayList<String>();
        claude.get("Statement").forEach(s -> sids.add(s.get("Sid").asText()));
        assertEquals(List.of("ConnectGdprTenants", "ConnectPlatform", "ListGdprTenants", "ObjectsGdprTenants", "KeyGdprTenants",
                "ListPlatform", "ObjectsPlatform", "KeyPlatform"), sids);
        var neural = json(one(eu, POLICY, "acgs2-wiring-neural-mcp-policy").inputs().get("policy"));
        assertEquals("[\"s3:GetObject\",\"s3:GetObjectVersion\"]", Fixtures.statement(neural, "ObjectsPlatform").get("Action").toString());
        assertEquals("[\"kms:Decrypt\"]", Fixtures.statement(neural, "KeyPlatform").get("Action").toString());
        // the database user is the service's own on this region's cluster
        var cluster = one(eu, "aws:rds/cluster:Cluster", "acgs2-db-gdpr-tenants-cluster");
        assertTrue(Fixtures.statement(claude, "ConnectGdprTenants").get("Resource").get(0).asText()
                .matches("arn:aws:rds-db:eu-west-1:\\d{12}:dbuser:cluster-[0-9A-F]+/svc_claude_flow"));
        assertEquals("eu-west-1", cluster.providerRegion());
        for (var plan : Fixtures.shippedPlans().values()) {
            for (var policy : plan.ofType(POLICY)) {
                for (var s : json(policy.inputs().get("policy")).get("Statement")) {
                    s.get("Resource").forEach(r -> assertFalse(r.asText().equals("*"), policy.name() + " " + s));
                }
            }
        }
    }

    @Test
    void aSecondaryWritesThroughItsOwnClusterAndTheCacheSaysWhereItTakesWrites() {
        var eu = data(one(Fixtures.shippedPlans().get("eu-west-1"), CONFIG_MAP, "acgs2-wiring-claude-flow-endpoints"));
        var us = data(one(Fixtures.shippedPlans().get("us-east-1"), CONFIG_MAP, "acgs2-wiring-claude-flow-endpoints"));
        // platform's writer is us-east-1: eu-west-1 writes through its reader endpoint, which forwards
        assertTrue(eu.get("ACGS2_PLATFORM_DATABASE_HOST").contains("acgs2-platform-eu-west-1.cluster-ro-"), eu.toString());
        assertEquals("session", eu.get("ACGS2_PLATFORM_DATABASE_WRITE_FORWARDING"));
        assertTrue(us.get("ACGS2_PLATFORM_DATABASE_HOST").matches("acgs2-platform-us-east-1\\.cluster-[0-9a-f]+\\..*"), us.toString());
        assertEquals("off", us.get("ACGS2_PLATFORM_DATABASE_WRITE_FORWARDING"));
        // gdpr-tenants is written where it lives
        assertEquals("off", eu.get("ACGS2_GDPR_TENANTS_DATABASE_WRITE_FORWARDING"));
        assertEquals("us-east-1", eu.get("ACGS2_PLATFORM_CACHE_WRITES_IN"));
        assertEquals("svc_claude_flow", eu.get("ACGS2_PLATFORM_DATABASE_USER"));
        assertEquals("iam", eu.get("ACGS2_PLATFORM_DATABASE_AUTH"));
        assertEquals("acgs2-eu-west-1-kafka-bootstrap.kafka.svc:9093", eu.get("ACGS2_KAFKA_BOOTSTRAP"));
        assertEquals("acgs.agent.events,acgs.agent.messages,acgs.audit.events", eu.get("ACGS2_KAFKA_PRODUCE"));
        // a read-only use reads the reader endpoints
        var neural = data(one(Fixtures.shippedPlans().get("us-east-1"), CONFIG_MAP, "acgs2-wiring-neural-mcp-endpoints"));
        assertTrue(neural.get("ACGS2_PLATFORM_DATABASE_HOST").contains(".cluster-ro-"), neural.toString());
        // the secondaries' clusters forward writes (and so does the primary after a switchover)
        for (var plan : Fixtures.shippedPlans().values()) {
            plan.ofType("aws:rds/cluster:Cluster").forEach(c -> assertEquals(true, c.inputs().get("enableGlobalWriteForwarding"), c.urn()));
        }
    }

    @Test
    void noRegionNamesAStoreOfADomainNotPlacedInIt() {
        var placed = Map.of("us-east-1", Set.of("platform", "us-tenants"), "eu-west-1", Set.of("platform", "gdpr-tenants"),
                "eu-central-1", Set.of("platform", "gdpr-tenants"));
        var all = new TreeMap<String, StackPlan>(Fixtures.shippedPlans());
        Fixtures.grownFleet("eu-central-1").forEach((k, v) -> all.put("grown/" + k, v));
        for (var e : all.entrySet()) {
            var plan = e.getValue();
            var here = placed.get(plan.stack());
            var wiring = where(plan, r -> r.urn().contains("acgs2:wiring:"));
            assertFalse(wiring.isEmpty());
            for (var r : wiring) {
                var text = String.valueOf(r.inputs());
                for (var domain : List.of("platform", "us-tenants", "gdpr-tenants")) {
                    if (!here.contains(domain)) {
                        assertFalse(text.contains(domain) || text.contains(domain.toUpperCase().replace('-', '_')),
                                e.getKey() + " " + r.name() + " names " + domain);
                    }
                }
                // every AWS ARN or endpoint a wiring object names is of its own region
                for (var other : List.of("us-east-1", "eu-west-1", "eu-central-1")) {
                    if (!other.equals(plan.stack())) {
                        assertFalse(text.contains(":" + other + ":") || text.contains("." + other + "."), e.getKey() + " " + r.name()
                                + " names " + other);
                    }
                }
            }
        }
    }

    @Test
    void theDatabaseUsersJobRunsInTheRegionWithItsOwnCopyOfTheMasterSecret() {
        var eu = Fixtures.shippedPlans().get("eu-west-1");
        var job = one(eu, "kubernetes:batch/v1:Job", ServicesLayer.DB_USERS_PREFIX + "platform-job");
        var spec = json(job.inputs().get("spec"));
        assertEquals("false", spec.at("/template/metadata/labels").get("sidecar.istio.io/inject").asText());
        assertEquals(DatabaseUsers.AWS_CLI_IMAGE, spec.at("/template/spec/initContainers/0/image").asText());
        assertEquals(DatabaseUsers.POSTGRES_IMAGE, spec.at("/template/spec/containers/0/image").asText());
        assertEquals("Memory", spec.at("/template/spec/volumes/0/emptyDir/medium").asText());
        var replica = one(eu, "command:local:Command", "acgs2-db-platform-master-secret-replicate");
        var secretEnv = spec.at("/template/spec/initContainers/0/env").toString();
        assertTrue(secretEnv.contains("arn:aws:secretsmanager:eu-west-1:"), secretEnv);
        assertTrue(replica.urn().contains("SecretReplica"));
        var policy = json(one(eu, POLICY, ServicesLayer.DB_USERS_PREFIX + "platform-policy").inputs().get("policy"));
        assertEquals("[\"secretsmanager:GetSecretValue\"]", Fixtures.statement(policy, "MasterSecret").get("Action").toString());
        assertEquals("secretsmanager.eu-west-1.amazonaws.com",
                Fixtures.statement(policy, "MasterSecretKey").at("/Condition/StringEquals/kms:ViaService").asText());
        // one Job per database used here, named by what it runs
        var jobs = eu.ofType("kubernetes:batch/v1:Job").stream().map(r -> String.valueOf(map(r.inputs().get("metadata")).get("name")))
                .collect(Collectors.toSet());
        assertEquals(2, jobs.size());
        assertTrue(jobs.stream().allMatch(n -> n.matches("db-users-(platform|gdpr-tenants)-[0-9a-f]{10}")), jobs.toString());
    }

    @Test
    void aThirdRegionInTheGdprZoneIsWiredToTheRestrictedDomainAndChangesNoEarlierStack() {
        var grown = Fixtures.grownFleet("eu-central-1");
        var frankfurt = data(one(grown.get("eu-central-1"), CONFIG_MAP, "acgs2-wiring-claude-flow-endpoints"));
        assertEquals("gdpr-tenants,platform", frankfurt.get("ACGS2_DOMAINS"));
        assertEquals("session", frankfurt.get("ACGS2_GDPR_TENANTS_DATABASE_WRITE_FORWARDING"), "eu-west-1 writes gdpr-tenants");
        assertTrue(frankfurt.get("ACGS2_GDPR_TENANTS_DATABASE_HOST").contains("acgs2-gdpr-tenants-eu-central-1.cluster-ro-"));
        assertEquals("acgs2-gdpr-tenants-eu-central-1-123456789012", frankfurt.get("ACGS2_GDPR_TENANTS_BUCKET"));
        for (var stack : List.of("us-east-1", "eu-west-1")) {
            var before = Fixtures.shippedPlans().get(stack);
            var after = grown.get(stack);
            assertEquals(urns(before), urns(after), stack);
            var changed = new TreeMap<>(ComputeLayerTest.changedInputs(before, after));
            // the fleet manifest is each stack's declaration of the whole fleet: it lists the new region (an SSM parameter, in place)
            changed.keySet().removeIf(u -> u.endsWith("aws:ssm/parameter:Parameter::acgs2-fleet-manifest"));
            assertEquals(Map.of(), changed, stack + ": a region-add changes nothing else in an earlier stack");
        }
    }

    @Test
    void theStoresAreInTheMeshRegistryAndNothingElseLeavesIt() {
        for (var plan : Fixtures.shippedPlans().values()) {
            var postgres = json(one(plan, "kubernetes:networking.istio.io/v1:ServiceEntry", ServicesLayer.ENTRIES + "-postgres").inputs().get("spec"));
            assertEquals("[\"" + (plan.stack().equals("us-east-1") ? "10.10.128.0/18" : "10.20.128.0/18") + "\"]",
                    postgres.get("addresses").toString());
            assertEquals("NONE", postgres.get("resolution").asText());
            assertEquals("[\".\"]", postgres.get("exportTo").toString());
            var s3 = json(one(plan, "kubernetes:networking.istio.io/v1:ServiceEntry", ServicesLayer.ENTRIES + "-s3").inputs().get("spec"));
            s3.get("hosts").forEach(h -> assertTrue(h.asText().matches("acgs2-[a-z-]+-" + plan.stack() + "-\\d{12}\\.s3\\." + plan.stack()
                    + "\\.amazonaws\\.com"), h.asText()));
            var istiod = one(plan, "kubernetes:helm.sh/v3:Release", "acgs2-istio-istiod");
            assertEquals("REGISTRY_ONLY", json(istiod.inputs().get("values")).at("/meshConfig/outboundTrafficPolicy/mode").asText());
            // the service's egress: its stores' ports in the isolated range, its brokers, S3 and the agent
            var egress = json(one(plan, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "acgs2-wiring-neural-mcp-egress").inputs().get("spec"));
            var ports = new java.util.ArrayList<Integer>();
            egress.get("egress").forEach(rule -> ports.add(rule.at("/ports/0/port").asInt()));
            assertEquals(List.of(5432, 6379, 9093, 443, 80), ports);
        }
    }

    private static List<String> urns(StackPlan plan) {
        return plan.resources().stream().map(PlannedResource::urn).sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> data(PlannedResource configMap) {
        return (Map<String, String>) configMap.inputs().get("data");
    }

    private static Map<String, Object> subset(Map<String, Object> m, String... keys) {
        var out = new TreeMap<String, Object>();
        for (var k : keys) {
            out.put(k, m.get(k));
        }
        return out;
    }
}
