package io.acgs2.components.traffic;

import io.acgs2.components.common.FieldFinding;

import java.util.ArrayList;
import java.util.List;

/**
 * How Route 53 checks a region's front door, and so how fast DNS leaves a failed region. Defaults
 * are the ACGS-2 guides' (HTTPS, {@code /health} on 443, every 30 s, 3 failures).
 *
 * <p>The <b>DNS failover bound</b> ({@link #failoverBoundSeconds()}) is the worst case from a
 * region failing to resolvers answering without it:
 * <pre>  bound = interval × (failureThreshold + 1) + aliasTtl</pre>
 * The checkers need {@code failureThreshold} failed checks in a row, and the failure may start just
 * after a check (one more interval); then a resolver may still hold the old answer for the record's
 * TTL. Alias records to a load balancer take the load balancer's 60 s TTL ({@link #ALIAS_TTL_SECONDS};
 * an alias has no TTL of its own). Resolvers that ignore TTLs, and clients that keep connections
 * open, take longer: the bound is what DNS promises, not what every client does.
 *
 * @param path             the path checked, on every region's own hostname. Default: /health
 * @param port             the HTTPS port. Default: 443
 * @param intervalSeconds  10 or 30 (Route 53 offers only these; 10 costs more). Default: 30
 * @param failureThreshold consecutive failures that make the region unhealthy, 1 to 10. Default: 3
 * @param service          the ACGS service whose health, in the region itself, is the region's health
 */
public record HealthCheckSettings(String path, int port, int intervalSeconds, int failureThreshold, String service) {

    public static final String DEFAULT_PATH = "/health";
    public static final int DEFAULT_PORT = 443;
    public static final int DEFAULT_INTERVAL_SECONDS = 30;
    public static final int DEFAULT_FAILURE_THRESHOLD = 3;
    /** An alias record to a load balancer answers with the load balancer's TTL, 60 s. */
    public static final int ALIAS_TTL_SECONDS = 60;
    /** Route 53's request intervals (RequestInterval is 10 or 30 and cannot change after create). */
    public static final List<Integer> INTERVALS = List.of(10, 30);

    /** Worst-case seconds from a region failing to DNS answering without it (see the class comment). */
    public int failoverBoundSeconds() {
        return intervalSeconds * (failureThreshold + 1) + ALIAS_TTL_SECONDS;
    }

    /** Every rule the settings break (field names relative to the health check). */
    public List<FieldFinding> validate() {
        var out = new ArrayList<FieldFinding>();
        if (path == null || !path.startsWith("/") || path.length() > 255 || path.chars().anyMatch(Character::isWhitespace)) {
            out.add(FieldFinding.of("path", "'" + path + "' is not an HTTP path Route 53 can check (starts with /, 255 at most, no spaces)",
                    "write e.g. /health"));
        }
        if (port < 1 || port > 65535) {
            out.add(FieldFinding.of("port", port + " is not a TCP port", "use 443"));
        }
        if (!INTERVALS.contains(intervalSeconds)) {
            out.add(FieldFinding.of("intervalSeconds", intervalSeconds + " is not a Route 53 request interval",
                    "use 30 (standard) or 10 (fast, billed extra)"));
        }
        if (failureThreshold < 1 || failureThreshold > 10) {
            out.add(FieldFinding.of("failureThreshold", failureThreshold + " is outside Route 53's 1..10", "use 3 (the guides')"));
        }
        if (service == null || service.isBlank()) {
            out.add(FieldFinding.of("service", "is missing", "name the service whose health is the region's, e.g. claude-flow"));
        }
        return out;
    }
}
