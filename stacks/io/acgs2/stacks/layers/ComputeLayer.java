package io.acgs2.stacks.layers;

import io.acgs2.components.compute.EksCluster;
import io.acgs2.components.compute.EksClusterArgs;
import io.acgs2.components.platform.ClusterBaseline;
import io.acgs2.components.platform.ClusterBaselineArgs;
import io.acgs2.components.platform.WorkloadScaling;
import io.acgs2.components.platform.WorkloadScalingArgs;
import io.acgs2.components.platform.TenantResidency;
import io.acgs2.components.platform.TenantResidencyArgs;
import io.acgs2.stacks.RegionContext;
import io.acgs2.stacks.RegionOutputs;
import io.acgs2.stacks.config.EksSection;

import java.util.TreeMap;

/**
 * The compute layer of a region: its EKS cluster (which owns the Kubernetes provider), the cluster
 * baseline (namespaces with Pod Security Admission, default-deny network policies, the AWS Load
 * Balancer Controller) and tenant residency admission. Takes the network layer's typed outputs.
 *
 * @param cluster   the EKS cluster
 * @param baseline  namespaces, network policies, load balancer controller
 * @param residency the tenant-residency ConfigMap and admission policy
 */
public record ComputeLayer(EksCluster cluster, ClusterBaseline baseline, WorkloadScaling scaling, TenantResidency residency) {

    public static final String CLUSTER = "acgs2-eks";
    public static final String BASELINE = "acgs2-baseline";
    public static final String RESIDENCY = "acgs2-residency";
    public static final String SCALING = "acgs2-scaling";

    public static ComputeLayer deploy(RegionContext region, NetworkLayer network) {
        var self = region.spec();
        EksSection.Config config = self.section(EksSection.SECTION);
        var args = EksClusterArgs.builder()
                .region(self.region())
                .clusterName(config.clusterName())
                .publicAccessCidrs(config.publicAccessCidrs())
                .vpcId(network.network().vpcId)
                .vpcCidrs(network.network().vpcCidrs)
                .subnetIds(network.network().privateSubnetIds)
                .access(config.access())
                .extraLogTypes(config.logTypes())
                .nodeGroups(config.nodeGroups())
                .addonVersions(config.addonVersions())
                .facts(region.facts());
        config.version().ifPresent(args::kubernetesVersion);
        config.supportType().ifPresent(args::supportType);
        config.endpointAccess().ifPresent(args::endpointAccess);
        config.logRetentionDays().ifPresent(args::logRetentionDays);
        config.deployerRoleArn().ifPresent(args::deployerRoleArn);
        var cluster = new EksCluster(CLUSTER, args.build(), region.inRegion());

        var baselineArgs = ClusterBaselineArgs.builder()
                .cluster(cluster.core)
                .facts(region.facts())
                .meshNetwork(self.meshNetwork());
        // the front door's namespace, and a controller that may also make its internet-facing ALB
        region.frontDoor().ifPresent(f -> baselineArgs.publicIngress(true).tlsPolicy(f.tlsPolicy()));
        var baseline = new ClusterBaseline(BASELINE, baselineArgs.build(), region.inRegion());

        // node autoscaling, GPUs and resource metrics: what lets every pod template schedule and HPA act
        var gpuTypes = new java.util.TreeSet<String>();
        config.nodeGroups().values().stream().filter(g -> g.gpu()).forEach(g -> gpuTypes.addAll(g.instanceTypes()));
        var scaling = new WorkloadScaling(SCALING, WorkloadScalingArgs.builder()
                .cluster(cluster.core)
                .facts(region.facts())
                .gpuInstanceTypes(java.util.List.copyOf(gpuTypes))
                .build(), region.inRegion());

        var settings = region.fleet().settings();
        var tenants = new TreeMap<String, String>();
        settings.tenants().values().forEach(t -> tenants.put(t.id(), t.zone()));
        var zones = new TreeMap<String, java.util.List<String>>();
        settings.zones().values().forEach(z -> zones.put(z.name(), z.regions()));
        var residency = new TenantResidency(RESIDENCY, TenantResidencyArgs.builder()
                .cluster(cluster.core)
                .namespace(baseline.systemNamespace)
                .tenants(tenants)
                .zones(zones)
                .build(), region.inRegion());
        return new ComputeLayer(cluster, baseline, scaling, residency);
    }

    /** The compute part of the cross-stack contract. */
    public RegionOutputs.Compute outputs() {
        return new RegionOutputs.Compute(cluster.clusterName, cluster.endpoint, cluster.certificateAuthority,
                cluster.oidcIssuerUrl, cluster.oidcProviderArn, cluster.clusterSecurityGroupId, cluster.kubeconfig);
    }
}
