package io.acgs2.components.data;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.common.Json;
import io.acgs2.components.common.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A region's replication alarms, each at a warning and a critical threshold (the ACGS-2 guides: 30 s
 * and 60 s; the RPO target is under a minute), to one KMS-encrypted SNS topic of the region
 * (subscribe the on-call there):
 * <ul>
 *   <li>every secondary Aurora member here: AuroraGlobalDBReplicationLag and AuroraGlobalDBRPOLag;</li>
 *   <li>every secondary cache member here: GlobalDatastoreReplicationLag of its primary node;</li>
 *   <li>every S3 replication rule whose source bucket is here: ReplicationLatency, plus
 *       OperationsFailedReplication (critical at the first failure).</li>
 * </ul>
 * Lag metrics are emitted where the copy is read (Aurora, ElastiCache: the secondary) or where the
 * rule runs (S3: the source region), and an alarm only sees its own region's metrics, so each alarm
 * lives there. Alarms a stack keeps in another region (the S3 rule it owns on an earlier region's
 * bucket) notify that region's topic ({@link ReplicationAlarmsArgs#topicArn()}).
 */
public class ReplicationAlarms extends ComponentResource {

    public static final String TYPE = "acgs2:data:ReplicationAlarms";
    /** The Aurora global database metrics (AWS/RDS, milliseconds, per secondary DBClusterIdentifier). */
    public static final List<String> AURORA_METRICS = List.of("AuroraGlobalDBReplicationLag", "AuroraGlobalDBRPOLag");
    /** The global datastore metric (AWS/ElastiCache, seconds, per node of the secondary's replication group). */
    public static final String CACHE_METRIC = "GlobalDatastoreReplicationLag";
    /** The S3 replication metrics (AWS/S3, per SourceBucket, DestinationBucket and RuleId; need rule metrics on). */
    public static final String BUCKET_LATENCY_METRIC = "ReplicationLatency";
    public static final String BUCKET_FAILED_METRIC = "OperationsFailedReplication";

    /** Where the alarms notify. */
    public final Output<String> topicArn;

