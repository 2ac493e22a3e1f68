package io.acgs2.components.platform;

import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.acgs2.components.common.Json;
import io.acgs2.components.common.Tags;
import io.acgs2.components.kubernetes.KubernetesPlugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What makes workloads schedule and scale in a cluster: the Cluster Autoscaler (node groups between
 * their bounds, the GPU group from zero), the NVIDIA device plugin on GPU nodes (nodes advertise
 * {@code nvidia.com/gpu}), and metrics-server (the resource metrics every HorizontalPodAutoscaler reads).
 *
 * <p>Cluster Autoscaler, not Karpenter: the fleet's capacity is EKS managed node groups (typed,
 * bounded, upgraded with the control plane, labelled and tainted per group), which the autoscaler
 * scales in place through their Auto Scaling groups; Karpenter would replace them with its own
 * NodePools and EC2NodeClasses and a second node lifecycle to run and upgrade. The autoscaler finds
 * the groups by the discovery tags EKS puts on managed groups' ASGs, and scales a group at zero from
 * the node-template tags {@link io.acgs2.components.compute.NodeTemplateTags} writes.
 *
 * <p>All three run in {@code kube-system} (the device plugin needs host paths, which the platform
 * namespaces' restricted Pod Security forbids), on at least two replicas with a PDB where they are
 * Deployments. The autoscaler's IAM role (EKS Pod Identity) may scale only this cluster's groups.
 */
public class WorkloadScaling extends ComponentResource {

    public static final String TYPE = "acgs2:platform:WorkloadScaling";
    public static final String NAMESPACE = "kube-system";

    static final String AUTOSCALER_CHART = "cluster-autoscaler";
    static final String AUTOSCALER_REPO = "https://kubernetes.github.io/autoscaler";
    static final String AUTOSCALER_RELEASE = "cluster-autoscaler";
    public static final String AUTOSCALER_SERVICE_ACCOUNT = "cluster-autoscaler";
    static final String DEVICE_PLUGIN_CHART = "nvidia-device-plugin";
    static final String DEVICE_PLUGIN_REPO = "https://nvidia.github.io/k8s-device-plugin";
    static final String DEVICE_PLUGIN_RELEASE = "nvidia-device-plugin";
    static final String METRICS_SERVER_CHART = "metrics-server";
    static final String METRICS_SERVER_REPO = "https://kubernetes-sigs.github.io/metrics-server/";
    static final String METRICS_SERVER_RELEASE = "metrics-server";
    /** The label recent EKS AL2023 NVIDIA AMIs set on GPU nodes (Kubernetes 1.35 and later). */
    public static final String GPU_PRESENT_LABEL = "nvidia.com/gpu.present";

    public final Release autoscaler;
    public final Optional<Release> devicePlugin;
    public final Release metricsServer;
    public final Output<String> autoscalerRoleArn;

    public WorkloadScaling(String name, WorkloadScalingArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var cluster = args.cluster();
        var facts = args.facts();
        var inComponent = CustomResourceOptions.builder().parent(this).build();

        // ---- the autoscaler's role: describe anything, scale only this cluster's groups ----
        var role = new Role(name + "-autoscaler", RoleArgs.builder()
                .description("Cluster Autoscaler of " + name + " (EKS Pod Identity, " + NAMESPACE + "/" + AUTOSCALER_SERVICE_ACCOUNT + ")")
                .assumeRolePolicy(facts.accountId().applyValue(ClusterBaseline::podIdentityTrustPolicy))
                .tags(Tags.name(name + "-autoscaler"))
                .build(), inComponent);
        var policy = new RolePolicy(name + "-autoscaler", RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.tuple(facts.partition(), facts.accountId(), cluster.clusterName())
                        .applyValue(t -> autoscalerPolicy(t.t1, cluster.region(), t.t2, t.t3)))
                .build(), CustomResourceOptions.builder().parent(role).build());
        var association = new PodIdentityAssociation(name + "-autoscaler", PodIdentityAssociationArgs.builder()
                .clusterName(cluster.clusterName())
                .namespace(NAMESPACE)
                .serviceAccount(AUTOSCALER_SERVICE_ACCOUNT)
                .roleArn(role.arn())
                .tags(Tags.name(name + "-autoscaler"))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(policy).build());
        var afterRole = new ArrayList<Resource>(cluster.ready());
        afterRole.add(association);
        this.autoscaler = new Release(name + "-autoscaler", ReleaseArgs.builder()
                .name(AUTOSCALER_RELEASE)
                .chart(AUTOSCALER_CHART)
                .version(args.autoscalerChartVersion())
                .repositoryOpts(RepositoryOptsArgs.builder().repo(AUTOSCALER_REPO).build())
                .namespace(NAMESPACE)
                .values(cluster.clusterName().applyValue(c -> autoscalerValues(c, cluster.region())))
                .build(), kubernetesOptions(cluster, afterRole));
        this.autoscalerRoleArn = role.arn();

        // ---- the device plugin, on GPU nodes only ----
        this.devicePlugin = args.gpuInstanceTypes().isEmpty() ? Optional.empty() : Optional.of(new Release(name + "-nvidia",
                ReleaseArgs.builder()
                        .name(DEVICE_PLUGIN_RELEASE)
                        .chart(DEVICE_PLUGIN_CHART)
                        .version(args.devicePluginChartVersion())
                        .repositoryOpts(RepositoryOptsArgs.builder().repo(DEVICE_PLUGIN_REPO).build())
                        .namespace(NAMESPACE)
                        .values(devicePluginValues(args.gpuInstanceTypes()))
                        .build(), kubernetesOptions(cluster, cluster.ready())));

        // ---- metrics-server: the resource metrics API the HPAs read ----
        this.metricsServer = new Release(name + "-metrics-server", ReleaseArgs.builder()
                .name(METRICS_SERVER_RELEASE)
                .chart(METRICS_SERVER_CHART)
                .version(args.metricsServerChartVersion())
                .repositoryOpts(RepositoryOptsArgs.builder().repo(METRICS_SERVER_REPO).build())
                .namespace(NAMESPACE)
                .values(metricsServerValues())
                .build(), kubernetesOptions(cluster, cluster.ready()));

        this.registerOutputs(Map.of("autoscalerRoleArn", autoscalerRoleArn));
    }

    private CustomResourceOptions kubernetesOptions(io.acgs2.components.compute.ClusterCore cluster, List<Resource> dependsOn) {
        return KubernetesPlugin.pinned(CustomResourceOptions.builder()
                .parent(this)
                .provider(cluster.kubernetesProvider())
                .dependsOn(dependsOn)
                .build());
    }

    /**
     * The autoscaler's policy, after cluster-autoscaler/cloudprovider/aws/README.md ("Full Cluster
     * Autoscaler Features Policy"), narrowed: the two scaling actions only on Auto Scaling groups that
     * carry this cluster's discovery tag (the tag auto-discovery itself requires), and
     * DescribeNodegroup only on this cluster's node groups. The describe actions support no
     * resource-level permissions, so they stay on {@code *}.
     */
    static String autoscalerPolicy(String partition, String region, String accountId, String clusterName) {
        return Json.write(Map.of("Version", "2012-10-17", "Statement", List.of(
                Map.of("Sid", "Describe", "Effect", "Allow",
                        "Action", List.of("autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeAutoScalingInstances",
                                "autoscaling:DescribeLaunchConfigurations", "autoscaling:DescribeScalingActivities",
                                "autoscaling:DescribeTags", "ec2:DescribeImages", "ec2:DescribeInstanceTypes",
                                "ec2:DescribeLaunchTemplateVersions", "ec2:GetInstanceTypesFromInstanceRequirements"),
                        "Resource", "*"),
                Map.of("Sid", "DescribeOwnNodeGroups", "Effect", "Allow",
                        "Action", "eks:DescribeNodegroup",
                        "Resource", "arn:" + partition + ":eks:" + region + ":" + accountId + ":nodegroup/" + clusterName + "/*/*"),
                Map.of("Sid", "ScaleOwnGroups", "Effect", "Allow",
                        "Action", List.of("autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"),
                        "Resource", "arn:" + partition + ":autoscaling:" + region + ":" + accountId + ":autoScalingGroup:*:autoScalingGroupName/*",
                        "Condition", Map.of("Null", Map.of("aws:ResourceTag/k8s.io/cluster-autoscaler/" + clusterName, "false"))))));
    }

    /**
     * Chart values (cluster-autoscaler 9.59.0). The region is given: IMDS is out of the pods' reach
     * (hop limit 1). Two replicas (leader election; one runs), spread over zones, a PDB, restricted
     * security context. least-waste among groups that fit, similar groups balanced across AZs.
     */
    static Map<String, Object> autoscalerValues(String clusterName, String region) {
        var values = new LinkedHashMap<String, Object>();
        values.put("cloudProvider", "aws");
        values.put("awsRegion", region);
        values.put("autoDiscovery", Map.of("clusterName", clusterName));
        values.put("rbac", Map.of("serviceAccount", Map.of("create", true, "name", AUTOSCALER_SERVICE_ACCOUNT)));
        values.put("extraArgs", new LinkedHashMap<>(Map.of(
                "balance-similar-node-groups", true,
                "expander", "least-waste",
                "skip-nodes-with-local-storage", false)));
        values.put("replicaCount", 2);
        values.put("podDisruptionBudget", Map.of("maxUnavailable", 1));
        values.put("resources", Map.of("requests", Map.of("cpu", "100m", "memory", "300Mi"), "limits", Map.of("memory", "600Mi")));
        values.put("securityContext", Map.of("runAsNonRoot", true, "runAsUser", 65534, "runAsGroup", 65534,
                "seccompProfile", Map.of("type", "RuntimeDefault")));
        values.put("containerSecurityContext", Map.of("allowPrivilegeEscalation", false, "readOnlyRootFilesystem", true,
                "capabilities", Map.of("drop", List.of("ALL"))));
        values.put("topologySpreadConstraints", List.of(zoneSpread(Map.of(
                "app.kubernetes.io/name", "aws-cluster-autoscaler", "app.kubernetes.io/instance", AUTOSCALER_RELEASE))));
        return values;
    }

    /**
     * Chart values (nvidia-device-plugin 0.20.0): on nodes labelled {@link #GPU_PRESENT_LABEL} or of
     * one of the GPU groups' instance types (an AMI older than the label still gets the plugin); the
     * chart's tolerations already cover the GPU taint (nvidia.com/gpu, NoSchedule).
     */
    static Map<String, Object> devicePluginValues(List<String> gpuInstanceTypes) {
        var terms = List.of(
                Map.of("matchExpressions", List.of(Map.of("key", GPU_PRESENT_LABEL, "operator", "In", "values", List.of("true")))),
                Map.of("matchExpressions", List.of(Map.of("key", "node.kubernetes.io/instance-type", "operator", "In",
                        "values", List.copyOf(new java.util.TreeSet<>(gpuInstanceTypes))))));
        return Map.of("affinity", Map.of("nodeAffinity", Map.of("requiredDuringSchedulingIgnoredDuringExecution",
                Map.of("nodeSelectorTerms", terms))));
    }

    /** Chart values (metrics-server 3.13.1): two replicas, a PDB, spread over zones. */
    static Map<String, Object> metricsServerValues() {
        var values = new LinkedHashMap<String, Object>();
        values.put("replicas", 2);
        values.put("podDisruptionBudget", Map.of("enabled", true, "minAvailable", 1));
        values.put("topologySpreadConstraints", List.of(zoneSpread(Map.of(
                "app.kubernetes.io/name", METRICS_SERVER_CHART, "app.kubernetes.io/instance", METRICS_SERVER_RELEASE))));
        return values;
    }

    static Map<String, Object> zoneSpread(Map<String, String> labels) {
        return Map.of("maxSkew", 1, "topologyKey", "topology.kubernetes.io/zone",
                "whenUnsatisfiable", "ScheduleAnyway", "labelSelector", Map.of("matchLabels", labels));
    }
}
