package io.acgs2.components.data;

import com.pulumi.core.Output;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static io.acgs2.testing.Fixtures.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicationAlarmsTest {

    @Test
    void warningAndCriticalAlarmsOnReplicationAndRpoLagOfEachSecondaryToAnEncryptedTopic() {
        var plan = runInRegion("eu-west-1", r -> new ReplicationAlarms("alarms", ReplicationAlarmsArgs.builder()
                .secondaries(Map.of("platform", Output.of("acgs2-platform-eu-west-1")))
                .facts(r.facts()).build(), r.opts()));
        assertEquals(4, plan.count("aws:cloudwatch/metricAlarm:MetricAlarm"));
        var critical = one(plan, "aws:cloudwatch/metricAlarm:MetricAlarm", "alarms-platform-AuroraGlobalDBReplicationLag-critical");
        assertEquals("AWS/RDS", critical.inputs().get("namespace"));
        assertEquals(Map.of("DBClusterIdentifier", "acgs2-platform-eu-west-1"), critical.inputs().get("dimensions"));
        assertEquals(60000.0, ((Number) critical.inputs().get("threshold")).doubleValue(), "60 s, in the metric's milliseconds");
        assertEquals("breaching", critical.inputs().get("treatMissingData"));
        var warning = one(plan, "aws:cloudwatch/metricAlarm:MetricAlarm", "alarms-platform-AuroraGlobalDBRPOLag-warning");
        assertEquals(30000.0, ((Number) warning.inputs().get("threshold")).doubleValue());
        var topic = one(plan, "aws:sns/topic:Topic", "alarms-topic");
        assertTrue(String.valueOf(topic.inputs().get("kmsMasterKeyId")).startsWith("arn:aws:kms:eu-west-1:"), "the topic is encrypted");
        assertEquals(List.of(String.valueOf(critical.inputs().get("alarmActions")).replaceAll("[\\[\\]]", "")),
                List.of(String.valueOf(critical.inputs().get("okActions")).replaceAll("[\\[\\]]", "")));
        var publish = statement(one(plan, "aws:kms/key:Key", "alarms-key").inputs().get("policy"), "CloudWatchAlarmsPublish");
        assertEquals("cloudwatch.amazonaws.com", publish.get("Principal").get("Service").asText());
        assertEquals("critical", map(critical.inputs().get("tags")).get("acgs2:severity"));
    }

    @Test
    void cacheLagIsTheMaximumOverTheSecondarysNodesInSeconds() {
        var plan = runInRegion("eu-west-1", r -> new ReplicationAlarms("alarms", ReplicationAlarmsArgs.builder()
                .caches(Map.of("platform", new ReplicationAlarmsArgs.CacheMember("acgs2-platform-eu-west-1", 3)))
                .facts(r.facts()).build(), r.opts()));
        assertEquals(2, plan.count("aws:cloudwatch/metricAlarm:MetricAlarm"));
        var critical = one(plan, "aws:cloudwatch/metricAlarm:MetricAlarm", "alarms-platform-GlobalDatastoreReplicationLag-critical");
        assertEquals(60.0, ((Number) critical.inputs().get("threshold")).doubleValue(), "the metric is in seconds");
        assertEquals("breaching", critical.inputs().get("treatMissingData"));
        assertFalse(critical.inputs().containsKey("metricName"), "a metric-math alarm names no single metric");
        var queries = json(critical.inputs().get("metricQueries"));
        var nodes = new java.util.ArrayList<String>();
        String expression = null;
        for (var q : queries) {
            if (q.has("expression")) {
                expression = q.get("expression").asText();
                assertTrue(q.get("returnData").asBoolean());
            } else {
                assertEquals("AWS/ElastiCache", q.get("metric").get("namespace").asText());
                assertEquals("GlobalDatastoreReplicationLag", q.get("metric").get("metricName").asText());
                assertFalse(q.get("returnData").asBoolean());
                nodes.add(q.get("metric").get("dimensions").get("CacheClusterId").asText());
            }
        }
        assertEquals("MAX(METRICS())", expression);
        assertEquals(List.of("acgs2-platform-eu-west-1-001", "acgs2-platform-eu-west-1-002", "acgs2-platform-eu-west-1-003"), nodes);
    }

    @Test
    void bucketRulesAlarmOnLatencyAndFailuresAndAnotherRegionsAlarmsUseItsTopic() {
        var plan = runInRegion("us-east-1", r -> new ReplicationAlarms("alarms", ReplicationAlarmsArgs.builder()
                .topicArn(Output.of("arn:aws:sns:us-east-1:123456789012:owner-topic"))
                .buckets(List.of(new ReplicationAlarmsArgs.BucketEdge("platform", "eu-west-1",
                        Output.of("acgs2-platform-us-east-1-123456789012"), Output.of("acgs2-platform-eu-west-1-123456789012"),
                        "to-eu-west-1")))
                .facts(r.facts()).build(), r.opts()));
        assertEquals(0, plan.count("aws:sns/topic:Topic"), "a given topic is used, not created");
        assertEquals(0, plan.count("aws:kms/key:Key"));
        assertEquals(3, plan.count("aws:cloudwatch/metricAlarm:MetricAlarm"));
        var latency = one(plan, "aws:cloudwatch/metricAlarm:MetricAlarm", "alarms-platform-to-eu-west-1-ReplicationLatency-warning");
        assertEquals("AWS/S3", latency.inputs().get("namespace"));
        assertEquals(Map.of("SourceBucket", "acgs2-platform-us-east-1-123456789012",
                "DestinationBucket", "acgs2-platform-eu-west-1-123456789012", "RuleId", "to-eu-west-1"), latency.inputs().get("dimensions"));
        assertEquals(30.0, ((Number) latency.inputs().get("threshold")).doubleValue());
        assertEquals("notBreaching", latency.inputs().get("treatMissingData"), "an idle bucket reports nothing");
        assertEquals(List.of("arn:aws:sns:us-east-1:123456789012:owner-topic"), latency.inputs().get("alarmActions"));
        var failed = one(plan, "aws:cloudwatch/metricAlarm:MetricAlarm", "alarms-platform-to-eu-west-1-OperationsFailedReplication");
        assertEquals(0.0, ((Number) failed.inputs().get("threshold")).doubleValue());
        assertEquals("Sum", failed.inputs().get("statistic"));
    }

    @Test
    void thresholdsMustIncreaseAndAGivenTopicNeedsSomethingToAlarmOn() {
        var e = assertThrows(IllegalArgumentException.class, () -> ReplicationAlarmsArgs.builder()
                .topicArn(Output.of("arn")).warningSeconds(90).criticalSeconds(60).build());
        assertTrue(e.getMessage().contains("topicArn: is set but there is nothing to alarm on"), e.getMessage());
        assertTrue(e.getMessage().contains("criticalSeconds: warning 90 s and critical 60 s are not increasing"), e.getMessage());
        assertTrue(e.getMessage().contains("facts: is required"), e.getMessage());
    }
}
