package io.acgs2.components.traffic;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static io.acgs2.testing.Fixtures.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionalDnsTest {

    static final String RECORD = "aws:route53/record:Record";
    static final String ALB = "acgs2-eu-west-1-1234567890.eu-west-1.elb.amazonaws.com";

    static StackPlan plan(boolean drain) {
        return runInRegion("eu-west-1", r -> {
            var metrics = new Provider("aws-us-east-1", ProviderArgs.builder().region("us-east-1").build());
            new RegionalDns("dns", RegionalDnsArgs.builder()
                    .region("eu-west-1")
                    .hostname("eu.api.acgs2.example.com")
                    .regionalHostname("eu-west-1.eu.api.acgs2.example.com")
                    .zoneId(Output.of("Z0123456789ABCDEFGHIJ"))
                    .loadBalancerDnsName(Output.of(ALB))
                    .loadBalancerZoneId(Output.of("Z32O12XQLNTSW2"))
                    .healthCheck(new HealthCheckSettings("/health", 443, 30, 3, "claude-flow"))
                    .drain(drain)
                    .ipv6(true)
                    .metricsProvider(metrics)
                    .facts(r.facts())
                    .build(), r.opts());
        });
    }

    @Test
    void anHttpsCheckOfTheRegionsOwnNameAndLatencyAliasesThatCarryIt() {
        var plan = plan(false);
        var check = one(plan, "aws:route53/healthCheck:HealthCheck", "dns-health");
        assertEquals("HTTPS", check.inputs().get("type"));
        assertEquals("eu-west-1.eu.api.acgs2.example.com", check.inputs().get("fqdn"), "not the latency name it guards");
        assertEquals(443L, ((Number) check.inputs().get("port")).longValue());
        assertEquals("/health", check.inputs().get("resourcePath"));
        assertTrue(List.of(10L, 30L).contains(((Number) check.inputs().get("requestInterval")).longValue()));
        var threshold = ((Number) check.inputs().get("failureThreshold")).longValue();
        assertTrue(threshold >= 1 && threshold <= 10, "Route 53 takes 1 to 10");
        assertEquals(true, check.inputs().get("enableSni"));
        assertEquals(false, check.inputs().get("invertHealthcheck"));
        var latency = where(plan, r -> r.type().equals(RECORD) && r.name().startsWith("dns-latency"));
        assertEquals(List.of("A", "AAAA"), latency.stream().map(r -> String.valueOf(r.inputs().get("type"))).sorted().toList());
        for (var rec : latency) {
            assertEquals("eu.api.acgs2.example.com", rec.inputs().get("name"));
            assertEquals("eu-west-1", rec.inputs().get("setIdentifier"));
            assertEquals(List.of(Map.of("region", "eu-west-1")), rec.inputs().get("latencyRoutingPolicies"));
            assertTrue(rec.dependencies().contains(check.urn()), "the record carries the region's check");
            var alias = json(rec.inputs().get("aliases")).get(0);
            assertEquals(ALB, alias.get("name").asText());
            assertEquals("Z32O12XQLNTSW2", alias.get("zoneId").asText());
            assertTrue(alias.get("evaluateTargetHealth").asBoolean());
            assertTrue(!rec.inputs().containsKey("ttl") && !rec.inputs().containsKey("records"), "an alias has no TTL or values");
        }
        var regional = where(plan, r -> r.type().equals(RECORD) && r.name().startsWith("dns-regional"));
        assertEquals(2, regional.size());
        regional.forEach(r -> assertTrue(!r.inputs().containsKey("setIdentifier"), "a simple alias"));
        var alarm = one(plan, "aws:cloudwatch/metricAlarm:MetricAlarm", "dns-health-alarm");
        assertEquals("us-east-1", alarm.providerRegion(), "Route 53's metrics are only in us-east-1");
        assertEquals("AWS/Route53", alarm.inputs().get("namespace"));
        assertEquals("HealthCheckStatus", alarm.inputs().get("metricName"));
        assertTrue(map(alarm.inputs().get("dimensions")).containsKey("HealthCheckId"));
        assertEquals("LessThanThreshold", alarm.inputs().get("comparisonOperator"));
        assertEquals(true, alarm.inputs().get("actionsEnabled"));
        var topic = one(plan, "aws:sns/topic:Topic", "dns-alarms-topic");
        assertEquals("us-east-1", topic.providerRegion(), "an alarm notifies a topic of its own region");
        assertTrue(topic.inputs().containsKey("kmsMasterKeyId"));
    }

    @Test
    void drainingInvertsTheCheckAndSilencesTheAlarmAndChangesNothingElse() {
        var live = plan(false);
        var drained = plan(true);
        assertEquals(true, one(drained, "aws:route53/healthCheck:HealthCheck", "dns-health").inputs().get("invertHealthcheck"));
        assertEquals(false, one(drained, "aws:cloudwatch/metricAlarm:MetricAlarm", "dns-health-alarm").inputs().get("actionsEnabled"));
        assertEquals(live.resources().size(), drained.resources().size());
        for (var r : live.resources()) {
            var d = drained.resources().stream().filter(x -> x.urn().equals(r.urn())).findFirst().orElseThrow();
            if (!r.name().equals("dns-health") && !r.name().equals("dns-health-alarm")) {
                assertEquals(r.inputs(), d.inputs(), r.urn());
            }
        }
    }

    @Test
    void rejectsACheckOfTheLatencyNameItself() {
        var e = assertThrows(IllegalArgumentException.class, () -> RegionalDnsArgs.builder().region("eu-west-1")
                .hostname("a.example.com").regionalHostname("a.example.com").build());
        assertTrue(e.getMessage().contains("regionalHostname: equals the hostname"), e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
