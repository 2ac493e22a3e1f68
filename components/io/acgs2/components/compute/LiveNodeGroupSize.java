package io.acgs2.components.compute;

import com.pulumi.aws.eks.EksFunctions;
import com.pulumi.aws.eks.inputs.GetNodeGroupPlainArgs;
import com.pulumi.aws.eks.inputs.GetNodeGroupsPlainArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * The desired size a managed node group is given on every {@code up}: the size the Cluster
 * Autoscaler set on it (read from EKS), kept inside the configured bounds. Not {@code ignoreChanges}:
 * with the desired size ignored, the provider sends the stale desired size next to a raised minimum,
 * and EKS refuses a minimum above the desired size. Reading it back means a bound change moves the
 * group to the nearest size the new bounds allow, and nothing else ever changes the size.
 *
 * <p>A group not created yet (or a cluster not created yet) takes the configured desired size. The
 * group is found by its auto-name ({@code <resource name>-<7 hex>}); any other lookup failure fails
 * the preview, rather than guessing a size.
 */
public final class LiveNodeGroupSize {

    private LiveNodeGroupSize() {
    }

    /** {@code live} clamped into [min, max]; the configured size where there is no live group. */
    public static int clamp(Integer live, NodeGroupSpec spec) {
        if (live == null) {
            return spec.desiredSize();
        }
        return Math.max(spec.minSize(), Math.min(spec.maxSize(), live));
    }

    static Output<Integer> desired(String clusterName, String resourceName, NodeGroupSpec spec, InvokeOptions options) {
        var autoName = Pattern.compile("^" + Pattern.quote(resourceName) + "-[0-9a-f]{7}$");
        CompletableFuture<Integer> size = EksFunctions.getNodeGroupsPlain(GetNodeGroupsPlainArgs.builder()
                        .clusterName(clusterName).build(), options)
                .handle((groups, error) -> {
                    if (error != null) {
                        if (notFound(error)) {
                            return List.<String>of();
                        }
                        throw new CompletionException(error);
                    }
                    var names = groups == null || groups.names() == null ? List.<String>of() : groups.names();
                    return names.stream().filter(n -> autoName.matcher(n).matches()).toList();
                })
                .thenCompose(names -> {
                    if (names.isEmpty()) {
                        return CompletableFuture.completedFuture(clamp(null, spec));
                    }
                    if (names.size() > 1) {
                        throw new IllegalStateException("cluster " + clusterName + " has " + names.size() + " node groups named "
                                + resourceName + "-*: " + names + "; delete the one the stack does not own");
                    }
                    return EksFunctions.getNodeGroupPlain(GetNodeGroupPlainArgs.builder()
                                    .clusterName(clusterName).nodeGroupName(names.get(0)).build(), options)
                            .thenApply(g -> clamp(g.scalingConfigs().isEmpty() ? null : g.scalingConfigs().get(0).desiredSize(), spec));
                });
        return Output.of(size);
    }

    /** The cluster (or group) does not exist yet: the first up of a region, or a preview before it. */
    static boolean notFound(Throwable error) {
        for (var e = error; e != null; e = e.getCause()) {
            var m = String.valueOf(e.getMessage());
            if (m.contains("ResourceNotFoundException") || m.toLowerCase(java.util.Locale.ROOT).contains("not found")) {
                return true;
            }
        }
        return false;
    }
}
