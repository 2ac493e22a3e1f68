package io.acgs2.stacks.layers;

import io.acgs2.components.compute.EksCluster;
import io.acgs2.components.compute.KubernetesVersions;
import io.acgs2.components.platform.ClusterBaseline;
import io.acgs2.components.platform.TenantResidency;
import io.acgs2.stacks.config.ConfigException;
import io.acgs2.stacks.config.FleetLoader;
import io.acgs2.stacks.plan.PlannedResource;
import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.where;
import static io.acgs2.testing.Fixtures.planAll;
import static io.acgs2.testing.Fixtures.read;
import static io.acgs2.testing.Fixtures.shippedProject;
import static io.acgs2.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compute layer on the shipped fleet: what each region gets, the upgrade path, and bad eks config. */
class ComputeLayerTest {

    /**
     * Inputs whose change replaces the resource (terraform-provider-aws ForceNew / the kubernetes
     * provider's replace-on-change), for the compute layer's resource types.
     */
    static final Map<String, List<String>> REPLACES_ON_CHANGE = Map.of(
            "aws:eks/cluster:Cluster", List.of("name", "roleArn", "bootstrapSelfManagedAddons", "accessConfig", "kubernetesNetworkConfig",
                    "encryptionConfig"),
            "aws:eks/nodeGroup:NodeGroup", List.of("amiType", "capacityType", "clusterName", "diskSize", "instanceTypes", "launchTemplate",
                    "nodeGroupName", "nodeRoleArn", "remoteAccess", "subnetIds"),
            "aws:eks/addon:Addon", List.of("addonName", "clusterName"),
            "aws:eks/accessEntry:AccessEntry", List.of("clusterName", "principalArn", "type"),
            "aws:eks/accessPolicyAssociation:AccessPolicyAssociation", List.of("accessScope", "clusterName", "policyArn", "principalArn"),
            "aws:iam/openIdConnectProvider:OpenIdConnectProvider", List.of("url"),
            "aws:cloudwatch/logGroup:LogGroup", List.of("name"),
            "kubernetes:core/v1:Namespace", List.of("metadata"));

    @TempDir
    Path tmp;

    /** The shipped fleet, planned once for the class (the tests only read it). */
    private static Map<String, StackPlan> shipped;

    @org.junit.jupiter.api.BeforeAll
    static void planShipped(@TempDir Path dir) {
        shipped = io.acgs2.testing.Fixtures.shippedPlans();
    }

    private Path fresh(String name) throws Exception {
        return Files.createDirectories(tmp.resolve(name));
    }

    @Test
    void everyRegionGetsItsClusterBaselineAndResidencyPolicyTheGpuGroupOnlyInUsEast1() throws Exception {
        var plans = shipped;
        for (var plan : plans.values()) {
            var cluster = one(plan, EksCluster.TYPE, ComputeLayer.CLUSTER);
            one(plan, "aws:eks/cluster:Cluster", ComputeLayer.CLUSTER + "-cluster");
            one(plan, "pulumi:providers:kubernetes", ComputeLayer.CLUSTER + "-k8s");
            one(plan, ClusterBaseline.TYPE, ComputeLayer.BASELINE);
            one(plan, TenantResidency.TYPE, ComputeLayer.RESIDENCY);
            assertEquals(1, where(plan, r -> r.type().equals("kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicy")
                    && r.urn().contains(TenantResidency.TYPE)).size());
            assertEquals(5, plan.count("aws:eks/addon:Addon"));
            assertEquals("acgs2-" + plan.stack(), plan.outputs().get("clusterName"));
            assertEquals("[secret]", plan.outputs().get("kubeconfig"));
            // every in-cluster object goes through the cluster's provider, or, for the links this region owns
            // (mesh peerings, mirror edges), through the provider for the earlier region's cluster, k8s-<region>
            var k8sProvider = one(plan, "pulumi:providers:kubernetes", ComputeLayer.CLUSTER + "-k8s").urn();
            plan.resources().stream().filter(r -> r.type().startsWith("kubernetes:")).forEach(r -> {
                var link = r.urn().contains("acgs2:mesh:MeshPeering$") || r.urn().contains("acgs2:events:MirrorMaker2Edge$");
                assertTrue(k8sProvider.equals(r.providerUrn()) || (link && r.providerUrn().contains("pulumi:providers:kubernetes::k8s-")),
                        r.urn() + " goes through " + r.providerUrn());
            });
            assertTrue(cluster.parent().endsWith("pulumi:pulumi:Stack::acgs2-infra-" + plan.stack()));
        }
        assertEquals(3, plans.get("us-east-1").count("aws:eks/nodeGroup:NodeGroup"));
        one(plans.get("us-east-1"), "aws:eks/nodeGroup:NodeGroup", ComputeLayer.CLUSTER + "-gpu");
        assertEquals(2, plans.get("eu-west-1").count("aws:eks/nodeGroup:NodeGroup"));
    }

