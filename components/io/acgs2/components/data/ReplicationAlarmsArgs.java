package io.acgs2.components.data;

import com.pulumi.core.Output;
import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.common.AwsFacts;

import java.util.Map;
import java.util.TreeMap;

/** Inputs of {@link ReplicationAlarms}. Build with {@link #builder()}. */
public final class ReplicationAlarmsArgs {

    /** The ACGS-2 guides' replication lag thresholds. */
    public static final int DEFAULT_WARNING_SECONDS = 30;
    public static final int DEFAULT_CRITICAL_SECONDS = 60;

    private final Map<String, Output<String>> secondaries;
    private final int warningSeconds;
    private final int criticalSeconds;
    private final AwsFacts facts;

    private ReplicationAlarmsArgs(Builder b) {
        this.secondaries = java.util.Collections.unmodifiableMap(new TreeMap<>(b.secondaries));
        this.warningSeconds = b.warningSeconds == null ? DEFAULT_WARNING_SECONDS : b.warningSeconds;
        this.criticalSeconds = b.criticalSeconds == null ? DEFAULT_CRITICAL_SECONDS : b.criticalSeconds;
        this.facts = b.facts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Domain to the cluster identifier of its secondary member in this region. Required, at least one. */
    public Map<String, Output<String>> secondaries() {
        return secondaries;
    }

    /** Default: 30. */
    public int warningSeconds() {
        return warningSeconds;
    }

    /** Default: 60. */
    public int criticalSeconds() {
        return criticalSeconds;
    }

    public AwsFacts facts() {
        return facts;
    }

    public static final class Builder {
        private Map<String, Output<String>> secondaries = Map.of();
        private Integer warningSeconds;
        private Integer criticalSeconds;
        private AwsFacts facts;

        private Builder() {
        }

        public Builder secondaries(Map<String, Output<String>> v) {
            this.secondaries = v == null ? Map.of() : v;
            return this;
        }

        public Builder warningSeconds(int v) {
            this.warningSeconds = v;
            return this;
        }

        public Builder criticalSeconds(int v) {
            this.criticalSeconds = v;
            return this;
        }

        public Builder facts(AwsFacts v) {
            this.facts = v;
            return this;
        }

        public ReplicationAlarmsArgs build() {
            var p = new ArgsProblems("ReplicationAlarmsArgs");
            if (secondaries.isEmpty()) {
                p.add("secondaries", "is empty", "create the alarms only in a region that holds a secondary member");
            }
            int warning = warningSeconds == null ? DEFAULT_WARNING_SECONDS : warningSeconds;
            int critical = criticalSeconds == null ? DEFAULT_CRITICAL_SECONDS : criticalSeconds;
            if (warning < 1 || critical <= warning) {
                p.add("criticalSeconds", "warning " + warning + " s and critical " + critical + " s are not increasing",
                        "set 0 < warningSeconds < criticalSeconds, e.g. 30 and 60");
            }
            p.require("facts", facts, "pass the region's AwsFacts");
            p.throwIfAny();
            return new ReplicationAlarmsArgs(this);
        }
    }
}
