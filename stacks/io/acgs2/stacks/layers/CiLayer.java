package io.acgs2.stacks.layers;

import io.acgs2.components.ci.GitHubRunner;
import io.acgs2.components.ci.GitHubRunnerArgs;
import io.acgs2.stacks.RegionContext;
import io.acgs2.stacks.config.CiSection;

import java.util.Optional;

/**
 * The CI layer of a region: the GitHub Actions runner inside its VPC that the workflows' preview and
 * up jobs of this stack run on (the EKS APIs are private). Absent when {@code acgs2-infra:ci} is not set.
 *
 * @param runner the region's runner
 */
public record CiLayer(Optional<GitHubRunner> runner) {

    public static final String RUNNER = "acgs2-ci";

    public static CiLayer deploy(RegionContext region, NetworkLayer network, ComputeLayer compute) {
        Optional<CiSection.Config> ci = region.fleet().settings().section(CiSection.SECTION);
        if (ci.isEmpty()) {
            return new CiLayer(Optional.empty());
        }
        var config = ci.get();
        var self = region.spec();
        // as the mesh peering reads it: an earlier stack's exported security group (no new export needed)
        var peers = region.peers().stream().map(p -> new GitHubRunnerArgs.PeerCluster(p.spec().region(),
                p.outputs().compute().clusterSecurityGroupId(), p.provider())).toList();
        var args = GitHubRunnerArgs.builder()
                .projectName(CiSection.Config.projectName(self.region()))
                .repository(config.repository())
                .deployRoleName(config.deployRoleName())
                .computeType(config.computeType())
                .vpcId(network.network().vpcId)
                .privateSubnetIds(network.network().privateSubnetIds)
                .clusterSecurityGroupId(compute.cluster().clusterSecurityGroupId)
                .runnerCidrs(self.cidrTexts())
                .peerClusters(peers)
                .facts(region.facts());
        config.connectionArn().ifPresent(args::connectionArn);
        return new CiLayer(Optional.of(new GitHubRunner(RUNNER, args.build(), region.inRegion())));
    }
}
