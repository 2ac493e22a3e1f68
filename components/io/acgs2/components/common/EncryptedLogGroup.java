package io.acgs2.components.common;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;

/**
 * A CloudWatch log group encrypted with its own rotating KMS key, kept a set number of days: the one
 * piece the VPC flow logs and the EKS control-plane logs share. Not a component: its resources are
 * children of the caller's component, so adopting it changes no deployed URN.
 *
 * @param key      the customer managed key (rotation on)
 * @param logGroup the log group
 */
public record EncryptedLogGroup(Key key, LogGroup logGroup) {

    public static Builder builder() {
        return new Builder();
    }

    /** Key policy: account admins manage it; CloudWatch Logs in the region may use it for {@code logGroupPattern} only. */
    public static String keyPolicy(String partition, String accountId, String region, String logGroupPattern) {
        return Json.write(Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(
                        Map.of("Sid", "AccountAdministration",
                                "Effect", "Allow",
                                "Principal", Map.of("AWS", "arn:" + partition + ":iam::" + accountId + ":root"),
                                "Action", "kms:*",
                                "Resource", "*"),
                        Map.of("Sid", "CloudWatchLogsUse",
                                "Effect", "Allow",
                                "Principal", Map.of("Service", "logs." + region + ".amazonaws.com"),
                                "Action", List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                                        "kms:Describe*"),
                                "Resource", "*",
                                "Condition", Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                                        "arn:" + partition + ":logs:" + region + ":" + accountId + ":log-group:" + logGroupPattern))))));
    }

    public static final class Builder {
        private String keyName;
        private String keyDescription;
        private String aliasName;
        private String logGroupResourceName;
        private String logGroupName;
        private String logGroupPattern;
        private Integer retentionDays;
        private boolean retainOnDelete = true;
        private AwsFacts facts;
        private Resource parent;

        private Builder() {
        }

        /** Pulumi name of the key (and its alias resource). Required. */
        public Builder keyName(String keyName) {
            this.keyName = keyName;
            return this;
        }

        public Builder keyDescription(String description) {
            this.keyDescription = description;
            return this;
        }

        /** The key's alias, e.g. alias/acgs2/net/logs. Required. */
        public Builder aliasName(String aliasName) {
            this.aliasName = aliasName;
            return this;
        }

        /** Pulumi name of the log group. Required. */
        public Builder logGroupResourceName(String name) {
            this.logGroupResourceName = name;
            return this;
        }

        /** The log group's name in CloudWatch. Required. */
        public Builder logGroupName(String name) {
            this.logGroupName = name;
            return this;
        }

        /** The log groups the key may encrypt, e.g. /acgs2/*. Default: the log group's own name. */
        public Builder logGroupPattern(String pattern) {
            this.logGroupPattern = pattern;
            return this;
        }

        public Builder retentionDays(int days) {
            this.retentionDays = days;
            return this;
        }

        /**
         * Keep the key when the stack is destroyed, and protect the log group (audit evidence):
         * {@code pulumi destroy} stops at the log group until it is unprotected on purpose, and then
         * really deletes it. A log group left behind under its fixed name (EKS writes only to
         * /aws/eks/&lt;cluster&gt;/cluster) would make the next create of the stack fail with
         * ResourceAlreadyExistsException. Default: true.
         */
        public Builder retainOnDelete(boolean retain) {
            this.retainOnDelete = retain;
            return this;
        }

        public Builder facts(AwsFacts facts) {
            this.facts = facts;
            return this;
        }

        /** The component the key and log group are children of. Required. */
        public Builder parent(Resource parent) {
            this.parent = parent;
            return this;
        }

        public EncryptedLogGroup build() {
            var p = new ArgsProblems("EncryptedLogGroup");
            p.require("keyName", keyName, "name the key resource");
            p.require("aliasName", aliasName, "give the key an alias");
            p.require("logGroupResourceName", logGroupResourceName, "name the log group resource");
            p.require("logGroupName", logGroupName, "give the CloudWatch log group name");
            p.require("retentionDays", retentionDays, "set how many days logs are kept");
            p.require("facts", facts, "pass the region's AwsFacts");
            p.require("parent", parent, "pass the owning component");
            p.throwIfAny();
            var pattern = logGroupPattern == null ? logGroupName : logGroupPattern;
            var keep = CustomResourceOptions.builder().parent(parent).retainOnDelete(retainOnDelete).build();
            // a key pending deletion blocks nothing; a retained log group blocks its own re-create
            var logGroupOptions = CustomResourceOptions.builder().parent(parent).protect(retainOnDelete).build();
            var key = new Key(keyName, KeyArgs.builder()
                    .description(keyDescription == null ? "Encrypts " + logGroupName : keyDescription)
                    .enableKeyRotation(true)
                    .deletionWindowInDays(30)
                    .policy(Output.tuple(facts.accountId(), facts.partition(), facts.region()).applyValue(t ->
                            keyPolicy(t.t2, t.t1, t.t3, pattern)))
                    .tags(Tags.name(keyName))
                    .build(), keep);
            new Alias(keyName, AliasArgs.builder().name(aliasName).targetKeyId(key.keyId()).build(),
                    CustomResourceOptions.builder().parent(key).build());
            var logGroup = new LogGroup(logGroupResourceName, LogGroupArgs.builder()
                    .name(logGroupName)
                    .kmsKeyId(key.arn())
                    .retentionInDays(retentionDays)
                    .tags(Tags.name(logGroupResourceName))
                    .build(), logGroupOptions);
            return new EncryptedLogGroup(key, logGroup);
        }
    }
}
