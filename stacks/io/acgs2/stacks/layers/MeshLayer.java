package io.acgs2.stacks.layers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.mesh.IstioMultiPrimary;
import io.acgs2.components.mesh.IstioMultiPrimaryArgs;
import io.acgs2.components.mesh.MeshCaSettings;
import io.acgs2.components.mesh.MeshCertificateAuthority;
import io.acgs2.components.mesh.MeshCertificateAuthorityArgs;
import io.acgs2.components.mesh.MeshPeering;
import io.acgs2.components.mesh.MeshPeeringArgs;
import io.acgs2.components.mesh.TrafficPolicy;
import io.acgs2.components.kubernetes.KubernetesPlugin;
import io.acgs2.components.tls.TlsProvider;
import io.acgs2.stacks.Peer;
import io.acgs2.stacks.RegionContext;
import io.acgs2.stacks.RegionOutputs;
import io.acgs2.stacks.config.ConfigParser;
import io.acgs2.stacks.config.EksSection;
import io.acgs2.stacks.config.MeshCaSection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The mesh layer of a region: the mesh CA's intermediate (and, in the partition's first region,
 * the generated root), Istio multi-primary on this cluster, a {@link MeshPeering} to every earlier
 * region of the partition (this region owns those links, as it owns the network peerings). The ACGS
 * services run on it in the {@link ServicesLayer}. Takes the network layer's VPC CIDRs and the
 * compute layer's cluster and baseline.
 *
 * @param ca       the mesh CA in this region
 * @param istio    Istio on this cluster
 * @param peerings the links this region owns, by earlier region
 * @param clusterName  this cluster's mesh name
 * @param peerClusters a Kubernetes provider for each earlier region's cluster (later layers' links use them too)
 */
