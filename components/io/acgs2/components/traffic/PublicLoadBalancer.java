package io.acgs2.components.traffic;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.Ingress;
import com.pulumi.kubernetes.networking.v1.IngressArgs;
import com.pulumi.kubernetes.networking.v1.IngressClass;
import com.pulumi.kubernetes.networking.v1.IngressClassArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressClassSpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressServiceBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressSpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.ServiceBackendPortArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.acgs2.components.kubernetes.KubernetesObject;
import io.acgs2.components.kubernetes.KubernetesObjectArgs;
import io.acgs2.components.kubernetes.KubernetesPlugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The region's internet-facing ALB, made by the AWS Load Balancer Controller from one Ingress of
 * the front door's own IngressClass:
 * <ul>
 *   <li>HTTPS 443 with the region's ACM certificate and a TLS 1.2+ policy; HTTP 80 only redirects to
 *       it; the WAFv2 web ACL associated (the controller keeps it so through any ALB re-create);</li>
 *   <li>IP targets: the ingress gateway's pods, over HTTPS (the hop is encrypted; the ALB checks
 *       their readiness on 15021 over HTTP, where the gateway serves it);</li>
 *   <li>access logs to the region's log bucket; invalid header fields dropped; X-Forwarded-For
 *       appended, so the gateway's one trusted hop sees the client;</li>
 *   <li>dualstack when the public subnets have IPv6 (AAAA records then point at it).</li>
 * </ul>
 * Nothing else in the cluster may be public: a ValidatingAdmissionPolicy lets only the front door's
 * namespace use its IngressClass or ask the controller for an internet-facing ALB, no other
 * IngressClass may use the controller, and no Service may ask for an internet-facing NLB.
 */
public class PublicLoadBalancer extends ComponentResource {

    public static final String TYPE = "acgs2:traffic:PublicLoadBalancer";
    public static final String INGRESS_CLASS = "acgs2-public";
    public static final String CONTROLLER = "ingress.k8s.aws/alb";
    public static final String INGRESS = "public";
    public static final String POLICY = "acgs2-public-endpoints";
    static final String ALB = "alb.ingress.kubernetes.io/";
    static final String NLB_SCHEME = "service.beta.kubernetes.io/aws-load-balancer-scheme";

    /** The ALB's DNS name, once the controller has made it (the Ingress's status). */
    public final Output<String> dnsName;

