package io.acgs2.components.traffic;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.compute.ClusterCore;

import java.util.List;

/**
 * Inputs of {@link PublicLoadBalancer}. Build with {@link #builder()}: {@code build()} rejects every
 * bad field at once, naming it and the fix.
 */
public final class PublicLoadBalancerArgs {

    /** ALB names: 32 characters at most (applied at creation only). */
    public static final int MAX_NAME = 32;

    private final ClusterCore cluster;
    private final String region;
    private final String namespace;
    private final String serviceName;
    private final Output<String> certificateArn;
    private final Output<String> webAclArn;
    private final String tlsPolicy;
    private final boolean dualstack;
    private final Output<String> accessLogBucket;
    private final String accessLogPrefix;
    private final List<Resource> after;

    private PublicLoadBalancerArgs(Builder b) {
        this.cluster = b.cluster;
        this.region = b.region;
        this.namespace = b.namespace;
        this.serviceName = b.serviceName;
        this.certificateArn = b.certificateArn;
        this.webAclArn = b.webAclArn;
        this.tlsPolicy = b.tlsPolicy == null ? TlsPolicies.DEFAULT : b.tlsPolicy;
        this.dualstack = b.dualstack;
        this.accessLogBucket = b.accessLogBucket;
        this.accessLogPrefix = b.accessLogPrefix;
        this.after = b.after == null ? List.of() : List.copyOf(b.after);
    }

    public static Builder builder() {
        return new Builder();
    }

    public ClusterCore cluster() {
        return cluster;
    }

    /** The region (names the ALB: acgs2-&lt;region&gt;). Required. */
    public String region() {
        return region;
    }

    /** The front door's namespace, the only one that may use the public IngressClass. Required. */
    public String namespace() {
        return namespace;
    }

    /** The ingress gateway's Service, the ALB's backend (HTTPS 443). Required. */
    public String serviceName() {
        return serviceName;
    }

    /** The region's validated ACM certificate. Required. */
    public Output<String> certificateArn() {
        return certificateArn;
    }

    /** The region's web ACL: the controller associates it with the ALB and keeps it so. Required. */
    public Output<String> webAclArn() {
        return webAclArn;
    }

    /** The listeners' TLS policy (TLS 1.2+). Default: {@value TlsPolicies#DEFAULT}. */
    public String tlsPolicy() {
        return tlsPolicy;
    }

    /** IPv4 and IPv6 (the public subnets need IPv6). Default: false. */
    public boolean dualstack() {
        return dualstack;
    }

    /** The region's access log bucket (SSE-S3: the only encryption ALB logs support). Required. */
    public Output<String> accessLogBucket() {
        return accessLogBucket;
    }

    /** The prefix of the ALB's logs in it. Required. */
    public String accessLogPrefix() {
        return accessLogPrefix;
    }

    /** What the Ingress waits for: the gateway, the controller, the bucket's policy (ELB writes a test object). */
    public List<Resource> after() {
        return after;
    }

    public String loadBalancerName() {
        return "acgs2-" + region;
    }

    public static final class Builder {
        private ClusterCore cluster;
        private String region;
        private String namespace;
        private String serviceName;
        private Output<String> certificateArn;
        private Output<String> webAclArn;
        private String tlsPolicy;
        private boolean dualstack;
        private Output<String> accessLogBucket;
        private String accessLogPrefix;
        private List<? extends Resource> after;

        private Builder() {
        }

        public Builder cluster(ClusterCore v) {
            this.cluster = v;
            return this;
        }

        public Builder region(String v) {
            this.region = v;
            return this;
        }

        public Builder namespace(String v) {
            this.namespace = v;
            return this;
        }

        public Builder serviceName(String v) {
            this.serviceName = v;
            return this;
        }

        public Builder certificateArn(Output<String> v) {
            this.certificateArn = v;
            return this;
        }

        public Builder webAclArn(Output<String> v) {
            this.webAclArn = v;
            return this;
        }

        public Builder tlsPolicy(String v) {
            this.tlsPolicy = v;
            return this;
        }

        public Builder dualstack(boolean v) {
            this.dualstack = v;
            return this;
        }

        public Builder accessLogBucket(Output<String> v) {
            this.accessLogBucket = v;
            return this;
        }

        public Builder accessLogPrefix(String v) {
            this.accessLogPrefix = v;
            return this;
        }

        public Builder after(List<? extends Resource> v) {
            this.after = v;
            return this;
        }

        public PublicLoadBalancerArgs build() {
            var p = new ArgsProblems("PublicLoadBalancerArgs");
            p.require("cluster", cluster, "pass the region's ClusterCore");
            p.require("namespace", namespace, "pass the front door's namespace");
            p.require("serviceName", serviceName, "pass the ingress gateway's Service");
            p.require("certificateArn", certificateArn, "pass the region's validated certificate");
            p.require("webAclArn", webAclArn, "pass the region's web ACL");
            p.require("accessLogBucket", accessLogBucket, "pass the region's access log bucket");
            p.require("accessLogPrefix", accessLogPrefix, "pass the log prefix");
            if (p.require("region", region, "pass the region") != null && ("acgs2-" + region).length() > MAX_NAME) {
                p.add("region", "acgs2-" + region + " is longer than an ALB name may be (32)", "shorten the name");
            }
            if (tlsPolicy != null && !TlsPolicies.ALLOWED.contains(tlsPolicy)) {
                p.add("tlsPolicy", "'" + tlsPolicy + "' is not a TLS 1.2+ policy", "use one of " + TlsPolicies.ALLOWED);
            }
            p.throwIfAny();
            return new PublicLoadBalancerArgs(this);
        }
    }
}
