package io.acgs2.components.compute;

import com.pulumi.aws.autoscaling.Tag;
import com.pulumi.aws.autoscaling.TagArgs;
import com.pulumi.aws.autoscaling.inputs.TagTagArgs;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Cluster Autoscaler's node template of a managed node group, as tags on its Auto Scaling group,
 * so a group at zero nodes can be scaled up for a pod that needs its labels or tolerates its taints.
 * The autoscaler reads a managed group's labels and taints from {@code eks:DescribeNodegroup} only
 * while the group has never had a node (cluster-autoscaler/cloudprovider/aws/README.md, "Auto-Discovery
 * Setup" and "Scaling a node group to 0"), so the tags are written for every group, always. GPU
 * capacity needs no tag: the autoscaler knows the GPU count of each EC2 instance type.
 *
 * <p>Tags are not propagated to instances ({@code propagateAtLaunch=false}): they describe the
 * group, and the launch template already tags its instances.
 */
public final class NodeTemplateTags {

    public static final String PREFIX = "k8s.io/cluster-autoscaler/node-template/";

    private NodeTemplateTags() {
    }

    /** The template tags of a group: label/&lt;key&gt; = value, taint/&lt;key&gt; = value:Effect (the autoscaler's form). */
    public static Map<String, String> of(NodeGroupSpec spec) {
        var tags = new LinkedHashMap<String, String>();
        new java.util.TreeMap<>(spec.labels()).forEach((k, v) -> tags.put(PREFIX + "label/" + k, v));
        for (var t : spec.taints()) {
            tags.put(PREFIX + "taint/" + t.key(), t.value() + ":" + kubernetesEffect(t.effect()));
        }
        return tags;
    }

    /** NO_SCHEDULE (the EKS API's spelling) to NoSchedule (Kubernetes', which the autoscaler parses). */
    static String kubernetesEffect(String eksEffect) {
        return switch (eksEffect) {
            case "NO_SCHEDULE" -> "NoSchedule";
            case "NO_EXECUTE" -> "NoExecute";
            case "PREFER_NO_SCHEDULE" -> "PreferNoSchedule";
            default -> throw new IllegalArgumentException("unknown taint effect " + eksEffect);
        };
    }

    /** One {@link Tag} per template tag on the group's Auto Scaling group, children of the node group. */
    static List<Tag> tag(String groupName, NodeGroup group, NodeGroupSpec spec) {
        var asg = group.resources().applyValue(rs -> rs.get(0).autoscalingGroups().get(0).name().orElseThrow());
        var out = new ArrayList<Tag>();
        for (var e : of(spec).entrySet()) {
            // named by the tag key: a label or taint added later moves no other tag
            var suffix = e.getKey().substring(PREFIX.length()).replaceAll("[^A-Za-z0-9-]", "-");
            out.add(new Tag(groupName + "-template-" + suffix, TagArgs.builder()
                    .autoscalingGroupName(asg)
                    .tag(TagTagArgs.builder().key(e.getKey()).value(e.getValue()).propagateAtLaunch(false).build())
                    .build(), CustomResourceOptions.builder().parent(group).build()));
        }
        return out;
    }
}
