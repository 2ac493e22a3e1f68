package io.acgs2.components.traffic;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebFirewallTest {

    /** WAFv2 names (web ACL, rule, metric): 1-128 of letters, digits, '-' and '_' (terraform-provider-aws wafv2 schemas.go). */
    static final Pattern WAF_NAME = Pattern.compile("^[0-9A-Za-z_-]{1,128}$");

    @Test
    void managedGroupsInOrderThenAPerIpRateLimitEveryRequestLoggedWithoutCredentials() {
        var plan = runInRegion("eu-west-1", r -> new WebFirewall("waf", WebFirewallArgs.builder()
                .region("eu-west-1").waf(new WafSettings(2000, WafSettings.DEFAULT_GROUPS)).facts(r.facts()).build(), r.opts()));
        var acl = one(plan, "aws:wafv2/webAcl:WebAcl", "waf-acl");
        assertEquals("REGIONAL", acl.inputs().get("scope"), "an ALB takes a regional web ACL");
        assertTrue(WAF_NAME.matcher(String.valueOf(acl.inputs().get("name"))).matches());
        assertEquals(Map.of("allow", Map.of()), acl.inputs().get("defaultAction"));
        var rules = json(acl.inputs().get("rules"));
        assertEquals(4, rules.size());
        for (int i = 0; i < 3; i++) {
            var rule = rules.get(i);
            assertEquals(i, rule.get("priority").asInt());
            assertEquals(WafSettings.DEFAULT_GROUPS.get(i), rule.at("/statement/managedRuleGroupStatement/name").asText());
            assertEquals("AWS", rule.at("/statement/managedRuleGroupStatement/vendorName").asText());
            assertTrue(rule.at("/overrideAction/none").isObject(), "the group's own actions");
            assertTrue(WAF_NAME.matcher(rule.at("/visibilityConfig/metricName").asText()).matches());
        }
        var rate = rules.get(3);
        assertEquals(3, rate.get("priority").asInt());
        assertEquals(2000, rate.at("/statement/rateBasedStatement/limit").asInt());
        assertEquals("IP", rate.at("/statement/rateBasedStatement/aggregateKeyType").asText(), "the source IP, not a header a client sets");
        assertTrue(List.of(60, 120, 300, 600).contains(rate.at("/statement/rateBasedStatement/evaluationWindowSec").asInt()));
        assertTrue(rate.at("/action/block").isObject());
        var logs = one(plan, "aws:cloudwatch/logGroup:LogGroup", "waf-logs");
        assertTrue(String.valueOf(logs.inputs().get("name")).startsWith("aws-waf-logs-"), "WAF logs only to aws-waf-logs-*");
        assertTrue(logs.inputs().containsKey("kmsKeyId"));
        var logging = one(plan, "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "waf-logging");
        assertEquals(List.of("authorization", "cookie"), json(logging.inputs().get("redactedFields")).findValuesAsText("name"));
    }

    @Test
    void rejectsARateLimitUnderTheProvidersFloor() {
        var e = assertThrows(IllegalArgumentException.class, () -> WebFirewallArgs.builder().region("eu-west-1")
                .waf(new WafSettings(50, WafSettings.DEFAULT_GROUPS)).build());
        assertTrue(e.getMessage().contains("waf.rateLimit"), e.getMessage());
        assertTrue(e.getMessage().contains("facts: is required"), e.getMessage());
    }
}
