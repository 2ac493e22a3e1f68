package io.acgs2.components.data;

import com.pulumi.core.Output;
import io.acgs2.components.common.ArgsProblems;

/**
 * Inputs of {@link SecretReplica}. Build with {@link #builder()}: {@code build()} rejects every bad
 * field at once, naming it and the fix.
 */
public final class SecretReplicaArgs {

    private final Output<String> primarySecretArn;
    private final String primaryRegion;
    private final String region;
    private final Output<String> kmsKeyArn;

    private SecretReplicaArgs(Builder b) {
        this.primarySecretArn = b.primarySecretArn;
        this.primaryRegion = b.primaryRegion;
        this.region = b.region;
        this.kmsKeyArn = b.kmsKeyArn;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The primary secret's ARN (in {@link #primaryRegion()}). Required. */
    public Output<String> primarySecretArn() {
        return primarySecretArn;
    }

    /** The primary's region. Required. */
    public String primaryRegion() {
        return primaryRegion;
    }

    /** The replica's region: this stack's. Required, not the primary's. */
    public String region() {
        return region;
    }

    /** This region's key, which encrypts the replica. Required. */
    public Output<String> kmsKeyArn() {
        return kmsKeyArn;
    }

    public static final class Builder {
        private Output<String> primarySecretArn;
        private String primaryRegion;
        private String region;
        private Output<String> kmsKeyArn;

        private Builder() {
        }

        public Builder primarySecretArn(Output<String> v) {
            this.primarySecretArn = v;
            return this;
        }

        public Builder primaryRegion(String v) {
            this.primaryRegion = v;
            return this;
        }

        public Builder region(String v) {
            this.region = v;
            return this;
        }

        public Builder kmsKeyArn(Output<String> v) {
            this.kmsKeyArn = v;
            return this;
        }

        public SecretReplicaArgs build() {
            var p = new ArgsProblems("SecretReplicaArgs");
            p.require("primarySecretArn", primarySecretArn, "pass the primary secret's ARN");
            p.require("primaryRegion", primaryRegion, "set the primary secret's region");
            p.require("region", region, "set this stack's region");
            p.require("kmsKeyArn", kmsKeyArn, "pass this region's key for the replica");
            if (region != null && region.equals(primaryRegion)) {
                p.add("region", "'" + region + "' is the primary's region", "replicate to another region");
            }
            p.throwIfAny();
            return new SecretReplicaArgs(this);
        }
    }
}
