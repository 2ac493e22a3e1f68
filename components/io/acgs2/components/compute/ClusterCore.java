package io.acgs2.components.compute;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;

/**
 * What downstream components need from a region's EKS cluster (pulumi-eks' CoreData): they take
 * this bundle, never loose ids. Built by {@link EksCluster}.
 *
 * @param region             the cluster's AWS region
 * @param clusterName        the EKS cluster name
 * @param kubernetesProvider the cluster's Kubernetes provider, owned by the cluster component; every
 *                           in-cluster object goes through it
 * @param vpcId              the cluster's VPC
 * @param vpcCidrs           the VPC's CIDRs (the API server's ENIs and the nodes live there)
 * @param oidcProviderArn    the cluster's IAM OIDC provider, for IRSA
 * @param ready              what in-cluster objects must wait for: the add-ons and node groups
 */
public record ClusterCore(String region, Output<String> clusterName, com.pulumi.kubernetes.Provider kubernetesProvider,
                          Output<String> vpcId, Output<List<String>> vpcCidrs, Output<String> oidcProviderArn,
                          List<Resource> ready) {
    public ClusterCore {
        ready = List.copyOf(ready);
    }
}
