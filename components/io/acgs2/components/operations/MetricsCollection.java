package io.acgs2.components.operations;

import com.pulumi.aws.amp.AlertManagerDefinition;
import com.pulumi.aws.amp.AlertManagerDefinitionArgs;
import com.pulumi.aws.amp.RuleGroupNamespace;
import com.pulumi.aws.amp.RuleGroupNamespaceArgs;
import com.pulumi.aws.amp.Scraper;
import com.pulumi.aws.amp.ScraperArgs;
import com.pulumi.aws.amp.inputs.ScraperDestinationAmpArgs;
import com.pulumi.aws.amp.inputs.ScraperDestinationArgs;
import com.pulumi.aws.amp.inputs.ScraperSourceArgs;
import com.pulumi.aws.amp.inputs.ScraperSourceEksArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import io.acgs2.components.common.Tags;
import io.acgs2.components.compute.ClusterCore;
import io.acgs2.components.kubernetes.KubernetesObject;
import io.acgs2.components.kubernetes.KubernetesObjectArgs;
import io.acgs2.components.kubernetes.KubernetesPlugin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A region's metrics and alerts: the managed collector (AMP's agentless scraper, in two or more of
 * the region's private subnets; AMP makes its EKS access entry, the cluster authenticating by access
 * entries) scraping what {@link ScrapeConfig} lists into the region's workspace; the rules
 * ({@link AlertRules}) as a rule group namespace; the alert manager ({@link AlertRouting}) routing
 * by severity to the paging topics; and in the cluster what the metrics need:
 * kube-state-metrics and the node exporter (pinned prometheus-community charts) and NetworkPolicies
 * admitting the collector (its addresses are in the private subnets) to the metrics ports only.
 */
public class MetricsCollection extends ComponentResource {

    public static final String TYPE = "acgs2:operations:MetricsCollection";
    public static final String CHART_REPO = "https://prometheus-community.github.io/helm-charts";
    public static final String KSM_CHART = "kube-state-metrics";
    public static final String KSM_VERSION = "8.4.0";
    public static final String NODE_EXPORTER_CHART = "prometheus-node-exporter";
    public static final String NODE_EXPORTER_VERSION = "4.56.1";
    public static final String NAMESPACE = "kube-system";

