package io.acgs2.stacks.failover;

import java.util.Map;

/**
 * One step of a failover: what it does, for which domain, how, how long it is expected to take, and
 * how its result is proven.
 *
 * @param id              unique within the plan (the timeline keys on it: a re-run resumes after the last done)
 * @param domain          the data domain, or "" for a region-wide step
 * @param kind            who runs it
 * @param title           what it does, for a person
 * @param command         the equivalent AWS CLI (or kubectl, pulumi) command
 * @param expectedSeconds its expected duration (the RTO budget adds them up)
 * @param rtoClass        which of the guides' targets it counts against (dns, database, cache, kafka, config)
 * @param params          what the executor needs (identifiers, regions)
 */
public record FailoverStep(String id, String domain, Kind kind, String title, String command, int expectedSeconds, String rtoClass,
                           Map<String, String> params) {

    public enum Kind {
        /** Run through the AWS SDK, waiting for the API to show the new state. */
        AWS,
        /** Done by the operator (the plan prints the exact command). */
        OPERATOR
    }

    public FailoverStep {
        params = Map.copyOf(params);
    }
}
