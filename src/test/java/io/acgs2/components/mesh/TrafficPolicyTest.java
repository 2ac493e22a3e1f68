package io.acgs2.components.mesh;

import io.acgs2.components.common.FieldFinding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrafficPolicyTest {

    static TrafficPolicy with(int errors, int connectMs, int perTryMs) {
        var d = TrafficPolicy.defaults();
        return new TrafficPolicy(errors, d.intervalSeconds(), d.baseEjectionSeconds(), connectMs, perTryMs, d.retryAttempts(),
                Math.max(d.timeoutMillis(), perTryMs * 3), d.locality(), d.localPercent(), Map.of(), Map.of());
    }

    /** Envoy ejects a host inline on its Nth consecutive gateway error; each failed attempt lasts at most its timeout. */
    @ParameterizedTest(name = "{0} errors, connect {1} ms, per try {2} ms: {3} s")
    @CsvSource({
            "3, 1000, 3000, 9",       // the defaults
            "3, 5000, 2000, 15",      // a slow connect dominates
            "5, 1000, 1000, 5",
            "1, 250, 500, 0.5",
            "3, 10000, 10000, 30",    // exactly at the 30 s target
            "5, 1000, 8000, 40",      // over it
    })
    void theBoundIsErrorsTimesTheLongerAttemptTimeout(int errors, int connectMs, int perTryMs, double seconds) {
        var t = with(errors, connectMs, perTryMs);
        assertEquals(seconds, t.failoverBoundSeconds(), 1e-9);
        assertEquals(seconds <= 30, t.checkBound(30).isEmpty());
    }

    @Test
    void theGuidesSettingsWouldNotBeCountedWithEjectionTimeAndInterval() {
        // the guides: 3 gateway errors at ~5 s per request, interval 10 s, base ejection 30 s: "≈ 55 s"; the
        // interval and the ejection time do not delay leaving, so the bound is 15 s
        var guides = with(3, 5000, 5000);
        assertEquals(15.0, guides.failoverBoundSeconds());
        var over = with(5, 1000, 8000).checkBound(30).orElseThrow();
        assertEquals("the failover bound is 40 s (5 × max(1000 ms connect, 8000 ms per try)), over the 30 s target", over.problem());
        assertTrue(over.fix().contains("raise failoverTargetSeconds"), over.fix());
    }

    @Test
    void distributionSplitsTheRestEvenlyOverTheNamedRegionsOnly() {
        var d = TrafficPolicy.defaults();
        var t = new TrafficPolicy(3, 5, 30, 1000, 3000, 2, 10000, TrafficPolicy.DISTRIBUTE, 80, Map.of(),
                Map.of("eu-west-1", List.of("eu-central-1", "eu-north-1", "eu-west-3")));
        assertEquals(Map.of("eu-west-1", 80, "eu-central-1", 8, "eu-north-1", 6, "eu-west-3", 6), t.weightsFor("eu-west-1"));
        assertEquals(100, t.weightsFor("eu-west-1").values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(Map.of(), t.weightsFor("eu-central-1"), "a region not listed fails over instead");
        assertEquals(Map.of(), d.weightsFor("eu-west-1"));
    }

    @Test
    void badSettingsAreNamedWithTheirFix() {
        var bad = new TrafficPolicy(0, 0, 0, 0, 0, 11, 0, "spread", 100, Map.of("us-east-1", "us-east-1"), Map.of());
        var fields = bad.validate().stream().map(FieldFinding::field).toList();
        assertEquals(List.of("consecutiveGatewayErrors", "intervalSeconds", "baseEjectionSeconds", "connectTimeoutMillis",
                "perTryTimeoutMillis", "retryAttempts", "locality", "failoverTo", "failoverTo.us-east-1"), fields);
        var distribute = new TrafficPolicy(3, 5, 30, 1000, 3000, 2, 1000, TrafficPolicy.DISTRIBUTE, 0, Map.of(),
                Map.of("eu-west-1", List.of("eu-west-1")));
        var d = distribute.validate().stream().map(f -> f.field() + ": " + f.finding().problem()).toList();
        assertTrue(d.contains("timeoutMillis: 1000 ms is shorter than one attempt (3000 ms)"), d.toString());
        assertTrue(d.contains("localPercent: is 0"), d.toString());
        assertTrue(d.contains("distributeTo.eu-west-1: lists [eu-west-1]"), d.toString());
    }
}
