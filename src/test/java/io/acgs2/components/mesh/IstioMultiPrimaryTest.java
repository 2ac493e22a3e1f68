package io.acgs2.components.mesh;

import com.pulumi.core.Output;
import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static io.acgs2.testing.Fixtures.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IstioMultiPrimaryTest {

    static StackPlan istio(String region, String network) {
        return runInRegion(region, r -> {
            var core = MeshFixtures.core(r, region);
            new IstioMultiPrimary("istio", IstioMultiPrimaryArgs.builder()
                    .meshId("acgs2-mesh").clusterName("acgs2-" + region).network(network)
                    .cluster(core).clusterSecurityGroupId(Output.of("sg-cluster")).servicesNamespace("acgs2")
                    .after(core.ready()).build(), r.opts());
        });
    }

    @Test
    void everyRegionSharesTheMeshIdWithItsOwnClusterNameAndNetwork() {
        var us = istio("us-east-1", "network-us-east-1");
        var eu = istio("eu-west-1", "network-eu-west-1");
        var usGlobal = json(one(us, "kubernetes:helm.sh/v3:Release", "istio-istiod").inputs().get("values")).get("global");
        var euGlobal = json(one(eu, "kubernetes:helm.sh/v3:Release", "istio-istiod").inputs().get("values")).get("global");
        assertEquals(usGlobal.get("meshID"), euGlobal.get("meshID"));
        assertEquals("acgs2-us-east-1", usGlobal.get("multiCluster").get("clusterName").asText());
        assertEquals("acgs2-eu-west-1", euGlobal.get("multiCluster").get("clusterName").asText());
        assertEquals("network-us-east-1", usGlobal.get("network").asText());
        assertEquals("network-eu-west-1", euGlobal.get("network").asText());
        for (var chart : List.of("istio-base", "istio-cni", "istio-istiod", "istio-eastwest-gateway")) {
            var release = one(us, "kubernetes:helm.sh/v3:Release", chart);
            assertEquals(IstioVersions.VERSION, release.inputs().get("version"), chart);
            assertEquals(IstioVersions.CHART_REPO, json(release.inputs().get("repositoryOpts")).get("repo").asText(), chart);
        }
        var istiod = json(one(us, "kubernetes:helm.sh/v3:Release", "istio-istiod").inputs().get("values"));
        // the Helm chart's own keys: it ignores istioctl's pilot.* (values.yaml of istio-discovery 1.31)
        assertFalse(istiod.has("pilot"), "pilot.* is istioctl's spelling; the istiod chart never reads it");
        assertTrue(istiod.get("cni").get("enabled").asBoolean(), "the CNI agent: no privileged init container in restricted namespaces");
        assertEquals(2, istiod.get("autoscaleMin").asInt());
        assertEquals(2, istiod.get("replicaCount").asInt());
        // the east-west gateway survives a node drain: two replicas, a PDB, spread over zones
        var eastWest = json(one(us, "kubernetes:helm.sh/v3:Release", "istio-eastwest-gateway").inputs().get("values"));
        assertEquals(2, eastWest.get("autoscaling").get("minReplicas").asInt());
        assertEquals(1, eastWest.get("podDisruptionBudget").get("minAvailable").asInt());
        assertEquals("topology.kubernetes.io/zone", eastWest.get("topologySpreadConstraints").get(0).get("topologyKey").asText());
        // istiod fetches a JWT issuer's JWKS and watches the peer API servers: HTTPS out, istiod only
        var egress = json(one(us, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "istio-istiod-egress").inputs().get("spec"));
        assertEquals("istiod", egress.get("podSelector").get("matchLabels").get("app").asText());
        assertEquals(443, egress.get("egress").get(0).get("ports").get(0).get("port").asInt());
        assertEquals(1, egress.get("egress").get(0).get("ports").size(), "HTTPS only");
        // the network label is the baseline's, on the namespace itself: no patch object (no such kind exists)
        assertTrue(where(us, r -> r.type().contains("NamespacePatch") || "NamespacePatch".equals(r.inputs().get("kind"))).isEmpty());
        assertEquals("STRICT", json(one(us, "kubernetes:security.istio.io/v1:PeerAuthentication", "istio-strict-mtls").inputs()
                .get("spec")).get("mtls").get("mode").asText());
        var gw = json(one(us, "kubernetes:networking.istio.io/v1:Gateway", "istio-cross-network-gateway").inputs().get("spec"))
                .get("servers").get(0);
        assertEquals(15443, gw.get("port").get("number").asInt());
        assertEquals("AUTO_PASSTHROUGH", gw.get("tls").get("mode").asText());
        assertEquals("[\"*.local\"]", gw.get("hosts").toString());
    }

    @Test
    void theEastWestGatewayIsNeverInternetFacingAndAdmitsNoOneUntilALinkOpensIt() {
        var plan = istio("us-east-1", "network-us-east-1");
        var values = json(one(plan, "kubernetes:helm.sh/v3:Release", "istio-eastwest-gateway").inputs().get("values"));
        assertEquals("network-us-east-1", values.get("networkGateway").asText());
        var annotations = values.get("service").get("annotations");
        assertEquals("internal", annotations.get("service.beta.kubernetes.io/aws-load-balancer-scheme").asText());
        var sg = one(plan, "aws:ec2/securityGroup:SecurityGroup", "istio-eastwest");
        assertTrue(annotations.get("service.beta.kubernetes.io/aws-load-balancer-security-groups").asText().startsWith("sg-"));
        assertEquals("true", annotations.get("service.beta.kubernetes.io/aws-load-balancer-manage-backend-security-group-rules").asText());
        assertFalse(sg.inputs().containsKey("ingress"), "no ingress until a peering link adds a peer VPC");
        assertEquals(0, plan.count("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"));
        var egress = where(plan, r -> r.type().equals("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")
                && "sg-cluster".equals(r.inputs().get("referencedSecurityGroupId")));
        // multi-primary needs 15443 and the health check's 15021; the chart's 15012/15017 stay closed
        assertEquals(List.of(15021L, 15443L), egress.stream().map(r -> ((Number) r.inputs().get("fromPort")).longValue()).sorted().toList(),
                "egress only to the gateway pods, on the ports multi-primary uses");
    }

    @Test
    void istiodStartsAfterItsCaAndTheReaderTokenIsASecret() {
        var plan = istio("us-east-1", "network-us-east-1");
        var istiod = one(plan, "kubernetes:helm.sh/v3:Release", "istio-istiod");
        var ready = one(plan, "aws:eks/addon:Addon", "ready");
        assertTrue(istiod.dependencies().contains(ready.urn()), "istiod waits for what `after` names (the cacerts secret)");
        var token = one(plan, "kubernetes:core/v1:Secret", "istio-reader-token");
        assertEquals("kubernetes.io/service-account-token", token.inputs().get("type"));
        assertEquals("istio-reader-service-account", json(token.inputs().get("metadata")).get("annotations")
                .get("kubernetes.io/service-account.name").asText());
        var e = assertThrows(IllegalArgumentException.class, () -> IstioMultiPrimaryArgs.builder().meshId("Mesh!").build());
        assertTrue(e.getMessage().contains("meshId: 'Mesh!' is not a lower-case DNS label"), e.getMessage());
        assertTrue(e.getMessage().contains("after: is empty"), e.getMessage());
    }
}