    /**
     * @param clusterArn        the EKS cluster's ARN (the collector's source)
     * @param subnetIds         the region's private subnets (two AZs or more)
     * @param clusterSgId       the cluster security group: it admits the collector on the metrics ports
     * @param privateRange      the private subnets' range: the collector's addresses, for NetworkPolicies
     * @param namespaces        the namespaces with a default-deny NetworkPolicy and the metrics ports to open there
     */
    public MetricsCollection(String name, String region, ClusterCore cluster, Output<String> clusterArn, Output<List<String>> subnetIds,
                             Output<String> vpcId, Output<String> clusterSgId, String privateRange, String meshCluster,
                             String kafkaNamespace, Map<String, List<Integer>> namespaces, PrometheusWorkspace workspace,
                             Map<String, Output<String>> topicArns, AlertThresholds thresholds, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var inComponent = CustomResourceOptions.builder().parent(this).build();

        // ---- the collector's network: its ENIs reach the metrics ports and the API server only ----
        var sg = new SecurityGroup(name + "-collector", SecurityGroupArgs.builder()
                .description("AMP managed collector of " + region + ": metrics ports and the EKS API only")
                .vpcId(vpcId)
                .tags(Tags.name(name + "-collector"))
                .build(), inComponent);
        var ports = new ArrayList<>(ScrapeConfig.PORTS.values());
        ports.add(443);
        for (var port : ports) {
            new SecurityGroupEgressRule(name + "-collector-to-" + port, SecurityGroupEgressRuleArgs.builder()
                    .securityGroupId(sg.id()).referencedSecurityGroupId(clusterSgId)
                    .ipProtocol("tcp").fromPort(port).toPort(port)
                    .description(port == 443 ? "to the EKS API server" : "to a metrics port")
                    .tags(Tags.name(name + "-collector-to-" + port))
                    .build(), CustomResourceOptions.builder().parent(sg).build());
            new SecurityGroupIngressRule(name + "-from-collector-" + port, SecurityGroupIngressRuleArgs.builder()
                    .securityGroupId(clusterSgId).referencedSecurityGroupId(sg.id())
                    .ipProtocol("tcp").fromPort(port).toPort(port)
                    .description("from the AMP managed collector")
                    .tags(Tags.name(name + "-from-collector-" + port))
                    .build(), CustomResourceOptions.builder().parent(sg).build());
        }

        // ---- what the metrics need in the cluster ----
        var ksm = new Release(name + "-kube-state-metrics", ReleaseArgs.builder()
                .name("kube-state-metrics")
                .chart(KSM_CHART).version(KSM_VERSION)
                .repositoryOpts(RepositoryOptsArgs.builder().repo(CHART_REPO).build())
                .namespace(NAMESPACE)
                .values(Map.of("replicas", 1, "prometheusScrape", false,
                        "resources", Map.of("requests", Map.of("cpu", "50m", "memory", "128Mi"), "limits", Map.of("cpu", "200m", "memory", "256Mi"))))
                .build(), KubernetesPlugin.inCluster(this, cluster.kubernetesProvider(), cluster.ready()));
        var nodeExporter = new Release(name + "-node-exporter", ReleaseArgs.builder()
                .name("prometheus-node-exporter")
                .chart(NODE_EXPORTER_CHART).version(NODE_EXPORTER_VERSION)
                .repositoryOpts(RepositoryOptsArgs.builder().repo(CHART_REPO).build())
                .namespace(NAMESPACE)
                // on every node, the tainted GPU ones too
                .values(Map.of("tolerations", List.of(Map.of("operator", "Exists")),
                        "resources", Map.of("requests", Map.of("cpu", "20m", "memory", "32Mi"), "limits", Map.of("cpu", "100m", "memory", "64Mi"))))
                .build(), KubernetesPlugin.inCluster(this, cluster.kubernetesProvider(), cluster.ready()));
        namespaces.forEach((ns, nsPorts) -> new KubernetesObject(name + "-allow-" + ns, KubernetesObjectArgs.builder()
                .apiVersion("networking.k8s.io/v1").kind("NetworkPolicy")
                .metadata(Map.of("name", "allow-metrics-collector", "namespace", ns))
                .spec(Map.of("podSelector", Map.of(), "policyTypes", List.of("Ingress"),
                        "ingress", List.of(Map.of("from", List.of(Map.of("ipBlock", Map.of("cidr", privateRange))),
                                "ports", nsPorts.stream().map(p -> (Object) Map.of("protocol", "TCP", "port", p)).toList()))))
                .build(), KubernetesPlugin.inCluster(this, cluster.kubernetesProvider(), cluster.ready())));

        // ---- the collector, the rules, the routing ----
        new Scraper(name + "-scraper", ScraperArgs.builder()
                .alias("acgs2-" + region)
                .source(ScraperSourceArgs.builder().eks(ScraperSourceEksArgs.builder()
                        .clusterArn(clusterArn)
                        .subnetIds(subnetIds)
                        .securityGroupIds(sg.id().applyValue(List::of))
                        .build()).build())
                .destination(ScraperDestinationArgs.builder().amp(ScraperDestinationAmpArgs.builder()
                        .workspaceArn(workspace.arn).build()).build())
                .scrapeConfiguration(ScrapeConfig.yaml(region, kafkaNamespace))
                .tags(Tags.name(name + "-scraper"))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(List.of(ksm, nodeExporter))
                .customTimeouts(CustomTimeouts.builder().create(Duration.ofMinutes(30)).delete(Duration.ofMinutes(30)).build()).build());
        new RuleGroupNamespace(name + "-rules", RuleGroupNamespaceArgs.builder()
                .name("acgs2")
                .workspaceId(workspace.workspaceId)
                .data(AlertRules.yaml(thresholds, region, meshCluster))
                .tags(Tags.name(name + "-rules"))
                .build(), inComponent);
        var severities = new ArrayList<>(topicArns.keySet());
        new AlertManagerDefinition(name + "-alert-manager", AlertManagerDefinitionArgs.builder()
                .workspaceId(workspace.workspaceId)
                .definition(Output.all(severities.stream().map(topicArns::get).toList()).applyValue(arns -> {
                    var m = new LinkedHashMap<String, String>();
                    for (int i = 0; i < severities.size(); i++) {
                        m.put(severities.get(i), arns.get(i));
                    }
                    return AlertRouting.definition(region, m);
                }))
                .build(), inComponent);
        this.registerOutputs(Map.of());
    }
}
