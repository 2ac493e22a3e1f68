package io.acgs2.testing;

import io.acgs2.stacks.plan.PlannedResource;
import io.acgs2.stacks.plan.StackPlan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes objects and Helm releases a set of plans registers, each placed in the cluster it
 * lands in. A stack reaches its own cluster through the EKS component's provider
 * ({@code acgs2-eks-k8s}) and an earlier region's cluster through {@code k8s-<region>}, so the
 * cluster is the region behind the object's provider, whichever stack registers it.
 */
public final class ClusterObjects {

    public static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    static final String OWN_CLUSTER_PROVIDER = io.acgs2.stacks.layers.ComputeLayer.CLUSTER + "-k8s";
    static final String PEER_CLUSTER_PROVIDER_PREFIX = "k8s-";

    /** One object as the API server of {@code cluster} would see it. */
    public record ClusterObject(String stack, String cluster, String apiVersion, String kind, String namespace, String name,
                                PlannedResource resource) {
        /** The API group ("" for the core group). */
        public String group() {
            int slash = apiVersion.indexOf('/');
            return slash < 0 ? "" : apiVersion.substring(0, slash);
        }

        /** What the API server keys an object by. */
        public String identity() {
            return cluster + " " + (group().isEmpty() ? "core" : group()) + "/" + kind + " "
                    + (namespace == null ? "(cluster)" : namespace) + "/" + name;
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> body() {
            return resource.inputs();
        }
    }

    /** One Helm release: what Helm keys a release by. */
    public record ClusterRelease(String stack, String cluster, String namespace, String name, PlannedResource resource) {
        public String identity() {
            return cluster + " " + namespace + "/" + name;
        }
    }

    private ClusterObjects() {
    }

    /** Every Kubernetes object (not Helm releases, not reads) the plans register. */
    public static List<ClusterObject> objects(Map<String, StackPlan> plans) {
        var out = new ArrayList<ClusterObject>();
        for (var plan : plans.values()) {
            var clusters = clusters(plan);
            for (var r : plan.resources()) {
                if (!r.custom() || r.read() || !r.type().startsWith("kubernetes:") || r.type().equals(RELEASE)) {
                    continue;
                }
                var metadata = metadata(r);
                out.add(new ClusterObject(plan.stack(), cluster(clusters, r), String.valueOf(r.inputs().get("apiVersion")),
                        String.valueOf(r.inputs().get("kind")), (String) metadata.get("namespace"), (String) metadata.get("name"), r));
            }
        }
        return out;
    }

    /** Every Helm release the plans register. */
    public static List<ClusterRelease> releases(Map<String, StackPlan> plans) {
        var out = new ArrayList<ClusterRelease>();
        for (var plan : plans.values()) {
            var clusters = clusters(plan);
            for (var r : plan.ofType(RELEASE)) {
                out.add(new ClusterRelease(plan.stack(), cluster(clusters, r), (String) r.inputs().get("namespace"),
                        (String) r.inputs().get("name"), r));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> metadata(PlannedResource r) {
        var m = r.inputs().get("metadata");
        return m instanceof Map ? (Map<String, Object>) m : Map.of();
    }

    /** Kubernetes provider URN -> the region of the cluster it reaches. */
    private static Map<String, String> clusters(StackPlan plan) {
        var out = new HashMap<String, String>();
        var region = plan.stack(); // a stack is named for its region (Pulumi.<region>.yaml)
        for (var r : plan.ofType("pulumi:providers:kubernetes")) {
            if (r.name().equals(OWN_CLUSTER_PROVIDER)) {
                out.put(r.urn(), region);
            } else if (r.name().startsWith(PEER_CLUSTER_PROVIDER_PREFIX)) {
                out.put(r.urn(), r.name().substring(PEER_CLUSTER_PROVIDER_PREFIX.length()));
            } else {
                out.put(r.urn(), plan.stack() + "?" + r.name());
            }
        }
        return out;
    }

    private static String cluster(Map<String, String> clusters, PlannedResource r) {
        var c = r.providerUrn() == null ? null : clusters.get(r.providerUrn());
        if (c == null) {
            throw new AssertionError(r.urn() + " reaches no known cluster (provider " + r.providerUrn() + ")");
        }
        return c;
    }
}
