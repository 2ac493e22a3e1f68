package io.acgs2.components.data;

import com.pulumi.core.Output;
import io.acgs2.components.common.ArgsProblems;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Inputs of {@link MasterSecretRotation}: the owner region's rotation of a data domain's Aurora
 * master secret. Build with {@link #builder()}: {@code build()} applies the defaults and rejects
 * every bad field at once, naming it and the fix.
 */
public final class MasterSecretRotationArgs {

    /** Days between rotations. Default: 30. */
    public static final int DEFAULT_ROTATION_DAYS = 30;
    /** Secrets Manager's bounds on {@code AutomaticallyAfterDays}. */
    public static final int MIN_ROTATION_DAYS = 1;
    public static final int MAX_ROTATION_DAYS = 1000;
    /**
     * Characters the rotation function never puts in a password: the ones RDS forbids in a master
     * password ('/', '@', '"', space) and the quote and backslash that break connection strings.
     */
    public static final String EXCLUDE_CHARACTERS = "/@\"' \\";
    /** Lambda function names: letters, digits, hyphens and underscores, 64 at most. */
    private static final Pattern FUNCTION_NAME = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    private final String domain;
    private final String zone;
    private final Output<String> secretArn;
    private final Output<String> kmsKeyArn;
    private final Output<String> vpcId;
    private final Output<List<String>> privateSubnetIds;
    private final Output<String> databaseSecurityGroupId;
    private final int rotationDays;
    private final String functionName;

    private MasterSecretRotationArgs(Builder b) {
        this.domain = b.domain;
        this.zone = b.zone;
        this.secretArn = b.secretArn;
        this.kmsKeyArn = b.kmsKeyArn;
        this.vpcId = b.vpcId;
        this.privateSubnetIds = b.privateSubnetIds;
        this.databaseSecurityGroupId = b.databaseSecurityGroupId;
        this.rotationDays = b.rotationDays == null ? DEFAULT_ROTATION_DAYS : b.rotationDays;
        this.functionName = b.functionName == null ? "acgs2-" + b.domain + "-db-rotation" : b.functionName;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The data domain whose master secret rotates. Required. */
    public String domain() {
        return domain;
    }

    /** The domain's zone, tagged acgs2:data-zone. Required. */
    public String zone() {
        return zone;
    }

    /** The master secret (the owner's; replicas follow it). Required. */
    public Output<String> secretArn() {
        return secretArn;
    }

    /** The key the secret is encrypted with: the rotation function may use it. Required. */
    public Output<String> kmsKeyArn() {
        return kmsKeyArn;
    }

    /** The owner region's VPC. Required. */
    public Output<String> vpcId() {
        return vpcId;
    }

    /** The private subnets the function runs in (they reach the Secrets Manager API through the NAT gateways). Required. */
    public Output<List<String>> privateSubnetIds() {
        return privateSubnetIds;
    }

    /** The database's security group: it admits the function on 5432. Required. */
    public Output<String> databaseSecurityGroupId() {
        return databaseSecurityGroupId;
    }

    /** Days between rotations, 1 to 1000. Default: {@value #DEFAULT_ROTATION_DAYS}. */
    public int rotationDays() {
        return rotationDays;
    }

    /** The rotation function's name. Default: {@code acgs2-<domain>-db-rotation}. */
    public String functionName() {
        return functionName;
    }

    public static final class Builder {
        private String domain;
        private String zone;
        private Output<String> secretArn;
        private Output<String> kmsKeyArn;
        private Output<String> vpcId;
        private Output<List<String>> privateSubnetIds;
        private Output<String> databaseSecurityGroupId;
        private Integer rotationDays;
        private String functionName;

        private Builder() {
        }

        public Builder domain(String v) {
            this.domain = v;
            return this;
        }

        public Builder zone(String v) {
            this.zone = v;
            return this;
        }

        public Builder secretArn(Output<String> v) {
            this.secretArn = v;
            return this;
        }

        public Builder kmsKeyArn(Output<String> v) {
            this.kmsKeyArn = v;
            return this;
        }

        public Builder vpcId(Output<String> v) {
            this.vpcId = v;
            return this;
        }

        public Builder privateSubnetIds(Output<List<String>> v) {
            this.privateSubnetIds = v;
            return this;
        }

        public Builder databaseSecurityGroupId(Output<String> v) {
            this.databaseSecurityGroupId = v;
            return this;
        }

        public Builder rotationDays(int v) {
            this.rotationDays = v;
            return this;
        }

        public Builder functionName(String v) {
            this.functionName = v;
            return this;
        }

        public MasterSecretRotationArgs build() {
            var p = new ArgsProblems("MasterSecretRotationArgs");
            p.require("domain", domain, "set the data domain");
            p.require("zone", zone, "set the domain's zone");
            p.require("secretArn", secretArn, "pass the owner's master secret");
            p.require("kmsKeyArn", kmsKeyArn, "pass the key that encrypts the secret");
            p.require("vpcId", vpcId, "pass the region's VPC");
            p.require("privateSubnetIds", privateSubnetIds, "pass the region's private subnets");
            p.require("databaseSecurityGroupId", databaseSecurityGroupId, "pass the database's security group");
            if (rotationDays != null && (rotationDays < MIN_ROTATION_DAYS || rotationDays > MAX_ROTATION_DAYS)) {
                p.add("rotationDays", rotationDays + " is outside Secrets Manager's " + MIN_ROTATION_DAYS + ".." + MAX_ROTATION_DAYS,
                        "rotate every 1 to 1000 days (the default is " + DEFAULT_ROTATION_DAYS + ")");
            }
            var name = functionName != null ? functionName : domain == null ? null : "acgs2-" + domain + "-db-rotation";
            if (name != null && !FUNCTION_NAME.matcher(name).matches()) {
                p.add("functionName", "'" + name + "' is not a Lambda function name (letters, digits, - and _, 64 at most)",
                        "shorten the domain name or set functionName");
            }
            p.throwIfAny();
            return new MasterSecretRotationArgs(this);
        }
    }
}
