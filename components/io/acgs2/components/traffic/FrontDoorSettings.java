package io.acgs2.components.traffic;

import io.acgs2.components.common.FieldFinding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The public front door every region shares (project config {@code traffic}): one hostname per
 * sovereignty zone, served only by the zone's regions, each region reachable also at its own
 * hostname ({@code <region>.<zone hostname>}, what Route 53 checks), behind a WAF and TLS.
 *
 * @param hostedZone            the public hosted zone of every record
 * @param hostnames             zone to its API hostname (names from config, never built in: e.g. api.&lt;domain&gt; for
 *                              the open zone, eu.api.&lt;domain&gt; for the GDPR zone)
 * @param healthCheck           Route 53's check of each region
 * @param recordTtlSeconds      TTL of the records that carry one (the certificates' validation CNAMEs); the
 *                              latency records are aliases and take the load balancer's 60 s. Default: 300
 * @param failoverTargetSeconds the most the DNS failover bound may be. Default: 300 (the ACGS-2 HA guide's RTO, 5 min)
 * @param routes                path prefix to the service it reaches, longest prefix first; the prefix is
 *                              stripped. Default: /&lt;service&gt;/ for every shared service
 * @param waf                   the web ACL
 * @param tlsPolicy             the load balancer's security policy (TLS 1.2+). Default: {@value TlsPolicies#DEFAULT}
 * @param ipv6                  dualstack load balancers and AAAA records: the public subnets get IPv6 from the
 *                              VPC's Amazon-provided /56. Default: true
 */
public record FrontDoorSettings(HostedZoneSettings hostedZone, Map<String, String> hostnames, HealthCheckSettings healthCheck,
                                int recordTtlSeconds, int failoverTargetSeconds, Map<String, String> routes, WafSettings waf,
                                String tlsPolicy, boolean ipv6) {

    public static final int DEFAULT_RECORD_TTL_SECONDS = 300;
    public static final int DEFAULT_FAILOVER_TARGET_SECONDS = 300;
    /** A DNS name: labels of letters, digits and inner hyphens, 63 at most each. */
    private static final Pattern HOSTNAME = Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");
    private static final Pattern PREFIX = Pattern.compile("^/([a-z0-9][a-z0-9._-]*/)*$");
    private static final Pattern ZONE_ID = Pattern.compile("^Z[A-Z0-9]{1,31}$");

    public FrontDoorSettings {
        hostnames = Collections.unmodifiableSortedMap(new TreeMap<>(hostnames));
        routes = Collections.unmodifiableSortedMap(new TreeMap<>(routes));
    }

    /** The hostname of {@code zone}, if it has one. */
    public java.util.Optional<String> hostnameOf(String zone) {
        return java.util.Optional.ofNullable(hostnames.get(zone));
    }

    /** A region's own hostname under its zone's: what Route 53 checks and the certificate also names. */
    public static String regionalHostname(String region, String zoneHostname) {
        return region + "." + zoneHostname;
    }

    /** Every rule the settings break by themselves (the fleet checks zones, regions and services). */
    public List<FieldFinding> validate() {
        var out = new ArrayList<FieldFinding>();
        var domain = hostedZone.domain();
        if (domain == null || !HOSTNAME.matcher(domain).matches()) {
            out.add(FieldFinding.of("hostedZone.domain", "'" + domain + "' is not a DNS domain", "write e.g. acgs2.example.com"));
        }
        if (hostedZone.create() == hostedZone.zoneId().isPresent()) {
            out.add(FieldFinding.of("hostedZone", hostedZone.create() ? "sets both zoneId and create" : "names no zone",
                    "set zoneId (an existing public hosted zone of the domain) or create: true, not both"));
        }
        hostedZone.zoneId().filter(id -> !ZONE_ID.matcher(id).matches()).ifPresent(id -> out.add(FieldFinding.of("hostedZone.zoneId",
                "'" + id + "' is not a Route 53 hosted zone id", "copy it from aws route53 list-hosted-zones-by-name (Z...)")));
        if (hostnames.isEmpty()) {
            out.add(FieldFinding.of("hostnames", "is empty", "give each zone that has regions its API hostname, e.g. {us: api.acgs2.example.com}"));
        }
        var seen = new TreeMap<String, String>();
        hostnames.forEach((zone, host) -> {
            if (!HOSTNAME.matcher(host).matches()) {
                out.add(FieldFinding.of("hostnames." + zone, "'" + host + "' is not a DNS name", "write e.g. api.acgs2.example.com"));
            } else if (domain != null && !host.equals(domain) && !host.endsWith("." + domain)) {
                out.add(FieldFinding.of("hostnames." + zone, "'" + host + "' is not in the hosted zone " + domain,
                        "use a name under " + domain));
            }
            if (seen.containsKey(host)) {
                out.add(FieldFinding.of("hostnames." + zone, "'" + host + "' is already zone " + seen.get(host) + "'s",
                        "give every zone its own hostname: one zone's records must never answer for another's"));
            }
            seen.put(host, zone);
            // the longest region name (ap-southeast-2 style, 14 characters) must fit a label before it
            if (host.length() + 1 + 16 > 253) {
                out.add(FieldFinding.of("hostnames." + zone, "'" + host + "' leaves no room for <region>.", "shorten it"));
            }
        });
        healthCheck.validate().forEach(f -> out.add(new FieldFinding("healthCheck." + f.field(), f.finding())));
        if (recordTtlSeconds < 30 || recordTtlSeconds > 86400) {
            out.add(FieldFinding.of("recordTtlSeconds", recordTtlSeconds + " is outside 30..86400", "use e.g. 300"));
        }
        if (healthCheck.validate().isEmpty() && healthCheck.failoverBoundSeconds() > failoverTargetSeconds) {
            out.add(FieldFinding.of("healthCheck", "the DNS failover bound is " + healthCheck.failoverBoundSeconds() + " s ("
                    + healthCheck.intervalSeconds() + " s x (" + healthCheck.failureThreshold() + " + 1) + "
                    + HealthCheckSettings.ALIAS_TTL_SECONDS + " s alias TTL), over failoverTargetSeconds " + failoverTargetSeconds,
                    "lower intervalSeconds (10) or failureThreshold, or raise failoverTargetSeconds"));
        }
        routes.forEach((prefix, app) -> {
            if (!PREFIX.matcher(prefix).matches()) {
                out.add(FieldFinding.of("routes." + prefix, "'" + prefix + "' is not a path prefix (/ or /name/.../)",
                        "write e.g. /claude-flow/"));
            }
            if (prefix.equals(healthCheck.path()) || (prefix + "/").equals(healthCheck.path() + "/")) {
                out.add(FieldFinding.of("routes." + prefix, "takes the health check's path", "route the service elsewhere"));
            }
        });
        waf.validate().forEach(f -> out.add(new FieldFinding("waf." + f.field(), f.finding())));
        if (!TlsPolicies.ALLOWED.contains(tlsPolicy)) {
            out.add(FieldFinding.of("tlsPolicy", "'" + tlsPolicy + "' is not a TLS 1.2+ policy the health checkers can also use",
                    "use one of " + TlsPolicies.ALLOWED));
        }
        return out;
    }
}
