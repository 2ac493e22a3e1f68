package io.acgs2.components.traffic;

import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngressRoutesTest {

    static StackPlan plan(Optional<String> claim) {
        return runInRegion("us-east-1", r -> new IngressRoutes("routes", IngressRoutesArgs.builder()
                .cluster(TrafficFixtures.core(r, "us-east-1"))
                .namespace("acgs2-ingress")
                .servicesNamespace("acgs2")
                .gatewayRef("acgs2-ingress/public")
                .region("us-east-1")
                .hostnames(List.of("api.acgs2.example.com", "us-east-1.api.acgs2.example.com"))
                .routes(List.of(new IngressRoutesArgs.Route("/", TrafficFixtures.service("claude-flow", 8080)),
                        new IngressRoutesArgs.Route("/neural-mcp/", TrafficFixtures.service("neural-mcp", 8081))))
                .healthService(TrafficFixtures.service("claude-flow", 8080))
                .refusedTenants(Map.of("nordbank", new IngressRoutesArgs.Refused("gdpr", Optional.of("eu.api.acgs2.example.com"))))
                .tenantHeader("x-acgs2-tenant")
                .tenantClaim(claim)
                .build(), r.opts()));
    }

    @Test
    void refusedTenantsFirstThenHealthFromThisRegionThenLongestPrefixThenNotFound() {
        var plan = plan(Optional.of("acgs2_tenant"));
        var vs = one(plan, "kubernetes:networking.istio.io/v1:VirtualService", "routes-virtual-service");
        assertEquals("acgs2-ingress", map(vs.inputs().get("metadata")).get("namespace"));
        var spec = json(vs.inputs().get("spec"));
        assertEquals(List.of("acgs2-ingress/public"), List.of(spec.get("gateways").get(0).asText()), "bound to the public gateway only");
        assertEquals(2, spec.get("hosts").size());
        var http = spec.get("http");
        var names = new java.util.ArrayList<String>();
        http.forEach(h -> names.add(h.get("name").asText()));
        assertEquals(List.of("residency-nordbank-header", "residency-nordbank-claim", "health", "neural-mcp-neural-mcp", "claude-flow",
                "not-found"), names);
        // a tenant of another zone: 421, and where it is served
        var header = http.get(0);
        assertEquals("nordbank", header.at("/match/0/headers/x-acgs2-tenant/exact").asText());
        assertEquals(421, header.at("/directResponse/status").asInt());
        assertTrue(header.at("/directResponse/body/string").asText().contains("https://eu.api.acgs2.example.com/"));
        assertEquals("nordbank", http.get(1).at("/match/0/headers/@request.auth.claims.acgs2_tenant/exact").asText());
        // health: only this region's pods, never retried elsewhere
        var health = http.get(2);
        assertEquals("/health", health.at("/match/0/uri/exact").asText());
        assertEquals("claude-flow-us-east-1.acgs2.svc.cluster.local", health.at("/route/0/destination/host").asText());
        assertEquals(0, health.at("/retries/attempts").asInt());
        var service = one(plan, "kubernetes:core/v1:Service", "routes-health-service");
        assertEquals("claude-flow-us-east-1", map(service.inputs().get("metadata")).get("name"));
        assertEquals(Map.of("app.kubernetes.io/name", "claude-flow"), map(service.inputs().get("spec")).get("selector"));
        // a prefix is stripped, and retries may go to another region like any mesh caller's
        var neural = http.get(3);
        assertEquals("/neural-mcp/", neural.at("/match/0/uri/prefix").asText());
        assertEquals("/", neural.at("/rewrite/uri").asText());
        assertEquals(8081, neural.at("/route/0/destination/port/number").asInt());
        assertTrue(neural.at("/retries/retryRemoteLocalities").asBoolean());
        assertTrue(http.get(4).at("/rewrite").isMissingNode(), "the / route keeps its path");
        assertEquals(404, http.get(5).at("/directResponse/status").asInt());
    }

    @Test
    void withoutAnIssuerOnlyTheHeaderIsMatched() {
        var http = json(one(plan(Optional.empty()), "kubernetes:networking.istio.io/v1:VirtualService", "routes-virtual-service")
                .inputs().get("spec")).get("http");
        assertEquals("residency-nordbank-header", http.get(0).get("name").asText());
        assertEquals("health", http.get(1).get("name").asText());
    }

    @Test
    void aPrefixRoutedTwiceIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> IngressRoutesArgs.builder()
                .routes(List.of(new IngressRoutesArgs.Route("/a/", TrafficFixtures.service("a", 1)),
                        new IngressRoutesArgs.Route("/a/", TrafficFixtures.service("b", 2)))).build());
        assertTrue(e.getMessage().contains("prefix /a/ is routed twice"), e.getMessage());
    }
}
