package io.acgs2.components.data;

import com.pulumi.core.Output;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static io.acgs2.testing.Fixtures.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void thresholdsMustIncreaseAndSecondariesExist() {
        var e = assertThrows(IllegalArgumentException.class, () -> ReplicationAlarmsArgs.builder()
                .warningSeconds(90).criticalSeconds(60).build());
        assertTrue(e.getMessage().contains("secondaries: is empty"), e.getMessage());
        assertTrue(e.getMessage().contains("criticalSeconds: warning 90 s and critical 60 s are not increasing"), e.getMessage());
        assertTrue(e.getMessage().contains("facts: is required"), e.getMessage());
    }
}
