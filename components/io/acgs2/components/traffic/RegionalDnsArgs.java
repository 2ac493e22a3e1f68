package io.acgs2.components.traffic;

import com.pulumi.core.Output;
import com.pulumi.resources.ProviderResource;
import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.common.AwsFacts;

/**
 * Inputs of {@link RegionalDns}. Build with {@link #builder()}: {@code build()} rejects every bad
 * field at once, naming it and the fix.
 */
public final class RegionalDnsArgs {

    /** Where Route 53's health check metrics are (and so the alarm on them). */
    public static final String METRICS_REGION = "us-east-1";

    private final String region;
    private final String hostname;
    private final String regionalHostname;
    private final Output<String> zoneId;
    private final Output<String> loadBalancerDnsName;
    private final Output<String> loadBalancerZoneId;
    private final HealthCheckSettings healthCheck;
    private final boolean drain;
    private final boolean ipv6;
    private final ProviderResource metricsProvider;
    private final AwsFacts facts;

    private RegionalDnsArgs(Builder b) {
        this.region = b.region;
        this.hostname = b.hostname;
        this.regionalHostname = b.regionalHostname;
        this.zoneId = b.zoneId;
        this.loadBalancerDnsName = b.loadBalancerDnsName;
        this.loadBalancerZoneId = b.loadBalancerZoneId;
        this.healthCheck = b.healthCheck;
        this.drain = b.drain;
        this.ipv6 = b.ipv6;
        this.metricsProvider = b.metricsProvider;
        this.facts = b.facts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The region (the latency records' region and set identifier). Required. */
    public String region() {
        return region;
    }

    /** The zone's API hostname: its latency record here. Required. */
    public String hostname() {
        return hostname;
    }

    /** The region's own hostname: a simple alias, what Route 53 checks. Required. */
    public String regionalHostname() {
        return regionalHostname;
    }

    /** The public hosted zone. Required. */
    public Output<String> zoneId() {
        return zoneId;
    }

    /** The ALB's DNS name (alias target). Required. */
    public Output<String> loadBalancerDnsName() {
        return loadBalancerDnsName;
    }

    /** The ALB's canonical hosted zone id, the region's for application load balancers. Required. */
    public Output<String> loadBalancerZoneId() {
        return loadBalancerZoneId;
    }

    /** How Route 53 checks the region. Required. */
    public HealthCheckSettings healthCheck() {
        return healthCheck;
    }

    /**
     * The region taken out of DNS: its check is inverted (healthy reads as unhealthy), so every
     * latency record of it stops answering while an other region of the name is healthy, and the
     * alarm stops notifying. Nothing is deleted or replaced; false puts it back. Default: false.
     */
    public boolean drain() {
        return drain;
    }

    /** AAAA records beside the A records (a dualstack ALB). Default: false. */
    public boolean ipv6() {
        return ipv6;
    }

    /** A provider for {@value #METRICS_REGION}: the alarm and its topic live there. Required. */
    public ProviderResource metricsProvider() {
        return metricsProvider;
    }

    /** Account and partition (the alarm topic's key policy). Required. */
    public AwsFacts facts() {
        return facts;
    }

    public static final class Builder {
        private String region;
        private String hostname;
        private String regionalHostname;
        private Output<String> zoneId;
        private Output<String> loadBalancerDnsName;
        private Output<String> loadBalancerZoneId;
        private HealthCheckSettings healthCheck;
        private boolean drain;
        private boolean ipv6;
        private ProviderResource metricsProvider;
        private AwsFacts facts;

        private Builder() {
        }

        public Builder region(String v) {
            this.region = v;
            return this;
        }

        public Builder hostname(String v) {
            this.hostname = v;
            return this;
        }

        public Builder regionalHostname(String v) {
            this.regionalHostname = v;
            return this;
        }

        public Builder zoneId(Output<String> v) {
            this.zoneId = v;
            return this;
        }

        public Builder loadBalancerDnsName(Output<String> v) {
            this.loadBalancerDnsName = v;
            return this;
        }

        public Builder loadBalancerZoneId(Output<String> v) {
            this.loadBalancerZoneId = v;
            return this;
        }

        public Builder healthCheck(HealthCheckSettings v) {
            this.healthCheck = v;
            return this;
        }

        public Builder drain(boolean v) {
            this.drain = v;
            return this;
        }

        public Builder ipv6(boolean v) {
            this.ipv6 = v;
            return this;
        }

        public Builder metricsProvider(ProviderResource v) {
            this.metricsProvider = v;
            return this;
        }

        public Builder facts(AwsFacts v) {
            this.facts = v;
            return this;
        }

        public RegionalDnsArgs build() {
            var p = new ArgsProblems("RegionalDnsArgs");
            p.require("region", region, "pass the region");
            p.require("hostname", hostname, "pass the zone's API hostname");
            p.require("regionalHostname", regionalHostname, "pass the region's own hostname");
            p.require("zoneId", zoneId, "pass the public hosted zone");
            p.require("loadBalancerDnsName", loadBalancerDnsName, "pass the ALB's DNS name");
            p.require("loadBalancerZoneId", loadBalancerZoneId, "pass the ALB's canonical hosted zone id");
            p.require("metricsProvider", metricsProvider, "pass a provider for " + METRICS_REGION);
            p.require("facts", facts, "pass the region's AwsFacts");
            if (p.require("healthCheck", healthCheck, "pass the health check settings") != null) {
                healthCheck.validate().forEach(f -> p.add("healthCheck." + f.field(), f.finding().problem(), f.finding().fix()));
            }
            if (hostname != null && regionalHostname != null && regionalHostname.equals(hostname)) {
                // Route 53: a check of the very name its record serves gives unpredictable results
                p.add("regionalHostname", "equals the hostname", "check the region's own name, <region>." + hostname);
            }
            p.throwIfAny();
            return new RegionalDnsArgs(this);
        }
    }
}