    public PublicLoadBalancer(String name, PublicLoadBalancerArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var provider = args.cluster().kubernetesProvider();
        var ingressClass = new IngressClass(name + "-class", IngressClassArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(INGRESS_CLASS).build())
                .spec(IngressClassSpecArgs.builder().controller(CONTROLLER).build())
                .build(), KubernetesPlugin.inCluster(this, provider, args.after()));
        var policy = new KubernetesObject(name + "-policy", KubernetesObjectArgs.builder()
                .apiVersion("admissionregistration.k8s.io/v1").kind("ValidatingAdmissionPolicy")
                .metadata(Map.of("name", POLICY))
                .spec(policySpec(args.namespace()))
                .build(), KubernetesPlugin.inCluster(this, provider, args.after()));
        var binding = new KubernetesObject(name + "-policy-binding", KubernetesObjectArgs.builder()
                .apiVersion("admissionregistration.k8s.io/v1").kind("ValidatingAdmissionPolicyBinding")
                .metadata(Map.of("name", POLICY))
                .spec(Map.of("policyName", POLICY, "validationActions", List.of("Deny")))
                .build(), KubernetesPlugin.inCluster(this, provider, List.of(policy)));
        var after = new ArrayList<Resource>(args.after());
        after.add(ingressClass);
        after.add(binding);
        var ingress = new Ingress(name + "-ingress", IngressArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(INGRESS).namespace(args.namespace())
                        .annotations(Output.tuple(args.certificateArn(), args.webAclArn(), args.accessLogBucket())
                                .applyValue(t -> annotations(args, t.t1, t.t2, t.t3)))
                        .build())
                .spec(IngressSpecArgs.builder()
                        .ingressClassName(INGRESS_CLASS)
                        .defaultBackend(IngressBackendArgs.builder().service(IngressServiceBackendArgs.builder()
                                .name(args.serviceName())
                                .port(ServiceBackendPortArgs.builder().number(IngressGateway.HTTPS_PORT).build())
                                .build()).build())
                        .build())
                .build(), KubernetesPlugin.inCluster(this, provider, after));
        this.dnsName = ingress.status().applyValue(s -> s.flatMap(st -> st.loadBalancer())
                .map(lb -> lb.ingress()).filter(l -> !l.isEmpty())
                .flatMap(l -> l.get(0).hostname()).orElse(""));
        this.registerOutputs(Map.of("dnsName", dnsName));
    }

    /** The Ingress's annotations (Load Balancer Controller v3.5.0, docs/guide/ingress/annotations.md). */
    static Map<String, String> annotations(PublicLoadBalancerArgs args, String certificateArn, String webAclArn, String bucket) {
        var a = new LinkedHashMap<String, String>();
        a.put(ALB + "scheme", "internet-facing");
        a.put(ALB + "load-balancer-name", args.loadBalancerName());
        a.put(ALB + "target-type", "ip");
        a.put(ALB + "ip-address-type", args.dualstack() ? "dualstack" : "ipv4");
        a.put(ALB + "listen-ports", "[{\"HTTP\": 80}, {\"HTTPS\": 443}]");
        a.put(ALB + "ssl-redirect", "443");
        a.put(ALB + "certificate-arn", certificateArn);
        // the controller's own default is ELBSecurityPolicy-2016-08 (TLS 1.0)
        a.put(ALB + "ssl-policy", args.tlsPolicy());
        a.put(ALB + "wafv2-acl-arn", webAclArn);
        a.put(ALB + "backend-protocol", "HTTPS");
        // the controller's health check protocol defaults to the backend's: 15021 serves plain HTTP
        a.put(ALB + "healthcheck-protocol", "HTTP");
        a.put(ALB + "healthcheck-port", String.valueOf(IngressGateway.STATUS_PORT));
        a.put(ALB + "healthcheck-path", IngressGateway.STATUS_PATH);
        a.put(ALB + "success-codes", "200");
        a.put(ALB + "load-balancer-attributes", String.join(",",
                "access_logs.s3.enabled=true",
                "access_logs.s3.bucket=" + bucket,
                "access_logs.s3.prefix=" + args.accessLogPrefix(),
                "routing.http.drop_invalid_header_fields.enabled=true",
                "routing.http.xff_header_processing.mode=append"));
        return a;
    }

    /** CEL: only the front door's namespace is public (see the class comment). */
    static final String INGRESS_RULE = "object.metadata.namespace == '%s' || ("
            + "(!has(object.spec.ingressClassName) || object.spec.ingressClassName != '" + INGRESS_CLASS + "')"
            + " && !(has(object.metadata.annotations) && '" + ALB + "scheme' in object.metadata.annotations"
            + " && object.metadata.annotations['" + ALB + "scheme'] == 'internet-facing'))";
    static final String CLASS_RULE = "object.spec.controller != '" + CONTROLLER + "' || object.metadata.name == '" + INGRESS_CLASS + "'";
    static final String SERVICE_RULE = "!has(object.spec.type) || object.spec.type != 'LoadBalancer'"
            + " || !(has(object.metadata.annotations) && '" + NLB_SCHEME + "' in object.metadata.annotations"
            + " && object.metadata.annotations['" + NLB_SCHEME + "'] == 'internet-facing')";

    static Map<String, Object> policySpec(String namespace) {
        var spec = new LinkedHashMap<String, Object>();
        spec.put("failurePolicy", "Fail");
        spec.put("matchConstraints", Map.of("resourceRules", List.of(
                rule("networking.k8s.io", "ingresses", "Namespaced"),
                rule("networking.k8s.io", "ingressclasses", "Cluster"),
                rule("", "services", "Namespaced"))));
        spec.put("validations", List.of(
                Map.of("expression", "object.kind != 'Ingress' || (" + INGRESS_RULE.formatted(namespace) + ")",
                        "message", "only namespace " + namespace + " may have a public Ingress: use an internal scheme, "
                                + "or route through the front door", "reason", "Forbidden"),
                Map.of("expression", "object.kind != 'IngressClass' || (" + CLASS_RULE + ")",
                        "message", "only IngressClass " + INGRESS_CLASS + " may use the AWS Load Balancer Controller",
                        "reason", "Forbidden"),
                Map.of("expression", "object.kind != 'Service' || (" + SERVICE_RULE + ")",
                        "message", "no Service may ask for an internet-facing load balancer: the front door is the way in",
                        "reason", "Forbidden")));
        return spec;
    }

    private static Map<String, Object> rule(String group, String resource, String scope) {
        return Map.of("apiGroups", List.of(group), "apiVersions", List.of("v1"), "operations", List.of("CREATE", "UPDATE"),
                "resources", List.of(resource), "scope", scope);
    }
}