    public ReplicationAlarms(String name, ReplicationAlarmsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var inComponent = CustomResourceOptions.builder().parent(this).build();
        var facts = args.facts();
        this.topicArn = args.topicArn().orElseGet(() -> {
            var key = new Key(name + "-key", KeyArgs.builder()
                    .description("Encrypts the replication alarm topic of " + name)
                    .enableKeyRotation(true)
                    .deletionWindowInDays(30)
                    .policy(Output.tuple(facts.accountId(), facts.partition()).applyValue(t -> topicKeyPolicy(t.t2, t.t1)))
                    .tags(Tags.name(name + "-key"))
                    .build(), inComponent);
            new Alias(name + "-key", AliasArgs.builder().name("alias/acgs2/" + name).targetKeyId(key.keyId()).build(),
                    CustomResourceOptions.builder().parent(key).build());
            return new Topic(name + "-topic", TopicArgs.builder()
                    .kmsMasterKeyId(key.arn())
                    .tags(Tags.name(name + "-topic"))
                    .build(), inComponent).arn();
        });
        var actions = topicArn.applyValue(List::of);

        args.secondaries().forEach((domain, clusterIdentifier) -> {
            for (var metric : AURORA_METRICS) {
                for (var level : Level.values()) {
                    var seconds = level.seconds(args);
                    var alarmName = name + "-" + domain + "-" + metric + "-" + level.label;
                    new MetricAlarm(alarmName, MetricAlarmArgs.builder()
                            .alarmDescription(level.label + ": " + metric + " of the " + domain + " database here is above "
                                    + seconds + " s (RPO target: under a minute)")
                            .namespace("AWS/RDS")
                            .metricName(metric)
                            .dimensions(clusterIdentifier.applyValue(id -> Map.of("DBClusterIdentifier", id)))
                            .statistic("Maximum")
                            .period(60)
                            .evaluationPeriods(level.periods)
                            .threshold(seconds * 1000.0)
                            .comparisonOperator("GreaterThanThreshold")
                            // no data means replication stopped reporting: as bad as lag
                            .treatMissingData("breaching")
                            .alarmActions(actions)
                            .okActions(actions)
                            .tags(tags(alarmName, domain, level))
                            .build(), inComponent);
                }
            }
        });

        args.caches().forEach((domain, member) -> {
            // only the secondary's primary node reports the lag, and which node that is moves on a
            // failover inside the region: alarm on the maximum over every node of the group
            var queries = new ArrayList<MetricAlarmMetricQueryArgs>();
            for (int i = 1; i <= member.nodes(); i++) {
                queries.add(MetricAlarmMetricQueryArgs.builder()
                        .id("n" + i)
                        .returnData(false)
                        .metric(MetricAlarmMetricQueryMetricArgs.builder()
                                .namespace("AWS/ElastiCache")
                                .metricName(CACHE_METRIC)
                                // ElastiCache names a replication group's nodes <group>-001, -002, ...
                                .dimensions(Map.of("CacheClusterId", String.format("%s-%03d", member.replicationGroupId(), i)))
                                .stat("Maximum")
                                .period(60)
                                .build())
                        .build());
            }
            queries.add(MetricAlarmMetricQueryArgs.builder()
                    .id("lag").expression("MAX(METRICS())").label(CACHE_METRIC + " of " + member.replicationGroupId())
                    .returnData(true).build());
            for (var level : Level.values()) {
                var seconds = level.seconds(args);
                var alarmName = name + "-" + domain + "-" + CACHE_METRIC + "-" + level.label;
                new MetricAlarm(alarmName, MetricAlarmArgs.builder()
                        .alarmDescription(level.label + ": " + CACHE_METRIC + " of the " + domain + " cache here is above "
                                + seconds + " s")
                        .metricQueries(queries)
                        .evaluationPeriods(level.periods)
                        .threshold((double) seconds)
                        .comparisonOperator("GreaterThanThreshold")
                        .treatMissingData("breaching")
                        .alarmActions(actions)
                        .okActions(actions)
                        .tags(tags(alarmName, domain, level))
                        .build(), inComponent);
            }
        });

        for (var edge : args.buckets()) {
            var dimensions = Output.tuple(edge.sourceBucket(), edge.destinationBucket()).applyValue(t ->
                    Map.of("SourceBucket", t.t1, "DestinationBucket", t.t2, "RuleId", edge.ruleId()));
            var prefix = name + "-" + edge.domain() + "-to-" + edge.destinationRegion() + "-";
            for (var level : Level.values()) {
                var seconds = level.seconds(args);
                var alarmName = prefix + BUCKET_LATENCY_METRIC + "-" + level.label;
                new MetricAlarm(alarmName, MetricAlarmArgs.builder()
                        .alarmDescription(level.label + ": S3 replication of the " + edge.domain() + " bucket to "
                                + edge.destinationRegion() + " is more than " + seconds + " s behind")
                        .namespace("AWS/S3")
                        .metricName(BUCKET_LATENCY_METRIC)
                        .dimensions(dimensions)
                        .statistic("Maximum")
                        .period(60)
                        .evaluationPeriods(level.periods)
                        .threshold((double) seconds)
                        .comparisonOperator("GreaterThanThreshold")
                        // S3 reports replication metrics only while objects replicate: no data is an idle bucket
                        .treatMissingData("notBreaching")
                        .alarmActions(actions)
                        .okActions(actions)
                        .tags(tags(alarmName, edge.domain(), level))
                        .build(), inComponent);
            }
            var failedName = prefix + BUCKET_FAILED_METRIC;
            new MetricAlarm(failedName, MetricAlarmArgs.builder()
                    .alarmDescription("critical: objects of the " + edge.domain() + " bucket failed to replicate to "
                            + edge.destinationRegion() + " (see the s3:Replication:OperationFailedReplication events)")
                    .namespace("AWS/S3")
                    .metricName(BUCKET_FAILED_METRIC)
                    .dimensions(dimensions)
                    .statistic("Sum")
                    .period(60)
                    .evaluationPeriods(1)
                    .threshold(0.0)
                    .comparisonOperator("GreaterThanThreshold")
                    .treatMissingData("notBreaching")
                    .alarmActions(actions)
                    .okActions(actions)
                    .tags(tags(failedName, edge.domain(), Level.CRITICAL))
                    .build(), inComponent);
        }
        this.registerOutputs(Map.of("topicArn", topicArn));
    }

    private static Map<String, String> tags(String alarmName, String domain, Level level) {
        return Tags.name(alarmName, Map.of("acgs2:data-domain", domain, "acgs2:severity", level.label));
    }

    private enum Level {
        WARNING("warning", 3), CRITICAL("critical", 2);

        final String label;
        /** Minutes above the threshold before it fires: a warning waits longer. */
        final int periods;

        Level(String label, int periods) {
            this.label = label;
            this.periods = periods;
        }

        int seconds(ReplicationAlarmsArgs args) {
            return this == WARNING ? args.warningSeconds() : args.criticalSeconds();
        }
    }

    /** Account admins manage the key; CloudWatch alarms may use it to publish to the encrypted topic. */
    static String topicKeyPolicy(String partition, String accountId) {
        return io.acgs2.components.common.AlarmTopic.keyPolicy(partition, accountId);
    }
}
