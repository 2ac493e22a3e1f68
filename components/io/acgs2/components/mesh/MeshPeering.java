package io.acgs2.components.mesh;

import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.common.Json;
import io.acgs2.components.common.Tags;
import io.acgs2.components.kubernetes.KubernetesObject;
import io.acgs2.components.kubernetes.KubernetesObjectArgs;
import io.acgs2.components.kubernetes.KubernetesPlugin;

import java.util.List;
import java.util.Map;

/**
 * The mesh link between two regions, owned, like the network peering, by the region that joined
 * later, which reaches the earlier one through providers for it. Both directions:
 * <ul>
 *   <li>in each cluster, {@code istio-remote-secret-<other>}: a kubeconfig with the other cluster's
 *       private endpoint, CA and its reader's bearer token, so each istiod discovers the other's
 *       endpoints;</li>
 *   <li>on each cluster's security group, 443 from the other VPC (the API servers stay private), and
 *       on each east-west NLB's security group, the gateway ports from the other VPC;</li>
 *   <li>in each cluster, NetworkPolicies that let istiod reach the other API server and the services
 *       reach the other east-west gateway (15443).</li>
 * </ul>
 * So adding a region creates only its own links: no earlier stack changes.
 */
public class MeshPeering extends ComponentResource {

    public static final String TYPE = "acgs2:mesh:MeshPeering";
    public static final String SECRET_PREFIX = "istio-remote-secret-";

    public MeshPeering(String name, MeshPeeringArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var self = args.self();
        var peer = args.peer();
        // each cluster learns the other: the secret lives where the reading istiod runs
        remoteSecret(name + "-secret-here", self, peer);
        remoteSecret(name + "-secret-there", peer, self);
        open(name + "-here", self, peer, args.servicesNamespace(), args.ingressNamespace());
        open(name + "-there", peer, self, args.servicesNamespace(), args.ingressNamespace());
        this.registerOutputs(Map.of("peerClusterName", Output.of(peer.clusterName())));
    }

    /** In {@code in}'s cluster, the remote secret for {@code of}'s cluster. */
    private void remoteSecret(String name, MeshPeeringArgs.End in, MeshPeeringArgs.End of) {
        var kubeconfig = Output.tuple(of.endpoint(), of.certificateAuthority(), of.readerToken())
                .applyValue(t -> remoteKubeconfig(of.clusterName(), t.t1, t.t2, t.t3)).asSecret();
        new Secret(name, SecretArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(SECRET_PREFIX + of.clusterName())
                        .namespace(IstioMultiPrimary.NAMESPACE)
                        .labels(Map.of("istio/multiCluster", "true"))
                        .annotations(Map.of("networking.istio.io/cluster", of.clusterName()))
                        .build())
                .stringData(kubeconfig.applyValue(k -> Map.of(of.clusterName(), k)))
                .build(), KubernetesPlugin.pinned(CustomResourceOptions.builder().parent(this).provider(in.kubernetes()).build()));
    }

    /** Opens {@code in}'s API server, east-west gateway and egress to {@code from}'s VPC. */
    private void open(String name, MeshPeeringArgs.End in, MeshPeeringArgs.End from, String servicesNamespace,
                      java.util.Optional<String> ingressNamespace) {
        var aws = CustomResourceOptions.builder().parent(this).provider(in.aws()).build();
        for (int i = 0; i < from.vpcCidrs().size(); i++) {
            var cidr = from.vpcCidrs().get(i);
            var suffix = from.vpcCidrs().size() == 1 ? "" : "-" + i;
            new SecurityGroupIngressRule(name + "-api" + suffix, SecurityGroupIngressRuleArgs.builder()
                    .securityGroupId(in.clusterSecurityGroupId())
                    .cidrIpv4(cidr).ipProtocol("tcp").fromPort(443).toPort(443)
                    .description("Kubernetes API from " + from.region() + " istiod (remote secret)")
                    .tags(Tags.name(name + "-api" + suffix))
                    .build(), aws);
            for (var port : IstioMultiPrimary.EASTWEST_ADMITTED_PORTS) {
                new SecurityGroupIngressRule(name + "-eastwest-" + port + suffix, SecurityGroupIngressRuleArgs.builder()
                        .securityGroupId(in.eastWestSecurityGroupId())
                        .cidrIpv4(cidr).ipProtocol("tcp").fromPort(port).toPort(port)
                        .description("Istio east-west " + port + " from " + from.region())
                        .tags(Tags.name(name + "-eastwest-" + port + suffix))
                        .build(), aws);
            }
        }
        var kube = KubernetesPlugin.pinned(CustomResourceOptions.builder().parent(this).provider(in.kubernetes()).build());
        var to = from.vpcCidrs().stream().map(c -> (Object) Map.of("ipBlock", Map.of("cidr", c))).toList();
        new KubernetesObject(name + "-istiod-egress", KubernetesObjectArgs.builder()
                .apiVersion("networking.k8s.io/v1").kind("NetworkPolicy")
                .metadata(Map.of("name", "allow-istiod-to-" + from.region(), "namespace", IstioMultiPrimary.NAMESPACE))
                .spec(Map.of("podSelector", Map.of("matchLabels", Map.of("app", "istiod")), "policyTypes", List.of("Egress"),
                        "egress", List.of(Map.of("to", to, "ports", List.of(Map.of("protocol", "TCP", "port", 443))))))
                .build(), kube);
        new KubernetesObject(name + "-services-egress", KubernetesObjectArgs.builder()
                .apiVersion("networking.k8s.io/v1").kind("NetworkPolicy")
                .metadata(Map.of("name", "allow-mesh-to-" + from.region(), "namespace", servicesNamespace))
                .spec(Map.of("podSelector", Map.of(), "policyTypes", List.of("Egress"),
                        "egress", List.of(Map.of("to", to, "ports", List.of(Map.of("protocol", "TCP", "port", 15443))))))
                .build(), kube);
        ingressNamespace.ifPresent(ns -> new KubernetesObject(name + "-ingress-egress", KubernetesObjectArgs.builder()
                .apiVersion("networking.k8s.io/v1").kind("NetworkPolicy")
                .metadata(Map.of("name", "allow-mesh-to-" + from.region(), "namespace", ns))
                .spec(Map.of("podSelector", Map.of(), "policyTypes", List.of("Egress"),
                        "egress", List.of(Map.of("to", to, "ports", List.of(Map.of("protocol", "TCP", "port", 15443))))))
                .build(), kube));
    }

    /** What istioctl create-remote-secret writes: a bearer token, never an exec credential (istiod refuses those). */
    static String remoteKubeconfig(String cluster, String endpoint, String caData, String token) {
        return Json.write(Map.of(
                "apiVersion", "v1",
                "kind", "Config",
                "clusters", List.of(Map.of("name", cluster, "cluster", Map.of("server", endpoint, "certificate-authority-data", caData))),
                "contexts", List.of(Map.of("name", cluster, "context", Map.of("cluster", cluster, "user", cluster))),
                "current-context", cluster,
                "preferences", Map.of(),
                "users", List.of(Map.of("name", cluster, "user", Map.of("token", token)))));
    }
}