public record MeshLayer(MeshCertificateAuthority ca, IstioMultiPrimary istio, SortedMap<String, MeshPeering> peerings,
                        String clusterName,
                        SortedMap<String, com.pulumi.kubernetes.Provider> peerClusters) {

    public static final String CA = "acgs2-mesh-ca";
    public static final String ISTIO = "acgs2-istio";
    public static final String PEERING_PREFIX = "acgs2-mesh-peering-";
    public static final String SERVICE_PREFIX = "acgs2-svc-";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static MeshLayer deploy(RegionContext region, NetworkLayer network, ComputeLayer compute) {
        var self = region.spec();
        var settings = region.fleet().settings();
        MeshCaSettings caSettings = settings.section(MeshCaSection.SECTION);
        if (caSettings == null) {
            caSettings = MeshCaSettings.defaults();
        }
        var clusterName = self.section(EksSection.SECTION).clusterName();
        var core = compute.cluster().core;

        // ---- the CA: the partition's first region generates the root; the others sign with it ----
        var ca = MeshCertificateAuthorityArgs.builder()
                .clusterName(clusterName)
                .settings(caSettings)
                .cluster(core)
                .after(compute.baseline().ready);
        var rootOwner = region.peers().isEmpty() ? null : region.peers().get(0);
        var options = region.inRegion();
        if (MeshCaSettings.PROVIDED.equals(caSettings.root())) {
            ca.provided(provided(region));
        } else {
            options = ComponentResourceOptions.builder().providers(region.provider(),
                    new TlsProvider("tls-" + self.region(), CustomResourceOptions.builder().build())).build();
            if (rootOwner == null) {
                ca.generateRoot(true);
            } else {
                var mesh = rootOwner.outputs().mesh();
                // the partition's first region generates the root
                ca.root(new MeshCertificateAuthorityArgs.Root(mesh.meshRootCertPem(),
                        rootOwner.require(mesh.meshRootKeyPem(), "meshRootKeyPem (the mesh root's key)")));
            }
        }
        var authority = new MeshCertificateAuthority(CA, ca.build(), options);

        // ---- Istio on this cluster, after its CA ----
        var after = new ArrayList<com.pulumi.resources.Resource>(compute.baseline().ready);
        after.add(authority.cacerts);
        var istio = new IstioMultiPrimary(ISTIO, IstioMultiPrimaryArgs.builder()
                .meshId(settings.meshId())
                .clusterName(clusterName)
                .network(self.meshNetwork())
                .cluster(core)
                .clusterSecurityGroupId(compute.cluster().clusterSecurityGroupId)
                .servicesNamespace(servicesNamespace(compute))
                .after(after)
                .build(), region.inRegion());

        // ---- a link to every earlier region of the partition, owned here ----
        var peerings = new TreeMap<String, MeshPeering>();
        var peerClusters = new TreeMap<String, com.pulumi.kubernetes.Provider>();
        var here = new MeshPeeringArgs.End(self.region(), clusterName, compute.cluster().endpoint,
                compute.cluster().certificateAuthority, istio.readerToken, compute.cluster().clusterSecurityGroupId,
                istio.eastWestSecurityGroupId, self.cidrTexts(), core.kubernetesProvider(), region.provider());
        for (var peer : region.peers()) {
            var peerEnd = end(peer);
            peerClusters.put(peer.spec().region(), (com.pulumi.kubernetes.Provider) peerEnd.kubernetes());
            var peeringArgs = MeshPeeringArgs.builder()
                    .self(here)
                    .peer(peerEnd)
                    .servicesNamespace(servicesNamespace(compute));
            // the front door's gateway fails over like any mesh caller (its namespace is the baseline's)
            region.frontDoor().ifPresent(f -> peeringArgs.ingressNamespace(io.acgs2.components.platform.ClusterBaseline.INGRESS_NAMESPACE));
            peerings.put(peer.spec().region(), new MeshPeering(PEERING_PREFIX + peer.spec().region(), peeringArgs.build(),
                    region.inRegion()));
        }

        return new MeshLayer(authority, istio, peerings, clusterName, peerClusters);
    }

    static String servicesNamespace(ComputeLayer compute) {
        return io.acgs2.components.platform.ClusterBaselineArgs.DEFAULT_SERVICES_NAMESPACE;
    }

    /** An earlier region's end: its outputs, and providers for its region and its cluster. */
    private static MeshPeeringArgs.End end(Peer peer) {
        var compute = peer.outputs().compute();
        var mesh = peer.outputs().mesh();
        var kube = new com.pulumi.kubernetes.Provider("k8s-" + peer.spec().region(), ProviderArgs.builder()
                .kubeconfig(peer.require(compute.kubeconfig(), "kubeconfig"))
                .build(), CustomResourceOptions.builder().version(KubernetesPlugin.VERSION).build());
        return new MeshPeeringArgs.End(peer.spec().region(), peer.spec().section(EksSection.SECTION).clusterName(),
                compute.clusterEndpoint(), compute.clusterCertificateAuthority(),
                peer.require(mesh.meshReaderToken(), "meshReaderToken").asSecret(),
                compute.clusterSecurityGroupId(), mesh.meshEastWestSecurityGroupId(), peer.spec().cidrTexts(), kube, peer.provider());
    }

    /**
     * The region's intermediate, signed offline: the secret config {@code meshIntermediate}. The
     * offline plan sees only its ciphertext and plans with placeholders.
     */
    private static MeshCertificateAuthorityArgs.Provided provided(RegionContext region) {
        var raw = region.pulumi().config(ConfigParser.PROJECT).requireSecret(MeshCaSettings.PROVIDED_KEY);
        var file = "Pulumi." + region.stackName() + ".yaml";
        var bundle = raw.applyValue(v -> {
            try {
                var node = JSON.readTree(v);
                var out = new java.util.HashMap<String, String>();
                for (var f : List.of("certPem", "keyPem", "rootCertPem")) {
                    if (node == null || !node.hasNonNull(f)) {
                        throw new IllegalStateException(file + ": acgs2-infra:meshIntermediate has no " + f
                                + ": set it to {\"certPem\": ..., \"keyPem\": ..., \"rootCertPem\": ...} with pulumi config set --secret");
                    }
                    out.put(f, node.get(f).asText());
                }
                return (Map<String, String>) out;
            } catch (java.io.IOException e) {
                if (v.startsWith("v1:")) { // ciphertext: the offline plan cannot decrypt secrets
                    return Map.of("certPem", "[offline: not decrypted]", "keyPem", "[offline: not decrypted]",
                            "rootCertPem", "[offline: not decrypted]");
                }
                throw new IllegalStateException(file + ": acgs2-infra:meshIntermediate is not JSON: set it to {\"certPem\": ..., "
                        + "\"keyPem\": ..., \"rootCertPem\": ...} with pulumi config set --secret");
            }
        });
        return new MeshCertificateAuthorityArgs.Provided(bundle.applyValue(m -> m.get("certPem")),
                bundle.applyValue(m -> m.get("keyPem")).asSecret(), bundle.applyValue(m -> m.get("rootCertPem")));
    }

    /** The mesh part of the cross-stack contract, with the failover bound of each service running on it. */
    public RegionOutputs.Mesh outputs(ServicesLayer services) {
        var bounds = new TreeMap<String, String>();
        services.failoverBounds().forEach((n, b) -> bounds.put(n, TrafficPolicy.format(b)));
        return new RegionOutputs.Mesh(Output.of(clusterName), ca.rootCertPem, ca.rootKeyPem.orElse(Output.of("")).asSecret(),
                istio.readerToken, istio.eastWestSecurityGroupId, Output.of(bounds));
    }
}
