package io.acgs2.stacks.failover;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A computed failover (or failback): per domain the target region, the ordered steps, the RTO they
 * add up to against the guides' targets, the configuration change that makes the next
 * {@code pulumi up} match reality, the checks that prove the new state, and what was refused.
 *
 * @param from          the region the writes leave
 * @param planned       a switchover (no data loss) or a failover
 * @param targets       domain to the region that takes its writes
 * @param steps         in order
 * @param refusals      domains that cannot move, each with why (a zone with no other region)
 * @param configChanges file: the exact change
 * @param checks        commands that prove the new state
 */
public record FailoverPlan(String from, boolean planned, SortedMap<String, String> targets, List<FailoverStep> steps, List<String> refusals,
                           List<String> configChanges, List<String> checks) {

    /** The guides' targets, seconds: application (the mesh), database, Kafka, full region. */
    public static final Map<String, Integer> TARGETS = Map.of("application", 60, "database", 900, "kafka", 300, "region", 1800);

    public FailoverPlan {
        steps = List.copyOf(steps);
        refusals = List.copyOf(refusals);
        configChanges = List.copyOf(configChanges);
        checks = List.copyOf(checks);
    }

    /** The seconds the steps add up to (the executor runs them one after another). */
    public int budgetSeconds() {
        return steps.stream().mapToInt(FailoverStep::expectedSeconds).sum();
    }

    /** The seconds of the steps of one class (dns, database, cache, kafka). */
    public int seconds(String rtoClass) {
        return steps.stream().filter(s -> s.rtoClass().equals(rtoClass)).mapToInt(FailoverStep::expectedSeconds).sum();
    }
}
