package io.acgs2.components.operations;

import io.acgs2.testing.LocalPostgres;
import io.acgs2.testing.PrometheusTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated rules under Prometheus's own tools: promtool parses and type-checks every PromQL
 * expression, and evaluates every alert on synthetic series (src/test/resources/operations/
 * rules.test.yaml); a seeded wrong threshold fails those tests. amtool checks the alert routing.
 */
class AlertRulesTest {

    static final String REGION = "eu-west-1";
    static final String CLUSTER = "acgs2-eu-west-1";
    static final Map<String, String> TOPICS = Map.of("critical", "arn:aws:sns:eu-west-1:123456789012:acgs2-paging-critical-topic",
            "warning", "arn:aws:sns:eu-west-1:123456789012:acgs2-paging-warning-topic");

    @Test
    void everyAlertHasASeverityTheRoutingKnowsAndASyntheticTest() throws Exception {
        var tests = new String(getClass().getResourceAsStream("/operations/rules.test.yaml").readAllBytes());
        var names = AlertRules.alertNames(AlertThresholds.defaults());
        assertEquals(17, names.size(), names.toString());
        for (var name : names) {
            assertTrue(tests.contains("alertname: " + name + "\n"), name + " has no promtool test");
        }
        for (var g : AlertRules.groups(AlertThresholds.defaults(), REGION, CLUSTER)) {
            for (var r : (List<?>) g.get("rules")) {
                var rule = (Map<?, ?>) r;
                if (rule.containsKey("alert")) {
                    var labels = (Map<?, ?>) rule.get("labels");
                    assertTrue(PagingSettings.SEVERITIES.contains(labels.get("severity")), rule.toString());
                    assertEquals(REGION, labels.get("region"));
                }
            }
        }
    }

    @Test
    @EnabledIf("io.acgs2.testing.PrometheusTools#available")
    void promtoolParsesEveryExpressionAndTheAlertsFireWhereTheGuidesSay(@TempDir Path tmp) throws Exception {
        var check = run(tmp, AlertThresholds.defaults(), "check");
        assertEquals(0, check.code(), check.output());
        assertTrue(check.output().contains("SUCCESS: 27 rules found"), check.output());
        var test = run(tmp, AlertThresholds.defaults(), "test");
        assertEquals(0, test.code(), test.output());
        assertTrue(test.output().contains("SUCCESS"), test.output());
    }

    @Test
    @EnabledIf("io.acgs2.testing.PrometheusTools#available")
    void aSeededWrongThresholdFailsTheRuleTests(@TempDir Path tmp) throws Exception {
        var d = AlertThresholds.defaults();
        var lax = new AlertThresholds(120, d.mirrorLagCriticalSeconds(), d.checkpointAgeSeconds(), 99.9, d.latencySeconds(),
                d.crossRegionFactor(), d.pendingMinutes(), d.certificateDays());
        var test = run(tmp, lax, "test");
        assertNotEquals(0, test.code(), test.output());
        assertTrue(test.output().contains("alertname: MirrorMakerReplicationLag, time: 25m"), test.output());
        assertTrue(test.output().contains("alertname: AvailabilityBudgetBurn"), test.output());
    }

    @Test
    @EnabledIf("io.acgs2.testing.PrometheusTools#available")
    void amtoolAcceptsTheRouting(@TempDir Path tmp) throws Exception {
        var file = tmp.resolve("alertmanager.yaml");
        Files.writeString(file, AlertRouting.configYaml(REGION, TOPICS));
        var r = LocalPostgres.exec(List.of(PrometheusTools.tool("amtool").orElseThrow().toString(), "check-config", file.toString()), Map.of());
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("SUCCESS") && r.output().contains("2 receivers"), r.output());
        // AMP takes the configuration as a string under alertmanager_config
        var definition = AlertRouting.definition(REGION, TOPICS);
        assertTrue(definition.startsWith("alertmanager_config: |\n"), definition);
        assertTrue(definition.contains("topic_arn: " + TOPICS.get("critical")), definition);
    }

    private static LocalPostgres.Result run(Path tmp, AlertThresholds t, String what) throws Exception {
        Files.writeString(tmp.resolve("rules.yaml"), AlertRules.yaml(t, REGION, CLUSTER));
        try (var in = AlertRulesTest.class.getResourceAsStream("/operations/rules.test.yaml")) {
            Files.write(tmp.resolve("rules.test.yaml"), in.readAllBytes());
        }
        var promtool = PrometheusTools.tool("promtool").orElseThrow().toString();
        var args = what.equals("check") ? List.of(promtool, "check", "rules", tmp.resolve("rules.yaml").toString())
                : List.of(promtool, "test", "rules", tmp.resolve("rules.test.yaml").toString());
        return LocalPostgres.exec(args, Map.of());
    }
}
