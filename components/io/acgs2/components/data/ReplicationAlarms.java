package io.acgs2.components.data;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
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

import java.util.List;
import java.util.Map;

/**
 * A region's replication alarms: for every secondary database member here, CloudWatch alarms on the
 * Aurora global database's replication lag and RPO lag at a warning and a critical threshold (the
 * ACGS-2 guides: 30 s and 60 s), all to one KMS-encrypted SNS topic of the region (subscribe the
 * on-call there). The lag metrics are emitted by the secondary clusters, so the alarms live in the
 * secondary regions.
 */
public class ReplicationAlarms extends ComponentResource {

    public static final String TYPE = "acgs2:data:ReplicationAlarms";
    /** The Aurora global database metrics (AWS/RDS, milliseconds, per secondary DBClusterIdentifier). */
    public static final List<String> AURORA_METRICS = List.of("AuroraGlobalDBReplicationLag", "AuroraGlobalDBRPOLag");

    /** Where the alarms notify. */
    public final Output<String> topicArn;

    public ReplicationAlarms(String name, ReplicationAlarmsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var inComponent = CustomResourceOptions.builder().parent(this).build();
        var facts = args.facts();
        var key = new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts the replication alarm topic of " + name)
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(Output.tuple(facts.accountId(), facts.partition()).applyValue(t -> topicKeyPolicy(t.t2, t.t1)))
                .tags(Tags.name(name + "-key"))
                .build(), inComponent);
        new Alias(name + "-key", AliasArgs.builder().name("alias/acgs2/" + name).targetKeyId(key.keyId()).build(),
                CustomResourceOptions.builder().parent(key).build());
        var topic = new Topic(name + "-topic", TopicArgs.builder()
                .kmsMasterKeyId(key.arn())
                .tags(Tags.name(name + "-topic"))
                .build(), inComponent);

        args.secondaries().forEach((domain, clusterIdentifier) -> {
            for (var metric : AURORA_METRICS) {
                for (var level : List.of(Level.WARNING, Level.CRITICAL)) {
                    var seconds = level == Level.WARNING ? args.warningSeconds() : args.criticalSeconds();
                    var alarmName = name + "-" + domain + "-" + metric + "-" + level.label;
                    new MetricAlarm(alarmName, MetricAlarmArgs.builder()
                            .alarmDescription(level.label + ": " + metric + " of the " + domain + " database here is above "
                                    + seconds + " s (RPO target: under a minute)")
                            .namespace("AWS/RDS")
                            .metricName(metric)
                            .dimensions(clusterIdentifier.applyValue(id -> Map.of("DBClusterIdentifier", id)))
                            .statistic("Maximum")
                            .period(60)
                            .evaluationPeriods(level == Level.WARNING ? 3 : 2)
                            .threshold(seconds * 1000.0)
                            .comparisonOperator("GreaterThanThreshold")
                            // no data means replication stopped reporting: as bad as lag
                            .treatMissingData("breaching")
                            .alarmActions(topic.arn().applyValue(List::of))
                            .okActions(topic.arn().applyValue(List::of))
                            .tags(Tags.name(alarmName, Map.of("acgs2:data-domain", domain, "acgs2:severity", level.label)))
                            .build(), inComponent);
                }
            }
        });
        this.topicArn = topic.arn();
        this.registerOutputs(Map.of("topicArn", topicArn));
    }

    private enum Level {
        WARNING("warning"), CRITICAL("critical");

        final String label;

        Level(String label) {
            this.label = label;
        }
    }

    /** Account admins manage the key; CloudWatch alarms may use it to publish to the encrypted topic. */
    static String topicKeyPolicy(String partition, String accountId) {
        return Json.write(Map.of("Version", "2012-10-17", "Statement", List.of(
                Map.of("Sid", "AccountAdministration", "Effect", "Allow",
                        "Principal", Map.of("AWS", "arn:" + partition + ":iam::" + accountId + ":root"),
                        "Action", "kms:*", "Resource", "*"),
                Map.of("Sid", "CloudWatchAlarmsPublish", "Effect", "Allow",
                        "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                        "Action", List.of("kms:Decrypt", "kms:GenerateDataKey*"), "Resource", "*",
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", accountId))))));
    }
}
