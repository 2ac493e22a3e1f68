package io.acgs2.stacks.layers;

import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.planAll;
import static io.acgs2.testing.Fixtures.shippedProject;
import static io.acgs2.testing.Fixtures.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mesh layer on the shipped fleet: one root, an intermediate per region, Istio, the link, the services. */
public class MeshLayerTest {

    private static Map<String, StackPlan> shipped;

    @BeforeAll
    static void planShipped(@TempDir Path dir) {
        shipped = io.acgs2.testing.Fixtures.shippedPlans();
    }

    @Test
    void theRootIsMadeOnceAndEveryRegionSignsItsOwnIntermediate() {
        var us = shipped.get("us-east-1");
        var eu = shipped.get("eu-west-1");
        assertEquals(1, inCa(us, "tls:index/selfSignedCert:SelfSignedCert"));
        assertEquals(0, inCa(eu, "tls:index/selfSignedCert:SelfSignedCert"), "the root is generated once, by the first region");
        assertEquals(1, inCa(us, "tls:index/locallySignedCert:LocallySignedCert"));
        assertEquals(1, inCa(eu, "tls:index/locallySignedCert:LocallySignedCert"));
        // eu-west-1 signs with the root us-east-1 exports, and receives its key only as a secret
        assertEquals(us.outputs().get("meshRootCertPem"), one(eu, "tls:index/locallySignedCert:LocallySignedCert",
                "acgs2-mesh-ca-intermediate").inputs().get("caCertPem"));
        assertEquals("[secret]", us.outputs().get("meshRootKeyPem"));
        assertEquals("[secret]", eu.outputs().get("meshReaderToken"));
        for (var plan : List.of(us, eu)) {
            var cacerts = one(plan, "kubernetes:core/v1:Secret", "acgs2-mesh-ca-cacerts");
            var istiod = one(plan, "kubernetes:helm.sh/v3:Release", "acgs2-istio-istiod");
            assertTrue(istiod.dependencies().contains(cacerts.urn()), "istiod starts after its CA: " + plan.stack());
            // every tls resource has the explicit tls provider (default providers are off)
            plan.resources().stream().filter(r -> r.type().startsWith("tls:index")).forEach(r ->
                    assertTrue(String.valueOf(r.providerUrn()).matches(".*pulumi:providers:tls::tls-(kafka-|ingress-|wiring-)?" + plan.stack()), r.urn()));
        }
    }

    @Test
    void oneMeshDistinctClustersAndNetworksAndTheLaterRegionOwnsBothRemoteSecrets() {
        var us = shipped.get("us-east-1");
        var eu = shipped.get("eu-west-1");
        var ids = shipped.values().stream().map(p -> json(one(p, "kubernetes:helm.sh/v3:Release", "acgs2-istio-istiod").inputs()
                .get("values")).get("global")).toList();
        assertEquals(1, ids.stream().map(g -> g.get("meshID").asText()).distinct().count());
        assertEquals(2, ids.stream().map(g -> g.get("multiCluster").get("clusterName").asText()).distinct().count());
        assertEquals(2, ids.stream().map(g -> g.get("network").asText()).distinct().count());
        assertEquals(0, us.count("acgs2:mesh:MeshPeering"), "the first region owns no link");
        assertEquals(List.of("eu-west-1 in us-east-1", "us-east-1 in eu-west-1"), remoteSecrets(eu),
                "both directions, written by eu-west-1");
        var here = one(eu, "kubernetes:core/v1:Secret", "acgs2-mesh-peering-us-east-1-secret-here");
        var meta = map(here.inputs().get("metadata"));
        assertEquals(Map.of("istio/multiCluster", "true"), meta.get("labels"));
        assertEquals(Map.of("networking.istio.io/cluster", "acgs2-us-east-1"), meta.get("annotations"));
        assertEquals("[secret]", here.inputs().get("stringData"), "the bearer token is a secret");
        // the API servers stay private: 443 is opened to the other VPC on each cluster's security group
        var api = where(eu, r -> r.type().equals("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
                && Integer.valueOf(443).equals(num(r.inputs().get("fromPort"))) && r.name().startsWith("acgs2-mesh-peering"));
        assertEquals(Set.of("10.10.0.0/16@eu-west-1", "10.20.0.0/16@us-east-1"),
                api.stream().map(r -> r.inputs().get("cidrIpv4") + "@" + r.providerRegion()).collect(Collectors.toSet()));
    }

    @Test
    void bothServicesRunInBothRegionsAndRefuseTheOtherZonesTenants() {
        for (var region : List.of("us-east-1", "eu-west-1")) {
            var plan = shipped.get(region);
            assertEquals(Set.of("claude-flow", "neural-mcp"), plan.ofType("kubernetes:apps/v1:Deployment").stream()
                    .map(d -> String.valueOf(map(d.inputs().get("metadata")).get("name"))).collect(Collectors.toSet()));
            @SuppressWarnings("unchecked")
            var bounds = (Map<String, String>) plan.outputs().get("meshFailoverBounds");
            assertEquals(Map.of("claude-flow", "9", "neural-mcp", "24"), bounds, "3 × 3 s and 3 × 8 s");
        }
        var denied = Map.of("us-east-1", "[\"nordbank\"]", "eu-west-1", "[\"acme-health\"]");
        denied.forEach((region, tenants) -> {
            var ap = json(one(shipped.get(region), "kubernetes:security.istio.io/v1:AuthorizationPolicy", "acgs2-svc-claude-flow-residency")
                    .inputs().get("spec"));
            assertEquals(tenants, ap.get("rules").get(0).get("when").get(0).get("values").toString(), region);
        });
        var gpu = json(one(shipped.get("us-east-1"), "kubernetes:apps/v1:Deployment", "acgs2-svc-neural-mcp-deployment").inputs()
                .get("spec")).get("template").get("spec").get("nodeSelector").get("acgs2.io/node-role").asText();
        assertEquals("gpu", gpu);
        var noGpu = json(one(shipped.get("eu-west-1"), "kubernetes:apps/v1:Deployment", "acgs2-svc-neural-mcp-deployment").inputs()
                .get("spec")).get("template").get("spec").get("nodeSelector").get("acgs2.io/node-role").asText();
        assertEquals("workloads", noGpu);
    }

    /** Each remote secret as "&lt;cluster it names&gt; in &lt;region of the cluster it is written to&gt;". */
    public static List<String> remoteSecrets(StackPlan plan) {
        return plan.ofType("kubernetes:core/v1:Secret").stream()
                .filter(s -> !s.read() && s.inputs().get("metadata") != null)
                .filter(s -> String.valueOf(map(s.inputs().get("metadata")).get("name")).startsWith("istio-remote-secret-"))
                // peer clusters are reached through providers named k8s-<region>
                .map(s -> String.valueOf(map(s.inputs().get("metadata")).get("name")).replace("istio-remote-secret-acgs2-", "") + " in "
                        + (s.providerUrn().contains("::k8s-") ? s.providerUrn().substring(s.providerUrn().lastIndexOf("::k8s-") + 6)
                        : plan.stack()))
                .sorted().toList();
    }

    /** Resources of a type in the mesh CA (the Kafka layer has a CA of its own). */
    private static long inCa(StackPlan plan, String type) {
        return plan.ofType(type).stream().filter(r -> r.urn().contains("acgs2:mesh:MeshCertificateAuthority$")).count();
    }

    private static Integer num(Object o) {
        return o instanceof Number n ? n.intValue() : null;
    }
}
