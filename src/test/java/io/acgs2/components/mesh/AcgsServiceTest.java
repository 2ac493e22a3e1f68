package io.acgs2.components.mesh;

import com.pulumi.resources.ComponentResourceOptions;
import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AcgsServiceTest {

    static StackPlan plan(String region, ServiceSpec spec, List<String> denied) {
        return plan(region, spec, denied, java.util.Optional.empty());
    }

    static StackPlan plan(String region, ServiceSpec spec, List<String> denied, java.util.Optional<JwtIssuer> jwt) {
        return runInRegion(region, r -> {
            var core = MeshFixtures.core(r, region);
            new AcgsService("svc", AcgsServiceArgs.builder().spec(spec).region(region).namespace("acgs2")
                    .tenantHeader("x-acgs2-tenant").tenantClaim("acgs2_tenant").deniedTenants(denied).jwt(jwt).build(),
                    ComponentResourceOptions.builder().providers(core.kubernetesProvider()).build());
        });
    }

    @Test
    void theDeploymentRunsRestrictedSpreadAndOnGpusOnlyWhereConfigured() {
        var spec = MeshFixtures.service("neural-mcp", List.of("us-east-1"), TrafficPolicy.defaults());
        var us = plan("us-east-1", spec, List.of());
        var deployment = one(us, "kubernetes:apps/v1:Deployment", "svc-deployment");
        assertEquals(List.of("spec.replicas"), deployment.ignoreChanges(), "the autoscaler owns the replica count");
        var pod = json(deployment.inputs().get("spec")).get("template").get("spec");
        var c = pod.get("containers").get(0);
        assertEquals("ghcr.io/acgs2/neural-mcp:1.2.3", c.get("image").asText());
        var sc = c.get("securityContext");
        assertFalse(sc.get("allowPrivilegeEscalation").asBoolean());
        assertTrue(sc.get("readOnlyRootFilesystem").asBoolean());
        assertEquals("[\"ALL\"]", sc.get("capabilities").get("drop").toString());
        assertEquals("RuntimeDefault", pod.get("securityContext").get("seccompProfile").get("type").asText());
        assertTrue(pod.get("securityContext").get("runAsNonRoot").asBoolean());
        assertEquals(c.get("resources").get("requests"), c.get("resources").get("limits"), "requests = limits");
        assertEquals("1", c.get("resources").get("limits").get("nvidia.com/gpu").asText());
        assertEquals("gpu", pod.get("nodeSelector").get("acgs2.io/node-role").asText());
        assertEquals("nvidia.com/gpu", pod.get("tolerations").get(0).get("key").asText());
        assertEquals("/health", c.get("readinessProbe").get("httpGet").get("path").asText());
        assertEquals("topology.kubernetes.io/zone", pod.get("topologySpreadConstraints").get(0).get("topologyKey").asText());
        assertEquals("true", json(deployment.inputs().get("spec")).get("template").get("metadata").get("labels")
                .get("sidecar.istio.io/inject").asText());

        var eu = plan("eu-west-1", spec, List.of());
        var euPod = json(one(eu, "kubernetes:apps/v1:Deployment", "svc-deployment").inputs().get("spec")).get("template").get("spec");
        assertEquals("workloads", euPod.get("nodeSelector").get("acgs2.io/node-role").asText());
        assertFalse(euPod.get("containers").get(0).get("resources").get("limits").has("nvidia.com/gpu"));
        assertFalse(euPod.has("tolerations"));
        for (var kind : List.of("core/v1:Service", "policy/v1:PodDisruptionBudget", "autoscaling/v2:HorizontalPodAutoscaler")) {
            assertEquals(1, eu.count("kubernetes:" + kind), kind);
        }
        var hpa = json(one(eu, "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "svc-hpa").inputs().get("spec"));
        assertEquals(3, hpa.get("minReplicas").asInt());
        assertEquals(12, hpa.get("maxReplicas").asInt());
        assertEquals("http", json(one(eu, "kubernetes:core/v1:Service", "svc-service").inputs().get("spec")).get("ports").get(0)
                .get("name").asText(), "the port name tells the mesh it is HTTP");
    }

    @Test
    void trafficLeavesAFailedRegionWithinTheBound() {
        var plan = plan("us-east-1", MeshFixtures.service("claude-flow", List.of(), TrafficPolicy.defaults()), List.of());
        var dr = json(one(plan, "kubernetes:networking.istio.io/v1:DestinationRule", "svc-destination-rule").inputs().get("spec"));
        assertEquals("claude-flow.acgs2.svc.cluster.local", dr.get("host").asText());
        var tp = dr.get("trafficPolicy");
        assertEquals("ISTIO_MUTUAL", tp.get("tls").get("mode").asText());
        var od = tp.get("outlierDetection");
        assertEquals(3, od.get("consecutiveGatewayErrors").asInt());
        assertEquals(100, od.get("maxEjectionPercent").asInt(), "Istio's default 10% ejects nothing below 10 hosts");
        assertEquals(0, od.get("minHealthPercent").asInt());
        assertEquals("1000ms", tp.get("connectionPool").get("tcp").get("connectTimeout").asText());
        assertTrue(tp.get("loadBalancer").get("localityLbSetting").get("enabled").asBoolean());
        var http = json(one(plan, "kubernetes:networking.istio.io/v1:VirtualService", "svc-virtual-service").inputs().get("spec"))
                .get("http").get(0);
        assertEquals("3000ms", http.get("retries").get("perTryTimeout").asText());
        assertTrue(http.get("retries").get("retryRemoteLocalities").asBoolean());
        assertTrue(http.get("retries").get("retryOn").asText().contains("connect-failure"));
        assertEquals("10000ms", http.get("timeout").asText());
        var distribute = new TrafficPolicy(3, 5, 30, 1000, 3000, 2, 10000, TrafficPolicy.DISTRIBUTE, 80, Map.of(),
                Map.of("eu-west-1", List.of("eu-central-1")));
        var split = plan("eu-west-1", MeshFixtures.service("claude-flow", List.of(), distribute), List.of());
        var setting = json(one(split, "kubernetes:networking.istio.io/v1:DestinationRule", "svc-destination-rule").inputs().get("spec"))
                .get("trafficPolicy").get("loadBalancer").get("localityLbSetting").get("distribute").get(0);
        assertEquals("eu-west-1/*", setting.get("from").asText());
        assertEquals(80, setting.get("to").get("eu-west-1/*").asInt());
        assertEquals(20, setting.get("to").get("eu-central-1/*").asInt());
    }

    @Test
    void runtimeResidencyDeniesTheTenantsOfOtherZonesByHeaderOrClaimOnTheHttpPort() {
        var plan = plan("us-east-1", MeshFixtures.service("claude-flow", List.of(), TrafficPolicy.defaults()), List.of("nordbank"));
        var ap = json(one(plan, "kubernetes:security.istio.io/v1:AuthorizationPolicy", "svc-residency").inputs().get("spec"));
        assertEquals("DENY", ap.get("action").asText());
        assertEquals("claude-flow", ap.get("selector").get("matchLabels").get("app.kubernetes.io/name").asText());
        var header = ap.get("rules").get(0);
        assertEquals("request.headers[x-acgs2-tenant]", header.get("when").get(0).get("key").asText());
        assertEquals("[\"nordbank\"]", header.get("when").get(0).get("values").toString());
        assertEquals("[\"8080\"]", header.get("to").get(0).get("operation").get("ports").toString(),
                "scoped to the HTTP port: on TCP a DENY with HTTP attributes denies everything");
        assertEquals("request.auth.claims[acgs2_tenant]", ap.get("rules").get(1).get("when").get(0).get("key").asText());
        var none = plan("us-east-1", MeshFixtures.service("claude-flow", List.of(), TrafficPolicy.defaults()), List.of());
        assertEquals(0, none.count("kubernetes:security.istio.io/v1:AuthorizationPolicy"), "nobody to deny: no policy");
        assertEquals(0, plan.count("kubernetes:security.istio.io/v1:RequestAuthentication"), "no issuer configured: header only");
        var withJwt = plan("us-east-1", MeshFixtures.service("claude-flow", List.of(), TrafficPolicy.defaults()), List.of("nordbank"),
                java.util.Optional.of(new JwtIssuer("https://id.acgs2.example", "https://id.acgs2.example/jwks", List.of("acgs2"))));
        var ra = json(one(withJwt, "kubernetes:security.istio.io/v1:RequestAuthentication", "svc-jwt").inputs().get("spec"));
        assertEquals("claude-flow", ra.get("selector").get("matchLabels").get("app.kubernetes.io/name").asText());
        assertEquals("https://id.acgs2.example", ra.get("jwtRules").get(0).get("issuer").asText());
        assertEquals("https://id.acgs2.example/jwks", ra.get("jwtRules").get(0).get("jwksUri").asText());
        assertEquals("[\"acgs2\"]", ra.get("jwtRules").get(0).get("audiences").toString());
    }

    @Test
    void badArgsAreReportedTogether() {
        var e = assertThrows(IllegalArgumentException.class, () -> AcgsServiceArgs.builder().build());
        for (var f : List.of("spec: is required", "region: is required", "namespace: is required", "tenantHeader: is required")) {
            assertTrue(e.getMessage().contains(f), e.getMessage());
        }
    }
}
