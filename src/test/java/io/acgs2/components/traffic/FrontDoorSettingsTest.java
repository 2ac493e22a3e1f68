package io.acgs2.components.traffic;

import io.acgs2.components.common.FieldFinding;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrontDoorSettingsTest {

    static FrontDoorSettings settings(HealthCheckSettings hc, int target, String tlsPolicy, Map<String, String> hostnames) {
        return new FrontDoorSettings(new HostedZoneSettings("acgs2.example.com", Optional.of("Z0123456789ABCDEFGHIJ"), false),
                hostnames, hc, 300, target, Map.of("/claude-flow/", "claude-flow"),
                new WafSettings(WafSettings.DEFAULT_RATE_LIMIT, WafSettings.DEFAULT_GROUPS), tlsPolicy, true);
    }

    static HealthCheckSettings guides() {
        return new HealthCheckSettings("/health", 443, 30, 3, "claude-flow");
    }

    static List<String> fields(List<FieldFinding> findings) {
        return findings.stream().map(FieldFinding::field).toList();
    }

    @Test
    void theGuidesSettingsFailOverWithinFiveMinutes() {
        // 30 s x (3 + 1) + 60 s: three failed checks, one interval before the first, the alias TTL
        assertEquals(180, guides().failoverBoundSeconds());
        assertEquals(List.of(), settings(guides(), 300, TlsPolicies.DEFAULT, Map.of("us", "api.acgs2.example.com")).validate());
    }

    @Property
    void theBoundIsIntervalTimesThresholdPlusOnePlusTheAliasTtl(@ForAll("intervals") int interval, @ForAll @IntRange(min = 1, max = 10) int threshold) {
        var hc = new HealthCheckSettings("/health", 443, interval, threshold, "s");
        assertEquals(interval * (threshold + 1) + 60, hc.failoverBoundSeconds());
        assertTrue(hc.validate().isEmpty());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> intervals() {
        return net.jqwik.api.Arbitraries.of(10, 30);
    }

    @Test
    void rejectsWhatRoute53AndTheAlbRefuseAndABoundOverTheTarget() {
        // Route 53: RequestInterval 10 or 30, FailureThreshold 1..10
        assertEquals(List.of("intervalSeconds", "failureThreshold"),
                fields(new HealthCheckSettings("/health", 443, 20, 11, "claude-flow").validate()));
        assertEquals(List.of("path"), fields(new HealthCheckSettings("health", 443, 30, 3, "x").validate()));
        // 30 x (10 + 1) + 60 = 390 s: over a 300 s target
        var slow = settings(new HealthCheckSettings("/health", 443, 30, 10, "claude-flow"), 300, TlsPolicies.DEFAULT,
                Map.of("us", "api.acgs2.example.com"));
        var found = slow.validate();
        assertEquals(List.of("healthCheck"), fields(found));
        assertTrue(found.get(0).finding().problem().contains("390 s"), found.toString());
        // a TLS 1.3-only policy fails every Route 53 check (the checkers speak TLS 1.0 to 1.2)
        assertEquals(List.of("tlsPolicy"), fields(settings(guides(), 300, "ELBSecurityPolicy-TLS13-1-3-2021-06",
                Map.of("us", "api.acgs2.example.com")).validate()));
        assertEquals(List.of("tlsPolicy"), fields(settings(guides(), 300, "ELBSecurityPolicy-2016-08",
                Map.of("us", "api.acgs2.example.com")).validate()));
    }

    @Test
    void hostnamesAreDnsNamesInTheZoneOnePerZone() {
        assertEquals(List.of("hostnames.gdpr"), fields(settings(guides(), 300, TlsPolicies.DEFAULT,
                Map.of("us", "api.acgs2.example.com", "gdpr", "api.other.example.org")).validate()));
        assertEquals(List.of("hostnames.us"), fields(settings(guides(), 300, TlsPolicies.DEFAULT,
                Map.of("us", "Api_Bad.acgs2.example.com")).validate()));
        var twice = settings(guides(), 300, TlsPolicies.DEFAULT, Map.of("us", "api.acgs2.example.com", "gdpr", "api.acgs2.example.com"));
        assertEquals(1, twice.validate().size(), "one zone's records must never answer for another's");
        assertEquals("us-east-1.api.acgs2.example.com", FrontDoorSettings.regionalHostname("us-east-1", "api.acgs2.example.com"));
    }

    @Test
    void theWafFitsTheBasePriceAndNamesOnlyManagedGroupsItKnows() {
        // 700 + 200 + 25 + the rate rule's 2: AWS WAF's capacity units of the three default groups
        assertEquals(927, new WafSettings(2000, WafSettings.DEFAULT_GROUPS).capacity());
        assertEquals(List.of("rateLimit"), fields(new WafSettings(10, WafSettings.DEFAULT_GROUPS).validate()),
                "the pulumi-aws 6.x schema refuses a limit under 100 (pulumi/pulumi-aws#5841)");
        assertEquals(List.of("managedRuleGroups"), fields(new WafSettings(2000, List.of("AWSManagedRulesMadeUp")).validate()));
        var tooMuch = new WafSettings(2000, List.of("AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet",
                "AWSManagedRulesSQLiRuleSet", "AWSManagedRulesLinuxRuleSet", "AWSManagedRulesAdminProtectionRuleSet",
                "AWSManagedRulesUnixRuleSet"));
        assertEquals(List.of("managedRuleGroups"), fields(tooMuch.validate()), "1,502 WCU is over the base 1,500");
    }

    @Test
    void aZoneIsAnExistingIdOrCreatedNeverBothOrNeither() {
        var both = new FrontDoorSettings(new HostedZoneSettings("acgs2.example.com", Optional.of("Z0123"), true),
                Map.of("us", "api.acgs2.example.com"), guides(), 300, 300, Map.of(), new WafSettings(2000, WafSettings.DEFAULT_GROUPS),
                TlsPolicies.DEFAULT, true);
        assertEquals(List.of("hostedZone"), fields(both.validate()));
        var neither = new FrontDoorSettings(new HostedZoneSettings("acgs2.example.com", Optional.empty(), false),
                Map.of("us", "api.acgs2.example.com"), guides(), 300, 300, Map.of(), new WafSettings(2000, WafSettings.DEFAULT_GROUPS),
                TlsPolicies.DEFAULT, true);
        assertEquals(List.of("hostedZone"), fields(neither.validate()));
    }
}
