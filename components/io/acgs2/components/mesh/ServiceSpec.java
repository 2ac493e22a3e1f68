package io.acgs2.components.mesh;

import java.util.List;
import java.util.Optional;

/**
 * One ACGS service as configured (project config {@code services.apps.<name>}), the same in every
 * region: it runs in each region's cluster, in the services namespace, inside the mesh.
 *
 * @param name          the service (a DNS label: names the Deployment, Service and mesh routes)
 * @param image         the container image, pinned by tag (not latest) or by digest
 * @param port          the HTTP port the container serves (and the Service exposes)
 * @param replicas      replicas at creation (the autoscaler owns the count afterwards)
 * @param cpu           CPU request (and limit); a Kubernetes quantity
 * @param memory        memory request (and limit); a Kubernetes quantity
 * @param minReplicas   autoscaling lower bound
 * @param maxReplicas   autoscaling upper bound
 * @param cpuPercent    autoscaling target CPU utilisation
 * @param gpuRegions    the regions where it runs on the GPU node group with one GPU per pod (the guides do
 *                      this for neural-mcp); elsewhere it runs on the workloads nodes
 * @param tenant        a tenant the service is dedicated to (label acgs2.io/tenant: the cluster's residency
 *                      admission then runs it only in the tenant's zone); empty for a shared service
 * @param traffic       cross-region routing and failover
 * @param data          the data domains it uses and how, by domain (wired only where each is placed)
 */
public record ServiceSpec(String name, String image, int port, int replicas, String cpu, String memory, int minReplicas,
                          int maxReplicas, int cpuPercent, List<String> gpuRegions, Optional<String> tenant,
                          TrafficPolicy traffic, List<io.acgs2.components.wiring.DomainUse> data) {

    public ServiceSpec {
        gpuRegions = List.copyOf(gpuRegions);
        data = data.stream().sorted(java.util.Comparator.comparing(io.acgs2.components.wiring.DomainUse::domain)).toList();
    }

    /** A service that uses no data domain. */
    public ServiceSpec(String name, String image, int port, int replicas, String cpu, String memory, int minReplicas,
                       int maxReplicas, int cpuPercent, List<String> gpuRegions, Optional<String> tenant, TrafficPolicy traffic) {
        this(name, image, port, replicas, cpu, memory, minReplicas, maxReplicas, cpuPercent, gpuRegions, tenant, traffic, List.of());
    }

    /** Whether it runs on GPUs in {@code region}. */
    public boolean gpuIn(String region) {
        return gpuRegions.contains(region);
    }
}
