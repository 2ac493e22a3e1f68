package io.acgs2.components.traffic;

import com.pulumi.core.Output;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicLoadBalancerTest {

    static final String ALB = "alb.ingress.kubernetes.io/";
    /**
     * The annotations the Load Balancer Controller v3.5.0 reads on an Ingress (docs/guide/ingress/annotations.md
     * of the tag): an annotation outside this list is silently ignored, so a typo would leave a setting at
     * the controller's default.
     */
    static final List<String> CONTROLLER_ANNOTATIONS = List.of("load-balancer-name", "group.name", "group.order", "tags",
            "ip-address-type", "scheme", "subnets", "security-groups", "manage-backend-security-group-rules",
            "customer-owned-ipv4-pool", "load-balancer-attributes", "wafv2-acl-arn", "wafv2-acl-name", "waf-acl-id",
            "shield-advanced-protection", "listen-ports", "ssl-redirect", "inbound-cidrs", "certificate-arn", "ssl-policy",
            "target-type", "backend-protocol", "backend-protocol-version", "target-group-attributes", "healthcheck-port",
            "healthcheck-protocol", "healthcheck-path", "healthcheck-interval-seconds", "healthcheck-timeout-seconds",
            "healthy-threshold-count", "unhealthy-threshold-count", "success-codes", "auth-type", "actions.*",
            "conditions.*", "target-node-labels", "mutual-authentication", "multi-cluster-target-group",
            "listener-attributes.*", "minimum-load-balancer-capacity", "ipam-ipv4-pool-id");

    static StackPlan plan() {
        return runInRegion("eu-west-1", r -> {
            var core = TrafficFixtures.core(r, "eu-west-1");
            new PublicLoadBalancer("alb", PublicLoadBalancerArgs.builder()
                    .cluster(core)
                    .region("eu-west-1")
                    .namespace("acgs2-ingress")
                    .serviceName("istio-ingressgateway")
                    .certificateArn(Output.of("arn:aws:acm:eu-west-1:123456789012:certificate/c1"))
                    .webAclArn(Output.of("arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/acgs2-front-door-eu-west-1/w1"))
                    .dualstack(true)
                    .accessLogBucket(Output.of("acgs2-access-logs-eu-west-1-123456789012"))
                    .accessLogPrefix("alb")
                    .build(), r.opts());
        });
    }

    @Test
    void anInternetFacingAlbBehindWafWithTlsOnlyToTheGatewaysPods() {
        var plan = plan();
        var ingress = one(plan, "kubernetes:networking.k8s.io/v1:Ingress", "alb-ingress");
        var meta = map(ingress.inputs().get("metadata"));
        assertEquals("acgs2-ingress", meta.get("namespace"));
        var a = map(meta.get("annotations"));
        assertEquals("internet-facing", a.get(ALB + "scheme"));
        assertEquals("ip", a.get(ALB + "target-type"));
        assertEquals("dualstack", a.get(ALB + "ip-address-type"));
        assertEquals("[{\"HTTP\": 80}, {\"HTTPS\": 443}]", a.get(ALB + "listen-ports"));
        assertEquals("443", a.get(ALB + "ssl-redirect"));
        assertEquals("arn:aws:acm:eu-west-1:123456789012:certificate/c1", a.get(ALB + "certificate-arn"));
        assertEquals(TlsPolicies.DEFAULT, a.get(ALB + "ssl-policy"));
        assertTrue(String.valueOf(a.get(ALB + "wafv2-acl-arn")).startsWith("arn:aws:wafv2:eu-west-1:"), "a regional ACL of the ALB's region");
        assertEquals("HTTPS", a.get(ALB + "backend-protocol"));
        assertEquals("HTTP", a.get(ALB + "healthcheck-protocol"), "15021 serves plain HTTP");
        assertEquals("15021", a.get(ALB + "healthcheck-port"));
        assertEquals("/healthz/ready", a.get(ALB + "healthcheck-path"));
        assertTrue(String.valueOf(a.get(ALB + "load-balancer-name")).length() <= 32, "ALB names: 32 at most");
        var attributes = String.valueOf(a.get(ALB + "load-balancer-attributes"));
        for (var attribute : List.of("access_logs.s3.enabled=true", "access_logs.s3.bucket=acgs2-access-logs-eu-west-1-123456789012",
                "access_logs.s3.prefix=alb", "routing.http.drop_invalid_header_fields.enabled=true")) {
            assertTrue(attributes.contains(attribute), attributes);
        }
        assertTrue(!attributes.contains("AWSLogs"), "ELB refuses a prefix containing AWSLogs");
        for (var key : a.keySet()) {
            var name = key.substring(ALB.length());
            assertTrue(key.startsWith(ALB) && CONTROLLER_ANNOTATIONS.stream().anyMatch(c -> c.endsWith(".*")
                    ? name.startsWith(c.substring(0, c.length() - 1)) : c.equals(name)), "not a v3.5.0 annotation: " + key);
        }
        var spec = map(ingress.inputs().get("spec"));
        assertEquals(PublicLoadBalancer.INGRESS_CLASS, spec.get("ingressClassName"));
        var backend = map(map(spec.get("defaultBackend")).get("service"));
        assertEquals("istio-ingressgateway", backend.get("name"));
        assertEquals(443L, ((Number) map(backend.get("port")).get("number")).longValue());
        var ingressClass = one(plan, "kubernetes:networking.k8s.io/v1:IngressClass", "alb-class");
        assertEquals(PublicLoadBalancer.CONTROLLER, map(ingressClass.inputs().get("spec")).get("controller"));
        assertTrue(ingress.dependencies().contains(ingressClass.urn()));
        var binding = one(plan, "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicyBinding", "alb-policy-binding");
        assertTrue(ingress.dependencies().contains(binding.urn()), "the guard is in place before anything is public");
    }

    // ---- the admission policy, evaluated as the API server would (CEL) ----

    static final Cel CEL = CelFactory.standardCelBuilder().setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("object", SimpleType.DYN).build();

    static List<String> denials(Map<String, Object> object) throws Exception {
        var spec = map(one(plan(), "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicy", "alb-policy")
                .inputs().get("spec"));
        var out = new ArrayList<String>();
        @SuppressWarnings("unchecked")
        var validations = (List<Map<String, Object>>) spec.get("validations");
        for (var v : validations) {
            var ast = CEL.compile((String) v.get("expression")).getAst();
            if (!(Boolean) CEL.createProgram(ast).eval(Map.of("object", object))) {
                out.add((String) v.get("message"));
            }
        }
        return out;
    }

    static Map<String, Object> ingress(String namespace, String className, Map<String, String> annotations) {
        var metadata = new java.util.HashMap<String, Object>(Map.of("name", "x", "namespace", namespace));
        if (!annotations.isEmpty()) {
            metadata.put("annotations", annotations);
        }
        var spec = className == null ? Map.<String, Object>of() : Map.<String, Object>of("ingressClassName", className);
        return Map.of("apiVersion", "networking.k8s.io/v1", "kind", "Ingress", "metadata", metadata, "spec", spec);
    }

    @Test
    void onlyTheFrontDoorsNamespaceMayBePublic() throws Exception {
        assertEquals(List.of(), denials(ingress("acgs2-ingress", "acgs2-public", Map.of(ALB + "scheme", "internet-facing"))));
        assertEquals(1, denials(ingress("acgs2", "acgs2-public", Map.of())).size(), "the public class elsewhere");
        assertEquals(1, denials(ingress("acgs2", null, Map.of("kubernetes.io/ingress.class", "alb", ALB + "scheme", "internet-facing"))).size(),
                "the legacy class annotation with a public scheme");
        assertEquals(List.of(), denials(ingress("acgs2", null, Map.of(ALB + "scheme", "internal"))), "internal ALBs stay allowed");
        assertEquals(List.of(), denials(ingress("acgs2", "nginx", Map.of())));
        var otherClass = Map.<String, Object>of("apiVersion", "networking.k8s.io/v1", "kind", "IngressClass",
                "metadata", Map.of("name", "sneaky"), "spec", Map.of("controller", "ingress.k8s.aws/alb"));
        assertEquals(1, denials(otherClass).size());
        var publicNlb = Map.<String, Object>of("apiVersion", "v1", "kind", "Service", "metadata", Map.of("name", "s", "namespace", "acgs2",
                "annotations", Map.of("service.beta.kubernetes.io/aws-load-balancer-scheme", "internet-facing")),
                "spec", Map.of("type", "LoadBalancer"));
        assertEquals(1, denials(publicNlb).size());
        var internalNlb = Map.<String, Object>of("apiVersion", "v1", "kind", "Service", "metadata", Map.of("name", "s", "namespace", "kafka",
                "annotations", Map.of("service.beta.kubernetes.io/aws-load-balancer-scheme", "internal")), "spec", Map.of("type", "LoadBalancer"));
        assertEquals(List.of(), denials(internalNlb), "the east-west and Kafka NLBs are internal");
        assertEquals(List.of(), denials(Map.of("apiVersion", "v1", "kind", "Service", "metadata", Map.of("name", "c", "namespace", "a"),
                "spec", Map.of())), "a Service without a type");
    }
}
