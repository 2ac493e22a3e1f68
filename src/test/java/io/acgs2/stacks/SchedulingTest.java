package io.acgs2.stacks;

import io.acgs2.components.compute.NodeTemplateTags;
import io.acgs2.stacks.plan.PlannedResource;
import io.acgs2.stacks.plan.StackPlan;
import io.acgs2.testing.ClusterObjects;
import io.acgs2.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Workloads schedule: every pod template the program registers fits a node of some node group of
 * its cluster that it selects and whose taints it tolerates, on the shipped fleet and a region-add;
 * every HPA reads metrics the cluster serves; a group that starts at zero can be scaled up by the
 * Cluster Autoscaler for the pods that need it.
 *
 * <p>Allocatable is computed as EKS computes it for AL2023 nodes (the bootstrap's kube-reserved:
 * CPU 6% of the first core, 1% of the second, 0.5% of cores 3-4, 0.25% above; memory
 * 255Mi + 11Mi per max pod; eviction threshold 100Mi), minus what the cluster's DaemonSets request
 * on every node (an estimate, {@link #DAEMONSET_CPU_MILLIS} / {@link #DAEMONSET_MEMORY_MIB}: VPC CNI,
 * kube-proxy, EBS CSI node, Pod Identity agent, Istio CNI), plus each pod's Istio sidecar at the
 * chart's default requests.
 */
class SchedulingTest {

    /** vCPUs, memory MiB, max pods (VPC CNI, without prefix delegation), GPUs. */
    record InstanceType(int vcpus, long memoryMib, int maxPods, int gpus) {
        long allocatableCpuMillis() {
            double reserved = 0;
            for (int core = 1; core <= vcpus; core++) {
                reserved += 1000 * (core == 1 ? 0.06 : core == 2 ? 0.01 : core <= 4 ? 0.005 : 0.0025);
            }
            return vcpus * 1000L - Math.round(reserved) - DAEMONSET_CPU_MILLIS;
        }

        long allocatableMemoryMib() {
            // EC2 reports a little less than the nominal size to the kernel: 7% off is what nodes show
            return Math.round(memoryMib * 0.93) - (255 + 11L * maxPods) - 100 - DAEMONSET_MEMORY_MIB;
        }
    }

    static final Map<String, InstanceType> INSTANCE_TYPES = Map.of(
            "m6i.large", new InstanceType(2, 8192, 29, 0),
            "m6i.xlarge", new InstanceType(4, 16384, 58, 0),
            "m6a.xlarge", new InstanceType(4, 16384, 58, 0),
            "g5.xlarge", new InstanceType(4, 16384, 58, 1));
    static final long DAEMONSET_CPU_MILLIS = 250;
    static final long DAEMONSET_MEMORY_MIB = 400;
    /** Istio's sidecar default requests (values global.proxy.resources). */
    static final long SIDECAR_CPU_MILLIS = 100;
    static final long SIDECAR_MEMORY_MIB = 128;

    static final String NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
    static final String ASG_TAG = "aws:autoscaling/tag:Tag";

    static List<Map<String, StackPlan>> fleets() {
        return List.of(Fixtures.shippedPlans(), Fixtures.grownFleet("eu-central-1"));
    }

    @Test
    void everyPodTemplateFitsANodeGroupItSelectsAndTolerates() {
        int checked = 0;
        for (var fleet : fleets()) {
            for (var plan : fleet.values()) {
                var groups = plan.ofType(NODE_GROUP);
                assertFalse(groups.isEmpty(), plan.stack() + " has node groups");
                for (var o : ClusterObjects.objects(Map.of(plan.stack(), plan))) {
                    if (!List.of("Deployment", "StatefulSet", "DaemonSet", "Job").contains(o.kind())) {
                        continue;
                    }
                    var pod = podSpec(o.body());
                    var fits = groups.stream().filter(g -> fits(pod, g)).map(PlannedResource::name).toList();
                    assertFalse(fits.isEmpty(), plan.stack() + " " + o.kind() + " " + o.namespace() + "/" + o.name()
                            + " fits no node group (requests " + requests(pod) + ", selector " + pod.get("nodeSelector") + ")");
                    checked++;
                }
            }
        }
        assertTrue(checked >= 4, "pod templates checked: " + checked);
    }

    @Test
    void aTooLargeOrUntoleratedPodFitsNowhere() {
        var plan = Fixtures.shippedPlans().get("us-east-1");
        var groups = plan.ofType(NODE_GROUP);
        Map<String, Object> huge = Map.of("containers", List.of(Map.of("resources", Map.of("requests", Map.of("cpu", "4", "memory", "1Gi")))));
        assertTrue(groups.stream().noneMatch(g -> fits(huge, g)), "4 vCPUs do not fit a 4-vCPU node");
        Map<String, Object> gpuWithoutToleration = Map.of("nodeSelector", Map.of("acgs2.io/node-role", "gpu"),
                "containers", List.of(Map.of("resources", Map.of("requests", Map.of("cpu", "1")))));
        assertTrue(groups.stream().noneMatch(g -> fits(gpuWithoutToleration, g)), "the GPU taint is not tolerated");
        Map<String, Object> gpuOnCpuNodes = Map.of("nodeSelector", Map.of("acgs2.io/node-role", "workloads"),
                "containers", List.of(Map.of("resources", Map.of("limits", Map.of("nvidia.com/gpu", "1")))));
        assertTrue(groups.stream().noneMatch(g -> fits(gpuOnCpuNodes, g)), "no GPU on m6i");
    }

    @Test
    void everyHpaScalesADeploymentOnMetricsTheClusterServes() {
        for (var fleet : fleets()) {
            for (var plan : fleet.values()) {
                var objects = ClusterObjects.objects(Map.of(plan.stack(), plan));
                var releases = ClusterObjects.releases(Map.of(plan.stack(), plan)).stream()
                        .map(r -> r.namespace() + "/" + r.name()).collect(Collectors.toSet());
                var hpas = objects.stream().filter(o -> o.kind().equals("HorizontalPodAutoscaler")).toList();
                assertFalse(hpas.isEmpty());
                // the resource metrics API (metrics.k8s.io) is metrics-server's
                assertTrue(releases.contains("kube-system/metrics-server"), plan.stack() + ": HPAs need metrics-server");
                for (var hpa : hpas) {
                    var spec = map(hpa.body().get("spec"));
                    for (var m : list(spec.get("metrics"))) {
                        assertEquals("Resource", map(m).get("type"), hpa.name() + ": only resource metrics have a source here");
                    }
                    var target = map(spec.get("scaleTargetRef"));
                    assertTrue(objects.stream().anyMatch(o -> o.kind().equals(target.get("kind")) && o.name().equals(target.get("name"))
                            && java.util.Objects.equals(o.namespace(), hpa.namespace())), hpa.name() + " scales a Deployment that exists");
                }
            }
        }
    }

    @Test
    void theAutoscalerCanScaleEveryGroupAndTheGpuGroupFromZero() {
        for (var fleet : fleets()) {
            for (var plan : fleet.values()) {
                var releases = ClusterObjects.releases(Map.of(plan.stack(), plan));
                var ca = releases.stream().filter(r -> r.name().equals("cluster-autoscaler")).findFirst().orElseThrow();
                assertEquals("kube-system", ca.namespace());
                var values = map(ca.resource().inputs().get("values"));
                var cluster = plan.ofType("aws:eks/cluster:Cluster").get(0);
                assertEquals(cluster.inputs().get("name"), map(values.get("autoDiscovery")).get("clusterName"));
                assertEquals(plan.stack(), values.get("awsRegion"), "IMDS is out of reach: the region is given");
                for (var g : plan.ofType(NODE_GROUP)) {
                    var tags = plan.ofType(ASG_TAG).stream().filter(t -> t.parent().equals(g.urn()))
                            .map(t -> map(t.inputs().get("tag")))
                            .collect(Collectors.toMap(t -> (String) t.get("key"), t -> (String) t.get("value")));
                    map(g.inputs().get("labels")).forEach((k, v) ->
                            assertEquals(v, tags.get(NodeTemplateTags.PREFIX + "label/" + k), g.name() + " label " + k));
                    for (var t : list(g.inputs().get("taints"))) {
                        var taint = map(t);
                        assertEquals(taint.get("value") + ":NoSchedule", tags.get(NodeTemplateTags.PREFIX + "taint/" + taint.get("key")),
                                g.name() + ": the autoscaler's value:Effect form");
                    }
                }
                var gpuGroups = plan.ofType(NODE_GROUP).stream()
                        .filter(g -> list(g.inputs().get("instanceTypes")).stream().anyMatch(t -> INSTANCE_TYPES.get(t).gpus() > 0)).toList();
                var plugin = releases.stream().filter(r -> r.name().equals("nvidia-device-plugin")).findFirst();
                assertEquals(!gpuGroups.isEmpty(), plugin.isPresent(), plan.stack() + ": the device plugin exactly where GPUs are");
                plugin.ifPresent(p -> {
                    var text = String.valueOf(p.resource().inputs().get("values"));
                    gpuGroups.forEach(g -> list(g.inputs().get("instanceTypes")).forEach(t ->
                            assertTrue(text.contains(String.valueOf(t)), "the plugin's affinity covers " + t)));
                });
            }
        }
    }

    // ---- the scheduler's view, reduced to what the program sets ----

    static boolean fits(Map<String, Object> pod, PlannedResource group) {
        var labels = map(group.inputs().get("labels"));
        var selector = map(pod.get("nodeSelector"));
        if (!selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
            return false;
        }
        var tolerations = list(pod.get("tolerations"));
        for (var t : list(group.inputs().get("taints"))) {
            var taint = map(t);
            boolean tolerated = tolerations.stream().map(SchedulingTest::map).anyMatch(tol ->
                    taint.get("key").equals(tol.get("key")) && ("Exists".equals(tol.get("operator"))
                            || taint.get("value").equals(tol.get("value"))));
            if (!tolerated) {
                return false;
            }
        }
        var r = requests(pod);
        // the smallest instance type the group may launch
        return list(group.inputs().get("instanceTypes")).stream().map(t -> INSTANCE_TYPES.get(String.valueOf(t))).allMatch(it ->
                it != null && r[0] + SIDECAR_CPU_MILLIS <= it.allocatableCpuMillis()
                        && r[1] + SIDECAR_MEMORY_MIB <= it.allocatableMemoryMib() && r[2] <= it.gpus());
    }

    /** CPU millis, memory MiB, GPUs the pod requests (a limit without a request is its request). */
    static long[] requests(Map<String, Object> pod) {
        long cpu = 0;
        long mem = 0;
        long gpu = 0;
        for (var c : list(pod.get("containers"))) {
            var res = map(map(c).get("resources"));
            var req = new java.util.HashMap<String, Object>(map(res.get("limits")));
            req.putAll(map(res.get("requests")));
            cpu += cpuMillis(req.get("cpu"));
            mem += memoryMib(req.get("memory"));
            gpu += req.containsKey("nvidia.com/gpu") ? Long.parseLong(String.valueOf(req.get("nvidia.com/gpu"))) : 0;
        }
        return new long[]{cpu, mem, gpu};
    }

    static long cpuMillis(Object q) {
        if (q == null) {
            return 0;
        }
        var s = String.valueOf(q);
        return s.endsWith("m") ? Long.parseLong(s.substring(0, s.length() - 1)) : Math.round(Double.parseDouble(s) * 1000);
    }

    static long memoryMib(Object q) {
        if (q == null) {
            return 0;
        }
        var s = String.valueOf(q);
        if (s.endsWith("Gi")) {
            return Long.parseLong(s.substring(0, s.length() - 2)) * 1024;
        }
        if (s.endsWith("Mi")) {
            return Long.parseLong(s.substring(0, s.length() - 2));
        }
        throw new IllegalArgumentException("memory quantity " + s + " (write Mi or Gi)");
    }

    static Map<String, Object> podSpec(Map<String, Object> body) {
        var spec = map(body.get("spec"));
        if (spec.containsKey("jobTemplate")) {
            spec = map(map(spec.get("jobTemplate")).get("spec"));
        }
        return map(map(spec.get("template")).get("spec"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<Object> list(Object o) {
        return o instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }
}
