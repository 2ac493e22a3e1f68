package io.acgs2.components.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.compute.ClusterCore;
import io.acgs2.components.kubernetes.KubernetesPlugin;
import io.acgs2.stacks.plan.PlannedResource;
import io.acgs2.stacks.plan.StackPlan;
import io.acgs2.testing.Fixtures.InRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static io.acgs2.testing.Fixtures.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterBaselineTest {

    private static final String NAMESPACE = "kubernetes:core/v1:Namespace";
    private static final String NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
    private static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    private static final String K8S_PROVIDER = "pulumi:providers:kubernetes";
    private static final String ROLE = "aws:iam/role:Role";
    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final String ASSOCIATION = "aws:eks/podIdentityAssociation:PodIdentityAssociation";
    private static final String READY = "aws:eks/addon:Addon";

    private static final String CLUSTER = "acgs2-euw1";
    private static final String VPC = "vpc-0a1b2c3d4e5f60718";
    private static final List<String> CIDRS = List.of("10.20.0.0/16", "100.64.0.0/16");
    private static final List<String> NAMESPACES = List.of("acgs2", "acgs2-system", "kafka", "istio-system");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The ClusterCore a test cluster would hand over: a real Kubernetes provider, a ready add-on. */
    private static ClusterCore core(InRegion r, String region) {
        var k8s = new com.pulumi.kubernetes.Provider("k8s", ProviderArgs.builder().kubeconfig("{}").build(),
                KubernetesPlugin.pinned(CustomResourceOptions.builder().build()));
        var ready = new Addon("ready", AddonArgs.builder().clusterName(CLUSTER).addonName("coredns").build(),
                CustomResourceOptions.builder().provider(r.provider()).build());
        return new ClusterCore(region, Output.of(CLUSTER), k8s, Output.of(VPC), Output.of(CIDRS),
                Output.of("arn:aws:iam::123456789012:oidc-provider/oidc.eks." + region + ".amazonaws.com/id/X"),
                List.of(ready));
    }

    private static StackPlan baseline(String region, UnaryOperator<ClusterBaselineArgs.Builder> tweak) {
        return runInRegion(region, r -> {
            var b = new ClusterBaseline("base", tweak.apply(ClusterBaselineArgs.builder()
                    .cluster(core(r, region))
                    .facts(r.facts())).build(), r.opts());
            r.ctx().export("servicesNamespace", b.servicesNamespace);
            r.ctx().export("systemNamespace", b.systemNamespace);
            r.ctx().export("kafkaNamespace", b.kafkaNamespace);
            r.ctx().export("istioSystemNamespace", b.istioSystemNamespace);
            r.ctx().export("lbcRoleArn", b.loadBalancerControllerRoleArn.applyValue(o -> o.orElse("none")));
            r.ctx().export("readyCount", Output.of(b.ready.size()));
            r.ctx().export("hasRelease", Output.of(b.loadBalancerController.isPresent()));
        });
    }

    private static StackPlan baseline() {
        return baseline("eu-west-1", b -> b);
    }

    private static Map<String, Object> spec(PlannedResource r) {
        return map(r.inputs().get("spec"));
    }

    private static Map<String, Object> metadata(PlannedResource r) {
        return map(r.inputs().get("metadata"));
    }

    private static PlannedResource policy(StackPlan plan, String namespace, String name) {
        var found = where(plan, r -> r.type().equals(NETWORK_POLICY) && namespace.equals(metadata(r).get("namespace"))
                && name.equals(metadata(r).get("name")));
        assertEquals(1, found.size(), () -> "NetworkPolicy " + namespace + "/" + name);
        return found.get(0);
    }

    private static Map<String, Object> nsSelector(String name) {
        return Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", name));
    }

    private static Map<String, Object> tcp(int port) {
        return Map.of("protocol", "TCP", "port", (long) port);
    }

    @Test
    void createsExactlyThePlatformNamespacesWithPodSecurityLabels() {
        var plan = baseline();
        var component = one(plan, ClusterBaseline.TYPE, "base");
        var ready = one(plan, READY, "ready");
        var namespaces = plan.ofType(NAMESPACE);
        assertEquals(NAMESPACES, namespaces.stream().map(n -> (String) metadata(n).get("name")).sorted(
                (a, b) -> NAMESPACES.indexOf(a) - NAMESPACES.indexOf(b)).toList());
        var restricted = Map.of(
                "pod-security.kubernetes.io/enforce", "restricted",
                "pod-security.kubernetes.io/enforce-version", "latest",
                "pod-security.kubernetes.io/audit", "restricted",
                "pod-security.kubernetes.io/warn", "restricted");
        for (var key : List.of("services", "system", "kafka")) {
            assertEquals(restricted, metadata(one(plan, NAMESPACE, "base-ns-" + key)).get("labels"), key);
        }
        // istio-system: enforce baseline, audit and warn restricted, and no other label
        assertEquals(Map.of(
                "pod-security.kubernetes.io/enforce", "baseline",
                "pod-security.kubernetes.io/enforce-version", "latest",
                "pod-security.kubernetes.io/audit", "restricted",
                "pod-security.kubernetes.io/warn", "restricted"), metadata(one(plan, NAMESPACE, "base-ns-istio")).get("labels"));
        assertEquals("istio-system", metadata(one(plan, NAMESPACE, "base-ns-istio")).get("name"));
        // with a mesh network, istio-system carries it from creation (istiod reads it; no patch object)
        var meshed = baseline("eu-west-1", b -> b.meshNetwork("network-eu-west-1"));
        assertEquals("network-eu-west-1", map(metadata(one(meshed, NAMESPACE, "base-ns-istio")).get("labels"))
                .get("topology.istio.io/network"));
        for (var key : List.of("services", "system", "kafka")) {
            assertEquals(restricted, metadata(one(meshed, NAMESPACE, "base-ns-" + key)).get("labels"), key);
        }
        for (var ns : namespaces) {
            assertEquals(component.urn(), ns.parent(), ns.name());
            assertTrue(ns.dependencies().contains(ready.urn()), ns.name() + " waits for the cluster");
        }
        assertEquals(Map.of("servicesNamespace", "acgs2", "systemNamespace", "acgs2-system", "kafkaNamespace", "kafka",
                        "istioSystemNamespace", "istio-system"),
                Map.of("servicesNamespace", plan.outputs().get("servicesNamespace"),
                        "systemNamespace", plan.outputs().get("systemNamespace"),
                        "kafkaNamespace", plan.outputs().get("kafkaNamespace"),
                        "istioSystemNamespace", plan.outputs().get("istioSystemNamespace")));
    }

    @Test
    void customNamespaceNamesFlowToObjectsPoliciesAndOutputs() {
        var plan = baseline("eu-west-1", b -> b.servicesNamespace("gov").systemNamespace("gov-platform"));
        assertEquals("gov", metadata(one(plan, NAMESPACE, "base-ns-services")).get("name"));
        assertEquals("gov-platform", metadata(one(plan, NAMESPACE, "base-ns-system")).get("name"));
        policy(plan, "gov", "default-deny");
        policy(plan, "gov-platform", "default-deny");
        assertEquals("gov", plan.outputs().get("servicesNamespace"));
        assertEquals("gov-platform", plan.outputs().get("systemNamespace"));
    }

    @Test
    void everyNamespaceHasTheDefaultDenyDnsAndSameNamespacePolicies() {
        var plan = baseline();
        var deny = Map.of("podSelector", Map.of(), "policyTypes", List.of("Ingress", "Egress"));
        var dns = Map.of("podSelector", Map.of(), "policyTypes", List.of("Egress"),
                "egress", List.of(Map.of(
                        "to", List.of(Map.of("namespaceSelector", nsSelector("kube-system"),
                                "podSelector", Map.of("matchLabels", Map.of("k8s-app", "kube-dns")))),
                        "ports", List.of(Map.of("protocol", "UDP", "port", 53L), Map.of("protocol", "TCP", "port", 53L)))));
        var same = Map.of("podSelector", Map.of(), "policyTypes", List.of("Ingress", "Egress"),
                "ingress", List.of(Map.of("from", List.of(Map.of("podSelector", Map.of())))),
                "egress", List.of(Map.of("to", List.of(Map.of("podSelector", Map.of())))));
        for (var ns : NAMESPACES) {
            assertEquals(deny, spec(policy(plan, ns, "default-deny")), ns);
            assertEquals(dns, spec(policy(plan, ns, "allow-dns")), ns);
            assertEquals(same, spec(policy(plan, ns, "allow-same-namespace")), ns);
        }
    }

    @Test
    void everyNamespacePassesThePolicyPacksDefaultDenyRule() {
        // namespace-default-deny (policies/src/kubernetes.ts): a NetworkPolicy in the namespace (by
        // metadata.namespace or a dependency) with podSelector {}, Ingress and Egress, and no rules.
        var plan = baseline();
        for (var ns : plan.ofType(NAMESPACE)) {
            var name = metadata(ns).get("name");
            var inNs = where(plan, np -> np.type().equals(NETWORK_POLICY)
                    && (name.equals(metadata(np).get("namespace")) || np.dependencies().contains(ns.urn())));
            assertTrue(inNs.stream().allMatch(np -> np.dependencies().contains(ns.urn())), name + ": policies wait for it");
            assertTrue(inNs.stream().anyMatch(np -> {
                var s = spec(np);
                var types = (List<?>) s.get("policyTypes");
                return Map.of().equals(s.get("podSelector")) && types.contains("Ingress") && types.contains("Egress")
                        && !s.containsKey("ingress") && !s.containsKey("egress");
            }), name + " has a default-deny NetworkPolicy");
        }
    }

    @Test
    void theApiServerPolicyAllows443ToEveryVpcCidr() {
        var plan = baseline();
        var expected = Map.of("podSelector", Map.of(), "policyTypes", List.of("Egress"),
                "egress", List.of(Map.of(
                        "to", CIDRS.stream().map(c -> Map.of("ipBlock", Map.of("cidr", c))).toList(),
                        "ports", List.of(tcp(443)))));
        for (var ns : NAMESPACES) {
            assertEquals(expected, spec(policy(plan, ns, "allow-kube-apiserver")), ns);
        }
    }

    @Test
    void meshNamespacesReachIstiodAndIstiodAdmitsTheMeshAndTheApiServer() {
        var plan = baseline();
        var toIstiod = Map.of("podSelector", Map.of(), "policyTypes", List.of("Egress"),
                "egress", List.of(Map.of(
                        "to", List.of(Map.of("namespaceSelector", nsSelector("istio-system"),
                                "podSelector", Map.of("matchLabels", Map.of("app", "istiod")))),
                        "ports", List.of(tcp(15012), tcp(15014)))));
        for (var ns : List.of("acgs2", "acgs2-system", "kafka")) {
            assertEquals(toIstiod, spec(policy(plan, ns, "allow-istio-control-plane")), ns);
        }
        assertTrue(where(plan, r -> r.type().equals(NETWORK_POLICY) && "istio-system".equals(metadata(r).get("namespace"))
                && "allow-istio-control-plane".equals(metadata(r).get("name"))).isEmpty());
        assertEquals(Map.of("podSelector", Map.of("matchLabels", Map.of("app", "istiod")), "policyTypes", List.of("Ingress"),
                "ingress", List.of(
                        Map.of("from", List.of(Map.of("namespaceSelector", Map.of())),
                                "ports", List.of(tcp(15010), tcp(15012), tcp(15014))),
                        Map.of("from", CIDRS.stream().map(c -> Map.of("ipBlock", Map.of("cidr", c))).toList(),
                                "ports", List.of(tcp(15017))))),
                spec(policy(plan, "istio-system", "allow-istiod-ingress")));
        // 4 namespaces x (deny, same-namespace, dns, api server) + 3 to istiod + 1 istiod ingress
        assertEquals(20, plan.count(NETWORK_POLICY));
    }

    @Test
    void everyKubernetesObjectGoesThroughTheClustersProviderInsideTheComponent() {
        var plan = baseline();
        var provider = one(plan, K8S_PROVIDER, "k8s");
        var component = one(plan, ClusterBaseline.TYPE, "base");
        var objects = where(plan, r -> r.type().startsWith("kubernetes:"));
        assertEquals(4 + 20 + 1, objects.size());
        for (var o : objects) {
            assertEquals(provider.urn(), o.providerUrn(), o.name());
            assertEquals(component.urn(), o.parent(), o.name());
        }
        for (var o : where(plan, r -> r.type().startsWith("aws:") && !r.name().equals("ready"))) {
            assertEquals("eu-west-1", o.providerRegion(), o.name() + " uses the component's AWS provider");
            assertNotNull(o.parent(), o.name());
        }
    }

    @ParameterizedTest(name = "{0}: partition {1}")
    @CsvSource({"eu-west-1, aws", "cn-north-1, aws-cn", "us-gov-west-1, aws-us-gov"})
    void theControllerRoleTrustsPodIdentityAndItsPolicyOnlyMutatesWhatTheClusterTagged(String region, String partition)
            throws Exception {
        var plan = baseline(region, b -> b);
        var role = one(plan, ROLE, "base-lbc");
        var trust = JSON.readTree((String) role.inputs().get("assumeRolePolicy"));
        var t = trust.get("Statement").get(0);
        assertEquals("pods.eks.amazonaws.com", t.get("Principal").get("Service").asText());
        assertEquals(List.of("sts:AssumeRole", "sts:TagSession"), strings(t.get("Action")));
        assertEquals("123456789012", t.get("Condition").get("StringEquals").get("aws:SourceAccount").asText());

        var rolePolicy = one(plan, ROLE_POLICY, "base-lbc");
        assertEquals(role.urn(), rolePolicy.parent());
        var doc = JSON.readTree((String) rolePolicy.inputs().get("policy"));
        var mutatingElb = new HashSet<String>();
        for (var s : doc.get("Statement")) {
            var actions = strings(s.get("Action"));
            var resources = strings(s.get("Resource"));
            assertEquals("Allow", s.get("Effect").asText());
            for (var a : actions) {
                assertFalse(a.equals("*") || a.endsWith(":*"), "no admin action: " + a);
            }
            for (var res : resources) {
                assertTrue(res.equals("*") || res.startsWith("arn:" + partition + ":"), res);
                if (res.contains(":elasticloadbalancing:") || res.contains(":ec2:")) {
                    assertTrue(res.contains(":" + region + ":123456789012:"), res);
                }
            }
            var mutating = actions.stream().filter(a -> !isRead(a)).toList();
            if (resources.contains("*")) {
                assertEquals(List.of(), mutating, s.get("Sid") + " mutates with Resource *");
            }
            for (var a : mutating) {
                if (a.startsWith("elasticloadbalancing:")) {
                    mutatingElb.add(a);
                    var condition = s.get("Condition");
                    assertNotNull(condition, a + " without a condition");
                    assertTrue(condition.toString().contains("elbv2.k8s.aws/cluster"), a + " not bound to the cluster tag");
                    assertTrue(condition.toString().contains(CLUSTER), a + " not bound to this cluster");
                }
            }
        }
        assertTrue(mutatingElb.containsAll(List.of("elasticloadbalancing:CreateLoadBalancer",
                "elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:CreateListener",
                "elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:RegisterTargets",
                "elasticloadbalancing:ModifyListener", "elasticloadbalancing:ModifyListenerAttributes")), mutatingElb.toString());

        var tagging = statement(doc, "TagSecurityGroupOnCreate");
        assertEquals(List.of("ec2:CreateTags"), strings(tagging.get("Action")));
        assertEquals("CreateSecurityGroup", tagging.get("Condition").get("StringEquals").get("ec2:CreateAction").asText());
        var createTags = new ArrayList<JsonNode>();
        doc.get("Statement").forEach(s -> {
            if (strings(s.get("Action")).contains("ec2:CreateTags")) {
                createTags.add(s);
            }
        });
        assertEquals(1, createTags.size(), "ec2:CreateTags only when creating a security group");
        var slr = statement(doc, "ElbServiceLinkedRole");
        assertEquals("elasticloadbalancing.amazonaws.com",
                slr.get("Condition").get("StringEquals").get("iam:AWSServiceName").asText());
        assertEquals("arn:" + partition + ":ec2:" + region + ":123456789012:vpc/" + VPC,
                statement(doc, "CreateSecurityGroupInClusterVpc").get("Resource").asText());
        var sgChanges = statement(doc, "ManageClusterTaggedSecurityGroups");
        assertEquals(CLUSTER, sgChanges.get("Condition").get("StringEquals").get("aws:ResourceTag/elbv2.k8s.aws/cluster").asText());
        // internal NLBs only: no ALB add-ons, certificates, Outposts or IPAM pools, ALB rules or ARNs
        var unused = List.of("wafv2:", "waf-regional:", "waf:", "shield:", "cognito-idp:", "acm:", "iam:GetServerCertificate",
                "iam:ListServerCertificates", "ec2:DescribeCoipPools", "ec2:GetCoipPoolUsage", "ec2:DescribeIpamPools",
                "elasticloadbalancing:AddListenerCertificates", "elasticloadbalancing:CreateRule", "elasticloadbalancing:SetWebAcl");
        for (var s : doc.get("Statement")) {
            for (var a : strings(s.get("Action"))) {
                assertTrue(unused.stream().noneMatch(a::startsWith), a + " is granted but the controller never needs it here");
            }
            for (var r : strings(s.get("Resource"))) {
                assertFalse(r.contains("/app/") || r.contains("listener-rule/"), r + ": an ALB resource");
            }
        }
        assertTrue(strings(statement(doc, "Describe").get("Action")).contains("ec2:GetSecurityGroupsForVpc"),
                "CreateLoadBalancer calls it on the controller's behalf");
    }

    private static boolean isRead(String action) {
        var verb = action.substring(action.indexOf(':') + 1);
        return verb.startsWith("Describe") || verb.startsWith("Get") || verb.startsWith("List");
    }

    private static JsonNode statement(JsonNode doc, String sid) {
        for (var s : doc.get("Statement")) {
            if (sid.equals(s.get("Sid").asText())) {
                return s;
            }
        }
        throw new AssertionError("no statement " + sid);
    }

    private static List<String> strings(JsonNode node) {
        var out = new ArrayList<String>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }

    @Test
    void theControllerIsAssociatedWithItsRoleAndInstalledAfterTheAssociationAndTheCluster() {
        var plan = baseline();
        var component = one(plan, ClusterBaseline.TYPE, "base");
        var role = one(plan, ROLE, "base-lbc");
        var association = one(plan, ASSOCIATION, "base-lbc");
        assertEquals(component.urn(), association.parent());
        assertEquals(CLUSTER, association.inputs().get("clusterName"));
        assertEquals("kube-system", association.inputs().get("namespace"));
        assertEquals("aws-load-balancer-controller", association.inputs().get("serviceAccount"));
        var roleArn = (String) association.inputs().get("roleArn");
        assertTrue(roleArn.startsWith("arn:aws:iam::123456789012:role/base-lbc-"), roleArn);
        assertTrue(association.dependencies().contains(role.urn()));
        assertTrue(association.dependencies().contains(one(plan, ROLE_POLICY, "base-lbc").urn()),
                "the role has its permissions before pods can assume it");

        var release = one(plan, RELEASE, "base-lbc");
        assertEquals("aws-load-balancer-controller", release.inputs().get("chart"));
        assertEquals("aws-load-balancer-controller", release.inputs().get("name"));
        assertEquals("3.5.0", release.inputs().get("version"));
        assertEquals("https://aws.github.io/eks-charts", map(release.inputs().get("repositoryOpts")).get("repo"));
        assertEquals("kube-system", release.inputs().get("namespace"));
        var values = map(release.inputs().get("values"));
        assertEquals(CLUSTER, values.get("clusterName"));
        assertEquals("eu-west-1", values.get("region"));
        assertEquals(VPC, values.get("vpcId"));
        assertEquals(Map.of("create", true, "name", "aws-load-balancer-controller"), values.get("serviceAccount"));
        assertEquals(2L, values.get("replicaCount"));
        assertEquals(Map.of("maxUnavailable", 1L), values.get("podDisruptionBudget"));
        assertEquals(List.of(Map.of("maxSkew", 1L, "topologyKey", "topology.kubernetes.io/zone",
                "whenUnsatisfiable", "ScheduleAnyway",
                "labelSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "aws-load-balancer-controller",
                        "app.kubernetes.io/instance", "aws-load-balancer-controller")))), values.get("topologySpreadConstraints"));
        assertEquals(false, values.get("enableWaf"));
        assertEquals(false, values.get("enableWafv2"));
        assertEquals(false, values.get("enableShield"));
        assertEquals(Map.of("featureGates", Map.of("ServiceTypeLoadBalancerOnly", true)), values.get("controllerConfig"),
                "Services of type LoadBalancer only: no Ingress or Gateway reconcilers");
        assertEquals(false, values.get("createIngressClassResource"));
        assertTrue(release.dependencies().containsAll(List.of(association.urn(), one(plan, READY, "ready").urn())),
                release.dependencies().toString());
        assertEquals(roleArn, plan.outputs().get("lbcRoleArn"));
        assertEquals(true, plan.outputs().get("hasRelease"));
        assertEquals(4 + 20 + 1, ((Number) plan.outputs().get("readyCount")).intValue());
    }

    @Test
    void theChartVersionIsOneConstantAndCanBePinnedElsewhere() {
        assertEquals("3.5.0", ClusterBaselineArgs.DEFAULT_LOAD_BALANCER_CONTROLLER_VERSION);
        var plan = baseline("eu-west-1", b -> b.loadBalancerControllerVersion("3.5.1"));
        assertEquals("3.5.1", one(plan, RELEASE, "base-lbc").inputs().get("version"));
    }

    @Test
    void optingOutRemovesTheControllerButKeepsTheNamespaces() {
        var plan = baseline("eu-west-1", b -> b.enableLoadBalancerController(false));
        assertEquals(0, plan.count(ROLE));
        assertEquals(0, plan.count(ROLE_POLICY));
        assertEquals(0, plan.count(ASSOCIATION));
        assertEquals(0, plan.count(RELEASE));
        assertEquals(4, plan.count(NAMESPACE));
        assertEquals(20, plan.count(NETWORK_POLICY));
        assertEquals("none", plan.outputs().get("lbcRoleArn"));
        assertEquals(false, plan.outputs().get("hasRelease"));
    }

    @Test
    void aFrontDoorAddsItsNamespaceAndLetsTheControllerMakeOnlyTheClustersPublicAlbsWithWaf() {
        var internal = baseline();
        var open = baseline("eu-west-1", b -> b.publicIngress(true).tlsPolicy("ELBSecurityPolicy-TLS13-1-2-Res-2021-06"));
        var ns = one(open, "kubernetes:core/v1:Namespace", "base-ns-ingress");
        var labels = map(metadata(ns).get("labels"));
        assertEquals(ClusterBaseline.INGRESS_NAMESPACE, metadata(ns).get("name"));
        assertEquals("baseline", labels.get("pod-security.kubernetes.io/enforce"), "the Istio gateway chart, as in istio-system");
        assertEquals("enabled", labels.get("elbv2.k8s.aws/pod-readiness-gate-inject"), "a pod is Ready once its ALB target is");
        policy(open, ClusterBaseline.INGRESS_NAMESPACE, "default-deny");
        assertEquals(0, where(internal, r -> r.name().equals("base-ns-ingress")).size());
        // values: Ingresses and WAFv2 on, Shield and WAF Classic off, a TLS 1.2+ default listener policy
        var values = map(one(open, "kubernetes:helm.sh/v3:Release", "base-lbc").inputs().get("values"));
        assertEquals(true, values.get("enableWafv2"));
        assertEquals(false, values.get("enableShield"));
        assertEquals(false, values.get("enableWaf"));
        assertEquals(Map.of("featureGates", Map.of("ServiceTypeLoadBalancerOnly", false)), values.get("controllerConfig"));
        assertEquals("ELBSecurityPolicy-TLS13-1-2-Res-2021-06", values.get("defaultSSLPolicy"));
        assertEquals(false, values.get("createIngressClassResource"), "the front door's IngressClass is the program's");
        var closed = map(one(internal, "kubernetes:helm.sh/v3:Release", "base-lbc").inputs().get("values"));
        assertEquals(false, closed.get("enableWafv2"));
        assertFalse(closed.containsKey("defaultSSLPolicy"), "without a front door the values are what they were");
        // the policy: ALB rules, certificates of the region, and the region's web ACLs on the cluster's own ALBs
        var doc = json(one(open, "aws:iam/rolePolicy:RolePolicy", "base-lbc").inputs().get("policy"));
        var waf = statement(doc, "AssociateRegionWebAcls");
        assertEquals(List.of("wafv2:AssociateWebACL", "wafv2:DisassociateWebACL", "wafv2:GetWebACL", "wafv2:GetWebACLForResource"),
                sorted(waf.get("Action")));
        assertTrue(waf.get("Resource").toString().contains("arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/*"));
        var setWebAcl = statement(doc, "SetWebAclOnClusterAlbs");
        assertEquals(CLUSTER, setWebAcl.at("/Condition/StringEquals/aws:ResourceTag~1elbv2.k8s.aws~1cluster").asText());
        assertEquals("arn:aws:acm:eu-west-1:123456789012:certificate/*", statement(doc, "ReadRegionCertificates").get("Resource").asText());
        assertTrue(statement(doc, "ManageAlbRules").get("Resource").toString().contains("listener-rule/app/*"));
        var internalDoc = json(one(internal, "aws:iam/rolePolicy:RolePolicy", "base-lbc").inputs().get("policy"));
        assertFalse(internalDoc.toString().contains("wafv2"), "no WAF or ALB rights without a front door");
        assertFalse(internalDoc.toString().contains("loadbalancer/app"));
    }

    private static List<String> sorted(com.fasterxml.jackson.databind.JsonNode actions) {
        var out = new java.util.ArrayList<String>();
        actions.forEach(a -> out.add(a.asText()));
        java.util.Collections.sort(out);
        return out;
    }

    @Test
    void badArgsAreRejectedTogether() {
        var e = assertThrows(IllegalArgumentException.class, () -> ClusterBaselineArgs.builder()
                .servicesNamespace("Services_NS")
                .systemNamespace("kafka")
                .loadBalancerControllerVersion("^3.5")
                .build());
        var m = e.getMessage();
        assertTrue(m.startsWith("ClusterBaselineArgs: 5 problems: "), m);
        assertTrue(m.contains("cluster: is required. Fix: pass the region's ClusterCore"), m);
        assertTrue(m.contains("facts: is required. Fix: pass AwsFacts.lookUp(provider)"), m);
        assertTrue(m.contains("servicesNamespace: 'Services_NS' is not a DNS-1123 label. Fix: "), m);
        assertTrue(m.contains("systemNamespace: 'kafka' is a namespace the baseline or Kubernetes already owns. Fix: "), m);
        assertTrue(m.contains("loadBalancerControllerVersion: '^3.5' is not an exact chart version. Fix: pin"), m);

        var same = assertThrows(IllegalArgumentException.class, () -> ClusterBaselineArgs.builder()
                .servicesNamespace("acgs2").systemNamespace("acgs2").build()).getMessage();
        assertTrue(same.contains("systemNamespace: equals servicesNamespace ('acgs2')"), same);

        var noProvider = assertThrows(IllegalArgumentException.class, () -> ClusterBaselineArgs.builder()
                .cluster(new ClusterCore("eu-west-1", Output.of(CLUSTER), null, Output.of(VPC), Output.of(CIDRS),
                        Output.of("x"), List.of()))
                .build()).getMessage();
        assertTrue(noProvider.contains("cluster.kubernetesProvider: is required"), noProvider);
    }
}
