package io.acgs2.components.traffic;

import java.util.List;

/**
 * The load balancer security policies the front door accepts: TLS 1.2 and 1.3 only, forward
 * secrecy. Not the TLS 1.3-only ones: Route 53's HTTPS health checkers speak TLS 1.0 to 1.2, so a
 * 1.3-only listener fails every check. (Elastic Load Balancing, "Security policies for your
 * Application Load Balancer"; Route 53 API HealthCheckConfig.Type.)
 */
public final class TlsPolicies {

    public static final String DEFAULT = "ELBSecurityPolicy-TLS13-1-2-2021-06";
    public static final List<String> ALLOWED = List.of(
            "ELBSecurityPolicy-TLS13-1-2-2021-06",
            "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
            "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
            "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
            "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09",
            "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
            "ELBSecurityPolicy-FS-1-2-Res-2020-10",
            "ELBSecurityPolicy-FS-1-2-Res-2019-08");

    private TlsPolicies() {
    }
}