    @Test
    void aVersionBumpUpgradesTheClusterAddOnsAndNodesInPlace() throws Exception {
        var before = shipped.get("eu-west-1");
        var dir = shippedProject(fresh("after"));
        write(dir, "Pulumi.eu-west-1.yaml", read(dir, "Pulumi.eu-west-1.yaml") + "  acgs2-infra:eks:\n    version: \"1.36\"\n");
        var after = planAll(dir).get("eu-west-1");

        assertEquals(urns(before), urns(after), "a version bump changes no URN");
        var changed = changedInputs(before, after);
        replacementForcing(changed).forEach((urn, fields) -> {
            throw new AssertionError(urn + " would be replaced: " + fields + " changed");
        });
        var byName = new HashMap<String, Set<String>>();
        changed.forEach((urn, fields) -> byName.put(urn.substring(urn.lastIndexOf("::") + 2), fields));
        assertEquals(Set.of("version"), byName.get(ComputeLayer.CLUSTER + "-cluster"));
        assertEquals(Set.of("version"), byName.get(ComputeLayer.CLUSTER + "-system"));
        assertEquals(Set.of("version"), byName.get(ComputeLayer.CLUSTER + "-workloads"));
        assertEquals(Set.of("addonVersion"), byName.get(ComputeLayer.CLUSTER + "-kube-proxy"));
        assertEquals(KubernetesVersions.of("1.36").orElseThrow().addons().get(KubernetesVersions.KUBE_PROXY),
                one(after, "aws:eks/addon:Addon", ComputeLayer.CLUSTER + "-kube-proxy").inputs().get("addonVersion"));
        var network = before.resources().stream().filter(r -> r.type().startsWith("aws:ec2/") || r.type().startsWith("aws:ec2transitgateway"))
                .map(PlannedResource::urn).filter(changed::containsKey).filter(u -> !u.contains("launchTemplate")).toList();
        assertEquals(List.of(), network, "the network does not change");
    }

    @Test
    void changingANodeGroupsInstanceTypesOrBoundsNeverTouchesTheCluster() throws Exception {
        var before = shipped.get("eu-west-1");
        var dir = shippedProject(fresh("after"));
        write(dir, "Pulumi.eu-west-1.yaml", read(dir, "Pulumi.eu-west-1.yaml") + "  acgs2-infra:eks:\n    nodeGroups:\n"
                + "      workloads:\n        instanceTypes: [m7i.xlarge]\n        minSize: 4\n        maxSize: 20\n");
        var after = planAll(dir).get("eu-west-1");
        assertEquals(urns(before), urns(after));
        var changed = changedInputs(before, after);
        assertEquals(Set.of(ComputeLayer.CLUSTER + "-workloads"), Set.copyOf(changed.keySet().stream()
                .map(u -> u.substring(u.lastIndexOf("::") + 2)).toList()), changed.toString());
        var fields = changed.values().iterator().next();
        assertEquals(Set.of("instanceTypes", "scalingConfig"), fields, "instance types replace the node group, never the cluster");
    }

