package io.acgs2.stacks.layers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.acgs2.components.data.DataStore;
import io.acgs2.components.network.CidrPlan;
import io.acgs2.components.network.SubnetTier;
import io.acgs2.components.data.ReportBucket;
import io.acgs2.components.operations.BackupCopyPlan;
import io.acgs2.components.operations.ComplianceJobs;
import io.acgs2.components.operations.Dashboards;
import io.acgs2.components.operations.MetricsCollection;
import io.acgs2.components.operations.PrometheusWorkspace;
import io.acgs2.components.operations.OperationsSettings;
import io.acgs2.components.operations.Paging;
import io.acgs2.components.operations.PagingSettings;
import io.acgs2.components.operations.RegionBackup;
import io.acgs2.components.operations.RegionBackupArgs;
import io.acgs2.components.traffic.RegionalDnsArgs;
import io.acgs2.stacks.Peer;
import io.acgs2.stacks.RegionContext;
import io.acgs2.stacks.RegionOutputs;
import io.acgs2.stacks.config.ConfigParser;
import io.acgs2.stacks.config.OperationsSection;
import io.acgs2.stacks.config.PagingEndpointsSection;
import io.acgs2.stacks.config.PagingSection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The operations layer of a region: who is paged and how ({@link Paging}: a topic per severity,
 * the configured subscriptions, also on the region's other alarm topics), and AWS Backup of the
 * data domains placed here ({@link RegionBackup}; the second region of a domain also owns the copy
 * of the owner's points, {@link BackupCopyPlan}, through the owner's provider). Takes the data
 * layer's stores and alarm topic and the traffic layer's front door alarm topic.
 *
 * @param paging  the region's paging
 * @param backup  its AWS Backup, when a domain with a database or bucket is placed here
 * @param copies  the copies of owners' points this region owns, by domain
 */
public record OperationsLayer(PrometheusWorkspace workspace, Paging paging, MetricsCollection metrics, Optional<RegionBackup> backup,
                              SortedMap<String, BackupCopyPlan> copies, Dashboards dashboards, ReportBucket reports,
                              ComplianceJobs compliance) {

    public static final String PAGING = "acgs2-paging";
    public static final String PROMETHEUS = "acgs2-prometheus";
    public static final String DASHBOARDS = "acgs2-dashboards";
    public static final String REPORTS = "acgs2-compliance-reports";
    public static final String COMPLIANCE = "acgs2-compliance";
    public static final String METRICS = "acgs2-metrics";
    public static final String BACKUP = "acgs2-backup";
    public static final String COPY_PREFIX = "acgs2-backup-copy-";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static OperationsLayer deploy(RegionContext region, NetworkLayer network, ComputeLayer compute, DataLayer data, MeshLayer mesh,
                                         ServicesLayer services, TrafficLayer traffic) {
        var self = region.spec();
        var fleet = region.fleet();
        OperationsSettings configured = fleet.settings().section(OperationsSection.SECTION);
        var settings = configured == null ? OperationsSettings.defaults() : configured;
        PagingSettings paging = self.section(PagingSection.SECTION);
        if (paging == null) {
            paging = PagingSettings.none();
        }

        // ---- paging: the topics, and every alarm topic of the region subscribed ----
        var others = new LinkedHashMap<String, Paging.OtherTopic>();
        data.alarms().ifPresent(a -> others.put("data-alarms", new Paging.OtherTopic(a.topicArn, null)));
        traffic.frontDoor().ifPresent(f -> others.put("front-door-alarms", new Paging.OtherTopic(f.dns().alarmTopicArn,
                region.providerFor(RegionalDnsArgs.METRICS_REGION))));
        var workspace = new PrometheusWorkspace(PROMETHEUS, self.region(), region.facts(), region.inRegion());
        var pager = new Paging(PAGING, self.region(), region.facts(), paging, endpoints(region, paging),
                workspace.arn, others, region.inRegion());

        // ---- metrics, rules and routing ----
        var namespaces = new TreeMap<String, java.util.List<Integer>>();
        namespaces.put(io.acgs2.components.platform.ClusterBaselineArgs.DEFAULT_SERVICES_NAMESPACE, java.util.List.of(15020));
        namespaces.put(io.acgs2.components.platform.ClusterBaseline.ISTIO_NAMESPACE, java.util.List.of(15014, 15020));
        namespaces.put(io.acgs2.components.platform.ClusterBaseline.KAFKA_NAMESPACE, java.util.List.of(9404));
        traffic.frontDoor().ifPresent(f -> namespaces.put(io.acgs2.components.platform.ClusterBaseline.INGRESS_NAMESPACE,
                java.util.List.of(15020)));
        var metrics = new MetricsCollection(METRICS, self.region(), compute.cluster().core, compute.cluster().cluster.arn(),
                network.network().privateSubnetIds, network.network().vpcId, compute.cluster().clusterSecurityGroupId,
                CidrPlan.range(self.network().vpcCidr(), SubnetTier.PRIVATE).toString(), mesh.clusterName(),
                io.acgs2.components.events.StrimziOperatorArgs.DEFAULT_NAMESPACE, namespaces, workspace, pager.topicArns,
                settings.alerts(), region.inRegion());
        // the front door's certificate: ACM's DaysToExpiry, in the certificate's region
        traffic.frontDoor().ifPresent(f -> new com.pulumi.aws.cloudwatch.MetricAlarm(PAGING + "-certificate-expiry",
                com.pulumi.aws.cloudwatch.MetricAlarmArgs.builder()
                        .name("acgs2-certificate-expiry-" + self.region())
                        .alarmDescription("the front door's certificate of " + self.region() + " expires within "
                                + settings.alerts().certificateDays() + " days: ACM renews a DNS-validated one unless its record is gone")
                        .namespace("AWS/CertificateManager").metricName("DaysToExpiry")
                        .dimensions(f.certificate().certificateArn.applyValue(a -> Map.of("CertificateArn", a)))
                        .statistic("Minimum").period(86400).evaluationPeriods(1)
                        .threshold((double) settings.alerts().certificateDays()).comparisonOperator("LessThanThreshold")
                        .treatMissingData("missing")
                        .alarmActions(pager.topicArns.get(PagingSettings.WARNING).applyValue(java.util.List::of))
                        .tags(io.acgs2.components.common.Tags.name(PAGING + "-certificate-expiry"))
                        .build(), com.pulumi.resources.CustomResourceOptions.builder().parent(pager).build()));

        // ---- backups of the domains placed here ----
        var backupArgs = RegionBackupArgs.builder().region(self.region()).facts(region.facts()).settings(settings.backup())
                .alarmTopicArn(pager.topicArns.get(PagingSettings.WARNING));
        var copies = new TreeMap<String, BackupCopyPlan>();
        var any = false;
        for (var placement : fleet.domainsIn(self.region())) {
            var domain = placement.domain();
            var writer = domain.writer().equals(self.region());
            var db = writer && data.databases().containsKey(domain.name())
                    ? Optional.of(data.databases().get(domain.name()).cluster.arn()) : Optional.<Output<String>>empty();
            var bucket = Optional.ofNullable(data.buckets().get(domain.name())).map(b -> b.bucketArn);
            if (db.isEmpty() && bucket.isEmpty()) {
                continue;
            }
            any = true;
            var owner = placement.owner().equals(self.region()) ? null : peer(region, placement.owner());
            backupArgs.domain(new RegionBackupArgs.Domain(domain.name(), domain.zone(), db, bucket,
                    Optional.ofNullable(owner).map(p -> p.require(p.outputs().operations().backupVaultArn(), "backupVaultArn"))));
        }
        var backup = any ? Optional.of(new RegionBackup(BACKUP, backupArgs.build(), region.inRegion())) : Optional.<RegionBackup>empty();
        // the second region of a domain copies the owner's points to itself, in the owner's region
        for (var placement : fleet.domainsIn(self.region())) {
            var regions = placement.regions();
            if (regions.size() < 2 || !regions.get(1).equals(self.region()) || backup.isEmpty()) {
                continue;
            }
            var domain = placement.domain();
            var owner = peer(region, placement.owner());
            var ownerData = owner.outputs().data();
            var resources = new java.util.ArrayList<Output<String>>();
            if (domain.writer().equals(owner.spec().region()) && domain.stores().contains(DataStore.DATABASE)) {
                resources.add(Output.tuple(region.facts().partition(), owner.outputs().identity().accountId()).applyValue(t -> "arn:" + t.t1
                        + ":rds:" + owner.spec().region() + ":" + t.t2 + ":cluster:acgs2-" + domain.name() + "-" + owner.spec().region()));
            }
            if (domain.stores().contains(DataStore.BUCKET)) {
                resources.add(owner.require(ownerData.bucketArns(), domain.name(), "bucket of data domain " + domain.name()));
            }
            if (resources.isEmpty()) {
                continue;
            }
            var ops = owner.outputs().operations();
            copies.put(domain.name(), new BackupCopyPlan(COPY_PREFIX + domain.name(), domain.name(), domain.zone(), owner.spec().region(),
                    self.region(), owner.require(ops.backupVaultName(), "backupVaultName"), owner.require(ops.backupRoleArn(), "backupRoleArn"),
                    resources, backup.get().vaultArn, settings.backup(),
                    ComponentResourceOptions.builder().providers(owner.provider()).build()));
        }
        var dashboards = new Dashboards(DASHBOARDS, facts(region, data, services, traffic, backup), traffic.outputs().trafficHealthCheckId(),
                region.inRegion());
        // ---- the compliance jobs, their reports in a bucket of the region's zone ----
        var reports = new ReportBucket(REPORTS, "compliance", self.region(), self.zone(), 400, region.facts(),
                data.accessLogs().orElseThrow().bucketName, region.inRegion());
        var compliance = new ComplianceJobs(COMPLIANCE, self.region(), compute.cluster().core, region.facts(),
                io.acgs2.components.platform.ClusterBaselineArgs.DEFAULT_SYSTEM_NAMESPACE, settings.compliance(), reports.bucketName,
                reports.bucketArn, reports.kmsKeyArn, ComponentResourceOptions.builder()
                .providers(region.provider(), compute.cluster().core.kubernetesProvider()).build());
        return new OperationsLayer(workspace, pager, metrics, backup, copies, dashboards, reports, compliance);
    }

    /**
     * The subscriptions' endpoints: the secret acgs2-infra:pagingEndpoints, JSON {name: endpoint}.
     * The offline plan sees only its ciphertext and plans with placeholders.
     */
    static Output<Map<String, String>> endpoints(RegionContext region, PagingSettings paging) {
        if (paging.subscriptions().isEmpty()) {
            return Output.of(Map.of());
        }
        var file = "Pulumi." + region.stackName() + ".yaml";
        var key = PagingEndpointsSection.KEY;
        return region.pulumi().config(ConfigParser.PROJECT).requireSecret("pagingEndpoints").applyValue(v -> {
            var out = new TreeMap<String, String>();
            if (v.startsWith("v1:")) { // ciphertext: the offline plan cannot decrypt secrets
                paging.subscriptions().keySet().forEach(n -> out.put(n, "[offline: not decrypted]"));
                return (Map<String, String>) out;
            }
            try {
                var node = JSON.readTree(v);
                node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(file + ": " + key + " is not JSON: set it to {\"<subscription>\": \"<endpoint>\"} with "
                        + "pulumi config set --secret " + key);
            }
            return (Map<String, String>) out;
        }).asSecret();
    }

    /** What the region's dashboards show: its clusters, its domains' placements, the failover bounds, the residency facts. */
    static Output<Dashboards.Facts> facts(RegionContext region, DataLayer data, ServicesLayer services, TrafficLayer traffic,
                                          Optional<RegionBackup> backup) {
        var self = region.spec();
        var fleet = region.fleet();
        var domains = new java.util.ArrayList<>(data.databases().keySet());
        var placements = new TreeMap<String, String>();
        // this region's part only: a region joining later changes no earlier region's dashboard
        fleet.domainsIn(self.region()).forEach(p -> placements.put(p.domain().name() + " (" + p.domain().zone() + ")",
                (p.owner().equals(self.region()) ? "owner" : "member") + "; writer " + p.domain().writer()));
        var bounds = new TreeMap<String, String>();
        services.failoverBounds().forEach((n, b) -> bounds.put(n, io.acgs2.components.mesh.TrafficPolicy.format(b)));
        var residency = new StringBuilder("\n| zone | regions | restricted |\n|---|---|---|\n");
        fleet.settings().zones().values().forEach(z -> residency.append("| ").append(z.name()).append(" | ")
                .append(String.join(", ", z.regions())).append(" | ").append(z.restricted()).append(" |\n"));
        residency.append("\n| tenant | zone | home region |\n|---|---|---|\n");
        fleet.settings().tenants().values().forEach(t -> residency.append("| ").append(t.id()).append(" | ").append(t.zone())
                .append(" | ").append(t.homeRegion()).append(" |\n"));
        var clusterIds = Output.all(domains.stream().map(d -> data.databases().get(d).clusterIdentifier).toList());
        var vault = backup.map(b -> b.vaultName).orElse(Output.of(""));
        return Output.tuple(clusterIds, traffic.outputs().trafficFailoverBoundSeconds(), vault).applyValue(t -> {
            var clusters = new TreeMap<String, String>();
            for (int i = 0; i < domains.size(); i++) {
                clusters.put(domains.get(i), t.t1.get(i));
            }
            return new Dashboards.Facts(self.region(), self.zone(), clusters, placements, bounds,
                    t.t2 == 0 ? "no front door" : t.t2 + " s", t.t3, residency.toString());
        });
    }

    private static Peer peer(RegionContext region, String r) {
        return region.peer(r).orElseThrow(() -> new IllegalStateException("no peer stack for " + r));
    }

    /** The operations part of the cross-stack contract. */
    public RegionOutputs.Operations outputs() {
        var topics = Output.tuple(paging.topicArns.get(PagingSettings.CRITICAL), paging.topicArns.get(PagingSettings.WARNING))
                .applyValue(t -> (Map<String, String>) new TreeMap<>(Map.of(PagingSettings.CRITICAL, t.t1, PagingSettings.WARNING, t.t2)));
        return new RegionOutputs.Operations(topics, backup.map(b -> b.vaultName).orElse(Output.of("")),
                backup.map(b -> b.vaultArn).orElse(Output.of("")), backup.map(b -> b.roleArn).orElse(Output.of("")));
    }
}
