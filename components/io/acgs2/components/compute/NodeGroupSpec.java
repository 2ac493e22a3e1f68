package io.acgs2.components.compute;

import io.acgs2.components.common.ArgsProblems;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One managed node group. Build with {@link #builder()}; defaults are applied there.
 *
 * @param instanceTypes  EC2 instance types (changing them replaces the node group, never the cluster)
 * @param minSize        scaling lower bound
 * @param maxSize        scaling upper bound
 * @param desiredSize    the size at creation (afterwards the autoscaler owns it: changes are ignored)
 * @param diskSizeGiB    the encrypted gp3 root volume. Default: 50
 * @param gpu            AL2023 NVIDIA AMI instead of the standard one. Default: false
 * @param labels         Kubernetes node labels. Default: none
 * @param taints         Kubernetes taints. Default: none (GPU groups: nvidia.com/gpu=true:NO_SCHEDULE)
 * @param maxUnavailable nodes replaced at a time during an update. Default: 1
 */
public record NodeGroupSpec(List<String> instanceTypes, int minSize, int maxSize, int desiredSize, int diskSizeGiB,
                            boolean gpu, Map<String, String> labels, List<Taint> taints, int maxUnavailable) {

    public static final int DEFAULT_DISK_SIZE_GIB = 50;
    public static final int DEFAULT_MAX_UNAVAILABLE = 1;
    private static final Pattern INSTANCE_TYPE = Pattern.compile("^[a-z][a-z0-9-]*\\.[a-z0-9]+$");

    /** A node taint. {@code effect}: NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE. */
    public record Taint(String key, String value, String effect) {
        public static final List<String> EFFECTS = List.of("NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE");
    }

    public NodeGroupSpec {
        instanceTypes = List.copyOf(instanceTypes);
        labels = Map.copyOf(labels);
        taints = List.copyOf(taints);
    }

    /** The AMI type: AL2023, standard or NVIDIA. */
    public String amiType() {
        return gpu ? "AL2023_x86_64_NVIDIA" : "AL2023_x86_64_STANDARD";
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private List<String> instanceTypes = List.of();
        private Integer minSize;
        private Integer maxSize;
        private Integer desiredSize;
        private Integer diskSizeGiB;
        private boolean gpu;
        private Map<String, String> labels = Map.of();
        private List<Taint> taints;
        private Integer maxUnavailable;

        private Builder() {
        }

        public Builder instanceTypes(List<String> v) {
            this.instanceTypes = v == null ? List.of() : v;
            return this;
        }

        public Builder minSize(int v) {
            this.minSize = v;
            return this;
        }

        public Builder maxSize(int v) {
            this.maxSize = v;
            return this;
        }

        /** Default: minSize. */
        public Builder desiredSize(int v) {
            this.desiredSize = v;
            return this;
        }

        public Builder diskSizeGiB(int v) {
            this.diskSizeGiB = v;
            return this;
        }

        public Builder gpu(boolean v) {
            this.gpu = v;
            return this;
        }

        public Builder labels(Map<String, String> v) {
            this.labels = v == null ? Map.of() : v;
            return this;
        }

        public Builder taints(List<Taint> v) {
            this.taints = v;
            return this;
        }

        public Builder maxUnavailable(int v) {
            this.maxUnavailable = v;
            return this;
        }

        /** Every problem, each as "field: problem. Fix: fix", under {@code prefix} (e.g. nodeGroups.system). */
        public List<String> problems(String prefix) {
            var p = new ArgsProblems(prefix);
            check(prefix, p);
            return p.items();
        }

        private void check(String prefix, ArgsProblems p) {
            if (instanceTypes.isEmpty()) {
                p.add(prefix + ".instanceTypes", "is empty", "list at least one EC2 instance type, e.g. [m6i.large]");
            }
            instanceTypes.stream().filter(t -> !INSTANCE_TYPE.matcher(t).matches()).forEach(t ->
                    p.add(prefix + ".instanceTypes", "'" + t + "' is not an EC2 instance type", "write e.g. m6i.large"));
            if (minSize == null || maxSize == null) {
                p.add(prefix + ".minSize/maxSize", "are required", "set the scaling bounds, e.g. minSize: 2, maxSize: 6");
            } else {
                if (minSize < 0 || maxSize < 1 || minSize > maxSize) {
                    p.add(prefix + ".minSize", minSize + ".." + maxSize + " is not a range with maxSize >= 1",
                            "set 0 <= minSize <= maxSize, maxSize >= 1");
                }
                int desired = desiredSize == null ? minSize : desiredSize;
                if (desired < minSize || desired > maxSize) {
                    p.add(prefix + ".desiredSize", desired + " is outside " + minSize + ".." + maxSize, "set it within the bounds");
                }
            }
            if (diskSizeGiB != null && (diskSizeGiB < 20 || diskSizeGiB > 16384)) {
                p.add(prefix + ".diskSizeGiB", diskSizeGiB + " is outside 20..16384", "use e.g. 50");
            }
            if (maxUnavailable != null && (maxUnavailable < 1 || maxUnavailable > 100)) {
                p.add(prefix + ".maxUnavailable", maxUnavailable + " is outside 1..100", "use 1 (the default)");
            }
            if (taints != null) {
                for (var t : taints) {
                    if (!Taint.EFFECTS.contains(t.effect())) {
                        p.add(prefix + ".taints", "effect '" + t.effect() + "' of " + t.key() + " is not one of " + Taint.EFFECTS,
                                "use NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE");
                    }
                    if (t.key() == null || t.key().isBlank() || t.key().length() > 63) {
                        p.add(prefix + ".taints", "a taint key is empty or longer than 63 characters", "name the taint key");
                    }
                }
            }
        }

        public NodeGroupSpec build() {
            var p = new ArgsProblems("NodeGroupSpec");
            check("nodeGroup", p);
            p.throwIfAny();
            var effectiveTaints = taints != null ? taints
                    : gpu ? List.of(new Taint("nvidia.com/gpu", "true", "NO_SCHEDULE")) : List.<Taint>of();
            return new NodeGroupSpec(instanceTypes, minSize, maxSize, desiredSize == null ? minSize : desiredSize,
                    diskSizeGiB == null ? DEFAULT_DISK_SIZE_GIB : diskSizeGiB, gpu, labels, effectiveTaints,
                    maxUnavailable == null ? DEFAULT_MAX_UNAVAILABLE : maxUnavailable);
        }
    }
}
