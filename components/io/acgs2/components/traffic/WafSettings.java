package io.acgs2.components.traffic;

import io.acgs2.components.common.FieldFinding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The web ACL in front of every region's public load balancer: AWS managed rule groups, then a
 * rate-based rule per client IP.
 *
 * @param rateLimit         requests per client IP in 5 minutes before it is blocked, at least 100 (the
 *                          pulumi-aws 6.x schema's floor; WAF itself accepts 10). Default: 2000
 * @param managedRuleGroups AWS managed rule groups, in evaluation order. Default: the common rule set,
 *                          known bad inputs, IP reputation
 */
public record WafSettings(int rateLimit, List<String> managedRuleGroups) {

    public static final int DEFAULT_RATE_LIMIT = 2000;
    public static final int MIN_RATE_LIMIT = 100;
    public static final int MAX_RATE_LIMIT = 2_000_000_000;
    public static final List<String> DEFAULT_GROUPS = List.of("AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList");
    /**
     * The AWS managed rule groups (vendor AWS) this platform accepts, with their web ACL capacity units
     * (AWS WAF Developer Guide, "AWS Managed Rules rule groups list"). Bot Control and account
     * takeover/creation protection are left out: they need per-application configuration and are billed
     * per request.
     */
    public static final Map<String, Integer> CAPACITY = Map.ofEntries(
            Map.entry("AWSManagedRulesCommonRuleSet", 700),
            Map.entry("AWSManagedRulesKnownBadInputsRuleSet", 200),
            Map.entry("AWSManagedRulesAmazonIpReputationList", 25),
            Map.entry("AWSManagedRulesAnonymousIpList", 50),
            Map.entry("AWSManagedRulesAdminProtectionRuleSet", 100),
            Map.entry("AWSManagedRulesSQLiRuleSet", 200),
            Map.entry("AWSManagedRulesLinuxRuleSet", 200),
            Map.entry("AWSManagedRulesUnixRuleSet", 100));
    /** A rate-based rule without a scope-down statement costs 2 WCU. */
    public static final int RATE_RULE_CAPACITY = 2;
    /** What a web ACL costs at the base price; AWS refuses more than 5,000. */
    public static final int BASE_CAPACITY = 1500;

    public WafSettings {
        managedRuleGroups = List.copyOf(managedRuleGroups);
    }

    public int capacity() {
        return managedRuleGroups.stream().mapToInt(g -> CAPACITY.getOrDefault(g, 0)).sum() + RATE_RULE_CAPACITY;
    }

    public List<FieldFinding> validate() {
        var out = new ArrayList<FieldFinding>();
        if (rateLimit < MIN_RATE_LIMIT || rateLimit > MAX_RATE_LIMIT) {
            out.add(FieldFinding.of("rateLimit", rateLimit + " is outside " + MIN_RATE_LIMIT + ".." + MAX_RATE_LIMIT,
                    "allow each client IP e.g. 2000 requests per 5 minutes"));
        }
        for (var g : managedRuleGroups) {
            if (!CAPACITY.containsKey(g)) {
                out.add(FieldFinding.of("managedRuleGroups", "'" + g + "' is not an AWS managed rule group this platform runs",
                        "use some of " + CAPACITY.keySet().stream().sorted().toList()));
            }
        }
        if (managedRuleGroups.stream().distinct().count() != managedRuleGroups.size()) {
            out.add(FieldFinding.of("managedRuleGroups", "lists a group twice", "list each group once"));
        }
        if (capacity() > BASE_CAPACITY) {
            out.add(FieldFinding.of("managedRuleGroups", "the groups need " + capacity() + " WCU, over the " + BASE_CAPACITY
                    + " a web ACL has at the base price", "drop a group (see WafSettings.CAPACITY)"));
        }
        return out;
    }
}
