package io.acgs2.components.traffic;

import io.acgs2.components.network.Ipv4Cidr;
import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngressGatewayTest {

    static StackPlan plan() {
        return runInRegion("eu-west-1", r -> {
            var tls = new io.acgs2.components.tls.TlsProvider("tls", com.pulumi.resources.CustomResourceOptions.builder().build());
            new IngressGateway("gw", IngressGatewayArgs.builder()
                    .cluster(TrafficFixtures.core(r, "eu-west-1"))
                    .namespace("acgs2-ingress")
                    .servicesNamespace("acgs2")
                    .hostnames(List.of("eu.api.acgs2.example.com", "eu-west-1.eu.api.acgs2.example.com"))
                    .publicRanges(List.of(Ipv4Cidr.parse("10.20.192.0/19")))
                    .build(), com.pulumi.resources.ComponentResourceOptions.builder().providers(r.provider(), tls).build());
        });
    }

    @Test
    void theMeshsGatewayChartBehindTheAlbOverTlsWithTheClientIpKept() {
        var plan = plan();
        var release = one(plan, "kubernetes:helm.sh/v3:Release", "gw-release");
        assertEquals("gateway", release.inputs().get("chart"));
        assertEquals(io.acgs2.components.mesh.IstioVersions.VERSION, release.inputs().get("version"), "the mesh's pin");
        assertEquals("acgs2-ingress", release.inputs().get("namespace"));
        var values = json(release.inputs().get("values"));
        assertEquals("ClusterIP", values.at("/service/type").asText(), "no load balancer of its own: the ALB targets the pods");
        assertTrue(values.at("/autoscaling/minReplicas").asInt() >= 2);
        assertEquals(1, values.at("/podDisruptionBudget/minAvailable").asInt());
        assertEquals("topology.kubernetes.io/zone", values.at("/topologySpreadConstraints/0/topologyKey").asText());
        assertEquals(1, json(values.at("/podAnnotations/proxy.istio.io~1config").asText()).at("/gatewayTopology/numTrustedProxies").asInt());
        var gateway = json(one(plan, "kubernetes:networking.istio.io/v1:Gateway", "gw-gateway").inputs().get("spec"));
        var server = gateway.at("/servers/0");
        assertEquals(443, server.at("/port/number").asInt());
        assertEquals("HTTPS", server.at("/port/protocol").asText());
        assertEquals("SIMPLE", server.at("/tls/mode").asText());
        assertEquals(IngressGateway.TLS_SECRET, server.at("/tls/credentialName").asText());
        assertEquals(List.of("*"), List.of(server.at("/hosts/0").asText()), "the ALB sends no SNI: every host");
        var secret = one(plan, "kubernetes:core/v1:Secret", "gw-tls");
        assertEquals("kubernetes.io/tls", secret.inputs().get("type"));
        assertEquals("[secret]", secret.inputs().get("stringData"));
        var cert = one(plan, "tls:index/selfSignedCert:SelfSignedCert", "gw-tls-cert");
        assertEquals(List.of("eu.api.acgs2.example.com", "eu-west-1.eu.api.acgs2.example.com"), cert.inputs().get("dnsNames"));
        assertTrue(((Number) cert.inputs().get("earlyRenewalHours")).longValue() > 0, "renewed before it expires");
    }

    @Test
    void onlyThePublicTierReachesTheGatewayWhichReachesOnlyTheServices() {
        var plan = plan();
        var fromAlb = json(map(one(plan, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "gw-from-alb").inputs()).get("spec"));
        assertEquals("10.20.192.0/19", fromAlb.at("/ingress/0/from/0/ipBlock/cidr").asText());
        assertEquals(List.of(443, 15021), List.of(fromAlb.at("/ingress/0/ports/0/port").asInt(), fromAlb.at("/ingress/0/ports/1/port").asInt()));
        var toServices = json(map(one(plan, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "gw-to-services").inputs()).get("spec"));
        assertEquals("acgs2", toServices.at("/egress/0/to/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText());
        var admitted = one(plan, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "gw-services-from-gateway");
        assertEquals("acgs2", map(admitted.inputs().get("metadata")).get("namespace"));
    }

    @Test
    void rejectsASingleReplica() {
        var e = assertThrows(IllegalArgumentException.class, () -> IngressGatewayArgs.builder().minReplicas(1).build());
        assertTrue(e.getMessage().contains("minReplicas: is 1"), e.getMessage());
    }
}
