package io.acgs2.stacks.failover;

import java.util.Map;

/**
 * One step of a failover: what it does, for which domain, how, how long it is expected to take, and
 * how its result is proven.
 *
 * @param id              unique within the plan (the timeline keys on it: a re-run resumes after the last done)
 * @param domain          the data domain, or "" for a region-wide step
 * @param action          what runs it: one of the executor's AWS actions, or the operator
 * @param title           what it does, for a person
 * @param command         the equivalent AWS CLI (or kubectl, pulumi) command
 * @param expectedSeconds its expected duration (the RTO budget adds them up)
 * @param rtoClass        which of the guides' targets it counts against (dns, database, cache, kafka, config)
 * @param params          what the executor needs (identifiers, regions)
 */
public record FailoverStep(String id, String domain, Action action, String title, String command, int expectedSeconds, String rtoClass,
                           Map<String, String> params) {

    /** What the step does; the executor runs each AWS action, reading the state first and waiting for the new one. */
    public enum Action {
        /** Invert (drain) or restore a region's Route 53 health check. */
        DNS,
        /** Measure the target's AuroraGlobalDBRPOLag against the RPO. */
        MEASURE_RPO,
        /** Switch over (planned) or fail over (unplanned) an Aurora global cluster. */
        DATABASE,
        /** Fail an ElastiCache global datastore over to a member. */
        CACHE,
        /** Done by the operator (the plan prints the exact command). */
        OPERATOR
    }

    /** Who runs a step. */
    public enum Kind {
        /** Run through the AWS SDK, waiting for the API to show the new state. */
        AWS,
        /** Done by the operator (the plan prints the exact command). */
        OPERATOR
    }

    public FailoverStep {
        params = Map.copyOf(params);
    }

    /** Who runs it: the executor through the AWS SDK, or the operator. */
    public Kind kind() {
        return action == Action.OPERATOR ? Kind.OPERATOR : Kind.AWS;
    }
}
