package io.acgs2.components.operations;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who is paged in a region (stack config {@code acgs2-infra:paging}), the endpoints themselves being
 * the secret {@code acgs2-infra:pagingEndpoints} ({name: endpoint}).
 *
 * @param production    a production stack must have at least one subscription to each severity
 * @param subscriptions by name
 */
public record PagingSettings(boolean production, Map<String, Subscription> subscriptions) {

    public static final String CRITICAL = "critical";
    public static final String WARNING = "warning";
    public static final List<String> SEVERITIES = List.of(CRITICAL, WARNING);
    public static final List<String> PROTOCOLS = List.of("email", "https");

    public PagingSettings {
        subscriptions = Collections.unmodifiableSortedMap(new TreeMap<>(subscriptions));
    }

    public static PagingSettings none() {
        return new PagingSettings(false, Map.of());
    }

    /**
     * One subscription: an email address or an HTTPS endpoint (such as the PagerDuty Events API
     * integration URL) and the severities it receives.
     */
    public record Subscription(String name, String protocol, List<String> severities) {
        public Subscription {
            severities = List.copyOf(severities);
        }
    }

    /** Whether some subscription receives the severity. */
    public boolean covers(String severity) {
        return subscriptions.values().stream().anyMatch(s -> s.severities().contains(severity));
    }
}
