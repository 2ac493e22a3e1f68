package io.acgs2.components.mesh;

import io.acgs2.components.common.FieldFinding;
import io.acgs2.components.common.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a service's callers reach it across regions, and how fast they leave a failed region. Every
 * field has the platform's default; {@link #validate()} names what is wrong and the fix.
 *
 * <p>The <b>failover bound</b> ({@link #failoverBoundSeconds()}) is the worst case, under continuous
 * traffic, from every endpoint of a region failing to no new request going there:
 * <pre>  bound = consecutiveGatewayErrors × max(connectTimeout, perTryTimeout)</pre>
 * A failed region answers an attempt with a connect failure (within {@code connectTimeout}) or not
 * at all (the retry policy's {@code perTryTimeout} ends the attempt with a 504); both are gateway
 * errors. Envoy ejects a host inline, on its Nth consecutive gateway error (not at the next sweep:
 * {@code interval} only schedules un-ejection and success-rate analysis). A region's hosts (for a
 * caller in another network: its east-west gateway addresses) take traffic concurrently, so each
 * reaches N within N attempts' time. {@code maxEjectionPercent} is 100 (Istio's default of 10 ejects
 * nothing below 10 hosts), {@code minHealthPercent} 0 (no panic mode), so a whole region is ejected
 * and locality load balancing sends its share to the next locality. {@code baseEjectionTime} is how
 * long an ejected host stays out, not part of the time to leave (the ACGS-2 guides add it and the
 * interval, which gives their ~55 s). Retries prefer another locality ({@code retryRemoteLocalities}),
 * so a request that meets the failure is answered elsewhere.
 *
 * @param consecutiveGatewayErrors gateway errors (connect failure, 502, 503, 504) that eject a host. Default: 3
 * @param intervalSeconds          the outlier detection sweep. Default: 5
 * @param baseEjectionSeconds      how long an ejected host stays out (doubles on each ejection). Default: 30
 * @param connectTimeoutMillis     TCP connect timeout to a host. Default: 1000
 * @param perTryTimeoutMillis      one attempt's timeout. Default: 3000
 * @param retryAttempts            retries after the first attempt. Default: 2
 * @param timeoutMillis            the whole request's timeout (all attempts). Default: 10000
 * @param locality                 {@code failover} (prefer the local region, leave it only when its hosts are
 *                                 ejected) or {@code distribute} (the guides' split: {@link #localPercent()} stays,
 *                                 the rest goes to the regions {@link #distributeTo()} names). Default: failover
 * @param localPercent             with distribute: the share kept in the caller's region. Default: 80
 * @param failoverTo               with failover: the region to prefer after the local one, by caller region
 *                                 (empty: every other region alike)
 * @param distributeTo             with distribute: by caller region, the regions that get the rest, in equal
 *                                 shares. Named, not "every other region": a region that joins must not
 *                                 change an earlier region's routing (and Istio matches wildcard weights in
 *                                 no fixed order). A caller region not listed fails over instead
 */
public record TrafficPolicy(int consecutiveGatewayErrors, int intervalSeconds, int baseEjectionSeconds,
                            int connectTimeoutMillis, int perTryTimeoutMillis, int retryAttempts, int timeoutMillis,
                            String locality, int localPercent, java.util.Map<String, String> failoverTo,
                            java.util.Map<String, List<String>> distributeTo) {

    public static final String FAILOVER = "failover";
    public static final String DISTRIBUTE = "distribute";
    /** The default bound the platform keeps (the ACGS-2 guides' application RTO is under 60 s; this issue asks 30). */
    public static final int DEFAULT_TARGET_SECONDS = 30;

    public TrafficPolicy {
        failoverTo = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(failoverTo));
        var d = new java.util.TreeMap<String, List<String>>();
        distributeTo.forEach((k, v) -> d.put(k, List.copyOf(v)));
        distributeTo = java.util.Collections.unmodifiableSortedMap(d);
    }

    public static TrafficPolicy defaults() {
        return new TrafficPolicy(3, 5, 30, 1000, 3000, 2, 10000, FAILOVER, 80, java.util.Map.of(), java.util.Map.of());
    }

    /**
     * With distribute, the weights for a caller in {@code region}: its own share, then the rest split
     * evenly over the named regions (the remainder to the first); empty if the region is not listed.
     */
    public java.util.Map<String, Integer> weightsFor(String region) {
        var out = new java.util.LinkedHashMap<String, Integer>();
        var to = distributeTo.get(region);
        if (!DISTRIBUTE.equals(locality) || to == null || to.isEmpty()) {
            return out;
        }
        out.put(region, localPercent);
        int rest = 100 - localPercent;
        for (int i = 0; i < to.size(); i++) {
            out.put(to.get(i), rest / to.size() + (i == 0 ? rest % to.size() : 0));
        }
        return out;
    }

    /** The worst-case seconds from a region's endpoints failing to traffic leaving them (see the class comment). */
    public double failoverBoundSeconds() {
        return bound(consecutiveGatewayErrors, connectTimeoutMillis, perTryTimeoutMillis);
    }

    /** The formula, for any settings (the policy pack computes the same from a DestinationRule and VirtualService). */
    public static double bound(int consecutiveErrors, double connectTimeoutMillis, double perTryTimeoutMillis) {
        return consecutiveErrors * Math.max(connectTimeoutMillis, perTryTimeoutMillis) / 1000.0;
    }

    /** Every problem, as field and finding. */
    public List<FieldFinding> validate() {
        var out = new ArrayList<FieldFinding>();
        if (consecutiveGatewayErrors < 1 || consecutiveGatewayErrors > 100) {
            out.add(new FieldFinding("consecutiveGatewayErrors", new Finding("is " + consecutiveGatewayErrors, "use 1 to 100, e.g. 3")));
        }
        if (intervalSeconds < 1) {
            out.add(new FieldFinding("intervalSeconds", new Finding("is " + intervalSeconds, "use at least 1, e.g. 5")));
        }
        if (baseEjectionSeconds < 1) {
            out.add(new FieldFinding("baseEjectionSeconds", new Finding("is " + baseEjectionSeconds, "use at least 1, e.g. 30")));
        }
        if (connectTimeoutMillis < 1) {
            out.add(new FieldFinding("connectTimeoutMillis", new Finding("is " + connectTimeoutMillis, "use at least 1, e.g. 1000")));
        }
        if (perTryTimeoutMillis < 1) {
            out.add(new FieldFinding("perTryTimeoutMillis", new Finding("is " + perTryTimeoutMillis, "use at least 1, e.g. 3000")));
        }
        if (retryAttempts < 0 || retryAttempts > 10) {
            out.add(new FieldFinding("retryAttempts", new Finding("is " + retryAttempts, "use 0 to 10, e.g. 2")));
        }
        if (timeoutMillis < perTryTimeoutMillis) {
            out.add(new FieldFinding("timeoutMillis", new Finding(timeoutMillis + " ms is shorter than one attempt (" + perTryTimeoutMillis + " ms)",
                    "set timeoutMillis at least (retryAttempts + 1) × perTryTimeoutMillis")));
        }
        if (!FAILOVER.equals(locality) && !DISTRIBUTE.equals(locality)) {
            out.add(new FieldFinding("locality", new Finding("'" + locality + "' is not a locality mode", "use failover or distribute")));
        }
        if (DISTRIBUTE.equals(locality) && (localPercent < 1 || localPercent > 99)) {
            out.add(new FieldFinding("localPercent", new Finding("is " + localPercent, "use 1 to 99 (the guides keep 80 local)")));
        }
        if (!failoverTo.isEmpty() && !FAILOVER.equals(locality)) {
            out.add(new FieldFinding("failoverTo", new Finding("is set but locality is " + locality, "remove it or use locality: failover")));
        }
        failoverTo.forEach((from, to) -> {
            if (from.equals(to)) {
                out.add(new FieldFinding("failoverTo." + from, new Finding("fails over to itself", "name another region")));
            }
        });
        if (!distributeTo.isEmpty() && !DISTRIBUTE.equals(locality)) {
            out.add(new FieldFinding("distributeTo", new Finding("is set but locality is " + locality, "remove it or use locality: distribute")));
        }
        if (DISTRIBUTE.equals(locality) && distributeTo.isEmpty()) {
            out.add(new FieldFinding("distributeTo", new Finding("is empty", "name, per caller region, the regions that get the other "
                    + (100 - localPercent) + "%, e.g. {eu-west-1: [eu-central-1]}")));
        }
        distributeTo.forEach((from, to) -> {
            if (to.isEmpty() || to.contains(from) || new java.util.HashSet<>(to).size() != to.size()) {
                out.add(new FieldFinding("distributeTo." + from, new Finding("lists " + to, "list other regions, each once")));
            }
        });
        return out;
    }

    /** Whether the bound is within {@code targetSeconds}, or the finding that says by how much it is not. */
    public Optional<Finding> checkBound(int targetSeconds) {
        var bound = failoverBoundSeconds();
        if (bound <= targetSeconds) {
            return Optional.empty();
        }
        return Optional.of(new Finding(String.format("the failover bound is %s s (%d × max(%d ms connect, %d ms per try)), "
                        + "over the %d s target", format(bound), consecutiveGatewayErrors, connectTimeoutMillis, perTryTimeoutMillis,
                targetSeconds),
                "lower consecutiveGatewayErrors, perTryTimeoutMillis or connectTimeoutMillis, or raise failoverTargetSeconds"));
    }

    /** Seconds without a trailing .0. */
    public static String format(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }

}
