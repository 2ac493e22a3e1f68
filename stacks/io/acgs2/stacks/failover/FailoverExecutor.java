package io.acgs2.stacks.failover;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Runs a {@link FailoverPlan}'s AWS steps through {@link AwsApi}, one after another: each step first
 * reads the real state (a step already done is recorded as skipped: steps are idempotent), acts,
 * then waits, polling, for the API to show the new state within the step's timeout. Every step's
 * start, end and outcome go to the timeline (JSON lines); the first failure stops the run saying
 * what to do next, and a re-run with the same timeline resumes after the steps it recorded as done.
 * Operator steps are printed and recorded as {@code manual}.
 */
public final class FailoverExecutor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsApi aws;
    private final Path timeline;
    private final PrintStream out;
    private final Duration poll;
    private final Duration timeout;
    private final boolean allowDataLoss;
    private final Clock clock;

    public FailoverExecutor(AwsApi aws, Path timeline, PrintStream out, Duration poll, Duration timeout, boolean allowDataLoss, Clock clock) {
        this.aws = aws;
        this.timeline = timeline;
        this.out = out;
        this.poll = poll;
        this.timeout = timeout;
        this.allowDataLoss = allowDataLoss;
        this.clock = clock;
    }

    /** A step that cannot go on: what happened and what to do. */
    public static final class StepFailed extends RuntimeException {
        public StepFailed(String message) {
            super(message);
        }
    }

    /** Runs the plan; returns normally when every step is done, else throws {@link StepFailed} after recording it. */
    public void run(FailoverPlan plan) throws IOException {
        var done = done();
        for (var step : plan.steps()) {
            if (done.contains(step.id())) {
                out.println("  " + step.id() + ": done in an earlier run");
                continue;
            }
            var start = clock.instant();
            if (step.action() == FailoverStep.Action.OPERATOR) {
                out.println("  " + step.id() + ": for the operator: " + step.command());
                record(step.id(), start, "manual", step.command());
                continue;
            }
            String outcome;
            try {
                outcome = execute(step);
            } catch (StepFailed e) {
                record(step.id(), start, "failed", e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                var message = step.title() + " failed: " + e.getMessage() + ". Fix the cause and run the same command again: it resumes here";
                record(step.id(), start, "failed", message);
                throw new StepFailed(message);
            }
            record(step.id(), start, outcome, step.title());
            out.println("  " + step.id() + ": " + outcome);
        }
    }

    private String execute(FailoverStep s) {
        var p = s.params();
        return switch (s.action()) {
            case DNS -> {
                var inverted = Boolean.parseBoolean(p.get("inverted"));
                if (aws.healthCheckInverted(p.get("healthCheckId")) == inverted) {
                    yield "skipped";
                }
                aws.invertHealthCheck(p.get("healthCheckId"), inverted);
                await(s, () -> aws.healthCheckInverted(p.get("healthCheckId")) == inverted);
                yield "done";
            }
            case MEASURE_RPO -> {
                var lag = aws.rpoLagSeconds(p.get("region"), p.get("cluster"));
                var rpo = Integer.parseInt(p.get("rpoSeconds"));
                if (lag.isEmpty() && !allowDataLoss) {
                    throw new StepFailed(p.get("cluster") + " reported no AuroraGlobalDBRPOLag in 5 minutes: its loss cannot be measured. "
                            + "Check the secondary, or accept an unmeasured loss with --allow-data-loss");
                }
                if (lag.isPresent() && lag.get() > rpo && !allowDataLoss) {
                    throw new StepFailed(p.get("cluster") + " lags " + lag.get() + " s, over the " + rpo + " s RPO: a failover now loses "
                            + "that much. Wait for the primary, or accept the loss with --allow-data-loss");
                }
                yield "done (RPO lag " + lag.map(v -> v + " s").orElse("not reported") + ")";
            }
            case DATABASE -> {
                var state = aws.describeGlobalCluster(p.get("region"), p.get("globalCluster"));
                if (state.writerArn().filter(p.get("targetArn")::equals).isPresent() && "available".equals(state.status())) {
                    yield "skipped";
                }
                if (Boolean.parseBoolean(p.get("planned"))) {
                    aws.switchover(p.get("region"), p.get("globalCluster"), p.get("targetArn"));
                } else {
                    aws.failover(p.get("region"), p.get("globalCluster"), p.get("targetArn"));
                }
                await(s, () -> {
                    var now = aws.describeGlobalCluster(p.get("region"), p.get("globalCluster"));
                    return "available".equals(now.status()) && now.writerArn().filter(p.get("targetArn")::equals).isPresent();
                });
                yield "done";
            }
            case CACHE -> {
                var state = aws.describeGlobalDatastore(p.get("region"), p.get("globalGroup"));
                if (state.primaryGroup().filter(p.get("group")::equals).isPresent() && "available".equals(state.status())) {
                    yield "skipped";
                }
                aws.failoverDatastore(p.get("region"), p.get("globalGroup"), p.get("group"));
                await(s, () -> {
                    var now = aws.describeGlobalDatastore(p.get("region"), p.get("globalGroup"));
                    return "available".equals(now.status()) && now.primaryGroup().filter(p.get("group")::equals).isPresent();
                });
                yield "done";
            }
            case OPERATOR -> throw new IllegalStateException("operator step " + s.id() + " reached the executor");
        };
    }

    private void await(FailoverStep s, BooleanSupplier reached) {
        var deadline = clock.instant().plus(timeout.compareTo(Duration.ZERO) > 0 ? timeout : Duration.ofSeconds(s.expectedSeconds() * 3L));
        while (!reached.getAsBoolean()) {
            if (clock.instant().isAfter(deadline)) {
                throw new StepFailed(s.title() + " did not finish within its timeout; look at the AWS console or "
                        + s.command().replaceFirst(" (switchover|failover)-.*", " describe") + ", then run the same command again to resume");
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailed("interrupted while waiting for " + s.id());
            }
        }
    }

    /** The steps an earlier run of this timeline finished (done, skipped or manual). */
    Set<String> done() throws IOException {
        var done = new java.util.HashSet<String>();
        if (!Files.exists(timeline)) {
            return done;
        }
        for (var line : Files.readAllLines(timeline)) {
            if (line.isBlank()) {
                continue;
            }
            var e = JSON.readTree(line);
            var outcome = e.path("outcome").asText();
            if (outcome.startsWith("done") || outcome.equals("skipped") || outcome.equals("manual")) {
                done.add(e.path("step").asText());
            }
        }
        return done;
    }

    private void record(String step, Instant start, String outcome, String detail) {
        var e = new LinkedHashMap<String, Object>();
        e.put("step", step);
        e.put("start", start.toString());
        e.put("end", clock.instant().toString());
        e.put("outcome", outcome);
        e.put("detail", detail);
        try {
            Files.writeString(timeline, JSON.writeValueAsString(e) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
    }
}