    @Test
    void badEksConfigIsRejectedNamingFileKeyAndFix() throws Exception {
        var dir = shippedProject(fresh("bad"));
        write(dir, "Pulumi.eu-west-1.yaml", read(dir, "Pulumi.eu-west-1.yaml") + "  acgs2-infra:eks:\n"
                + "    version: \"1.29\"\n    endpointAccess: public-and-private\n    publicAccessCidrs: [0.0.0.0/0]\n"
                + "    supportType: forever\n    nodegroups: {}\n    access:\n      ops:\n        principalArn: bob\n        level: god\n"
                + "    nodeGroups:\n      workloads:\n        instanceTypes: [m6i.xlarge]\n        minSize: 5\n        maxSize: 2\n");
        write(dir, "Pulumi.yaml", read(dir, "Pulumi.yaml").replace("          minSize: 2\n          maxSize: 4\n",
                "          minSize: 2\n          maxSize: 4\n          diskSizeGiB: 5\n"));
        var e = assertThrows(ConfigException.class, () -> FleetLoader.load(dir));
        var problems = String.join("\n", e.problems());
        for (var expected : List.of(
                "Pulumi.eu-west-1.yaml: acgs2-infra:eks.version: '1.29' is not a supported Kubernetes minor. Fix: use one of [1.35, 1.36]",
                "Pulumi.eu-west-1.yaml: acgs2-infra:eks.publicAccessCidrs: '0.0.0.0/0' opens the API to the whole internet. Fix: ",
                "Pulumi.eu-west-1.yaml: acgs2-infra:eks.supportType: 'forever' is not a support type. Fix: use one of: standard, extended",
                "Pulumi.eu-west-1.yaml: acgs2-infra:eks.nodegroups: unknown setting. Fix: remove it or use one of ",
                "Pulumi.eu-west-1.yaml: acgs2-infra:eks.access.ops.level: 'god' is not an access level. Fix: use one of: cluster-admin, admin, edit, view",
                "Pulumi.eu-west-1.yaml: acgs2-infra:eks.nodeGroups.workloads.minSize: 5..2 is not a range with maxSize >= 1",
                "Pulumi.yaml: acgs2-infra:eksDefaults.nodeGroups.system.diskSizeGiB: 5 is outside 20..16384")) {
            assertTrue(problems.contains(expected), "missing\n  " + expected + "\nin\n" + problems);
        }
        // the default's problem is reported once, not once per stack
        assertEquals(1, e.problems().stream().filter(p -> p.contains("diskSizeGiB")).count(), problems);
    }

    private static List<String> urns(StackPlan plan) {
        return plan.resources().stream().map(PlannedResource::urn).toList();
    }

    /** URN to the input fields that differ between the two plans. */
    static Map<String, Set<String>> changedInputs(StackPlan before, StackPlan after) {
        var now = new HashMap<String, PlannedResource>();
        after.resources().forEach(r -> now.put(r.urn(), r));
        var out = new HashMap<String, Set<String>>();
        for (var r : before.resources()) {
            var is = now.get(r.urn());
            var fields = new java.util.TreeSet<String>();
            var keys = new java.util.TreeSet<>(r.inputs().keySet());
            keys.addAll(is.inputs().keySet());
            for (var k : keys) {
                if (!java.util.Objects.equals(r.inputs().get(k), is.inputs().get(k))) {
                    fields.add(k);
                }
            }
            if (!fields.isEmpty()) {
                out.put(r.urn(), fields);
            }
        }
        return out;
    }

    static Map<String, List<String>> replacementForcing(Map<String, Set<String>> changed) {
        var out = new HashMap<String, List<String>>();
        changed.forEach((urn, fields) -> {
            var type = urn.substring(urn.lastIndexOf('$') + 1, urn.lastIndexOf("::"));
            var forcing = new ArrayList<>(REPLACES_ON_CHANGE.getOrDefault(type, List.of()));
            forcing.retainAll(fields);
            if (!forcing.isEmpty()) {
                out.put(urn, forcing);
            }
        });
        return out;
    }

    @SuppressWarnings("unused")
    private static Map<String, Object> m(Object o) {
        return map(o);
    }
}
