package io.acgs2.components.traffic;

import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.common.AwsFacts;

/**
 * Inputs of {@link WebFirewall}. Build with {@link #builder()}: {@code build()} rejects every bad
 * field at once, naming it and the fix.
 */
public final class WebFirewallArgs {

    public static final int DEFAULT_LOG_RETENTION_DAYS = 365;

    private final String region;
    private final WafSettings waf;
    private final AwsFacts facts;
    private final int logRetentionDays;

    private WebFirewallArgs(Builder b) {
        this.region = b.region;
        this.waf = b.waf;
        this.facts = b.facts;
        this.logRetentionDays = b.logRetentionDays == null ? DEFAULT_LOG_RETENTION_DAYS : b.logRetentionDays;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The region (names the web ACL and its log group). Required. */
    public String region() {
        return region;
    }

    /** The rules. Required. */
    public WafSettings waf() {
        return waf;
    }

    /** The region's AwsFacts (the log key's policy). Required. */
    public AwsFacts facts() {
        return facts;
    }

    /** Days the WAF logs are kept. Default: 365. */
    public int logRetentionDays() {
        return logRetentionDays;
    }

    /** The web ACL's name: letters, digits, '-' and '_', 128 at most (WAFv2). */
    public String aclName() {
        return "acgs2-front-door-" + region;
    }

    /** WAF logs only to a destination whose name starts with aws-waf-logs-. */
    public String logGroupName() {
        return "aws-waf-logs-acgs2-" + region;
    }

    public static final class Builder {
        private String region;
        private WafSettings waf;
        private AwsFacts facts;
        private Integer logRetentionDays;

        private Builder() {
        }

        public Builder region(String v) {
            this.region = v;
            return this;
        }

        public Builder waf(WafSettings v) {
            this.waf = v;
            return this;
        }

        public Builder facts(AwsFacts v) {
            this.facts = v;
            return this;
        }

        public Builder logRetentionDays(int v) {
            this.logRetentionDays = v;
            return this;
        }

        public WebFirewallArgs build() {
            var p = new ArgsProblems("WebFirewallArgs");
            p.require("region", region, "pass the component's region");
            p.require("facts", facts, "pass the region's AwsFacts");
            if (p.require("waf", waf, "pass the WAF settings") != null) {
                waf.validate().forEach(f -> p.add("waf." + f.field(), f.finding().problem(), f.finding().fix()));
            }
            if (logRetentionDays != null && logRetentionDays < 1) {
                p.add("logRetentionDays", "is " + logRetentionDays, "keep WAF logs e.g. 365 days");
            }
            p.throwIfAny();
            return new WebFirewallArgs(this);
        }
    }
}
