package io.acgs2.components.operations;

import com.pulumi.aws.backup.Plan;
import com.pulumi.aws.backup.PlanArgs;
import com.pulumi.aws.backup.RestoreTestingPlan;
import com.pulumi.aws.backup.RestoreTestingPlanArgs;
import com.pulumi.aws.backup.RestoreTestingSelection;
import com.pulumi.aws.backup.RestoreTestingSelectionArgs;
import com.pulumi.aws.backup.Selection;
import com.pulumi.aws.backup.SelectionArgs;
import com.pulumi.aws.backup.Vault;
import com.pulumi.aws.backup.VaultArgs;
import com.pulumi.aws.backup.VaultLockConfiguration;
import com.pulumi.aws.backup.VaultLockConfigurationArgs;
import com.pulumi.aws.backup.inputs.PlanRuleArgs;
import com.pulumi.aws.backup.inputs.PlanRuleCopyActionArgs;
import com.pulumi.aws.backup.inputs.PlanRuleCopyActionLifecycleArgs;
import com.pulumi.aws.backup.inputs.PlanRuleLifecycleArgs;
import com.pulumi.aws.backup.inputs.RestoreTestingPlanRecoveryPointSelectionArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.common.AlarmTopic;
import io.acgs2.components.common.Json;
import io.acgs2.components.common.Tags;

import java.util.List;
import java.util.Map;

/**
 * A region's AWS Backup: a vault encrypted with its own rotating key and locked (governance by
 * default; compliance, once its 3-day grace ends, lets nobody delete a point early or lift the lock),
 * the role AWS Backup assumes, and per data domain a daily plan of the domain's stores here kept
 * {@code retentionDays} (the guides' 30), each point copied into the vault of another region of the
 * domain (a later region copies into the owner's: the earlier stack never changes; the owner's points
 * are copied by the second region's {@link BackupCopyPlan}). A restore-testing plan restores the
 * latest points weekly; failed backup, copy and restore jobs alarm. Resources are selected by ARN,
 * which AWS Backup honours without the region's service opt-in.
 */
public class RegionBackup extends ComponentResource {

    public static final String TYPE = "acgs2:operations:RegionBackup";
    public static final List<String> SERVICE_POLICIES = List.of(
            "service-role/AWSBackupServiceRolePolicyForBackup", "service-role/AWSBackupServiceRolePolicyForRestores",
            "AWSBackupServiceRolePolicyForS3Backup", "AWSBackupServiceRolePolicyForS3Restore");
    /** AWS Backup job metrics that page when one fails. */
    public static final List<String> FAILURE_METRICS = List.of("NumberOfBackupJobsFailed", "NumberOfCopyJobsFailed",
            "NumberOfRestoreJobsFailed");

    public final Output<String> vaultName;
    public final Output<String> vaultArn;
    public final Output<String> roleArn;
    public final Vault vault;

    public RegionBackup(String name, RegionBackupArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var facts = args.facts();
        var s = args.settings();
        var inComponent = CustomResourceOptions.builder().parent(this).build();
        var key = new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts the AWS Backup vault of " + args.region())
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(Output.tuple(facts.accountId(), facts.partition()).applyValue(t -> AlarmTopic.keyPolicy(t.t2, t.t1, List.of())))
                .tags(Tags.name(name + "-key"))
                .build(), CustomResourceOptions.builder().parent(this).protect(true).build());
        new Alias(name + "-key", AliasArgs.builder().name("alias/acgs2/backup").targetKeyId(key.keyId()).build(),
                CustomResourceOptions.builder().parent(key).build());
        this.vault = new Vault(name + "-vault", VaultArgs.builder()
                .name(vaultName(args.region()))
                .kmsKeyArn(key.arn())
                .tags(Tags.name(name + "-vault"))
                .build(), CustomResourceOptions.builder().parent(this).protect(true).build());
        var lock = VaultLockConfigurationArgs.builder().backupVaultName(vault.name()).minRetentionDays(s.retentionDays());
        if (BackupSettings.COMPLIANCE.equals(s.vaultLock())) {
            lock.changeableForDays(BackupSettings.COMPLIANCE_CHANGEABLE_DAYS);
        }
        new VaultLockConfiguration(name + "-lock", lock.build(), CustomResourceOptions.builder().parent(vault).protect(true).build());

        var role = new Role(name + "-role", RoleArgs.builder()
                .description("AWS Backup of " + args.region() + ": backs up, copies and test-restores the data stores")
                .assumeRolePolicy(facts.accountId().applyValue(RegionBackup::trustPolicy))
                .tags(Tags.name(name + "-role"))
                .build(), inComponent);
        for (var policy : SERVICE_POLICIES) {
            new RolePolicyAttachment(name + "-role-" + policy.substring(policy.lastIndexOf('/') + 1), RolePolicyAttachmentArgs.builder()
                    .role(role.name())
                    .policyArn(facts.partition().applyValue(p -> "arn:" + p + ":iam::aws:policy/" + policy))
                    .build(), CustomResourceOptions.builder().parent(role).build());
        }

        for (var d : args.domains()) {
            var plan = new Plan(name + "-" + d.domain(), PlanArgs.builder()
                    .name(planName(d.domain()))
                    .rules(rule("daily", vault.name(), s, d.copyTo()))
                    .tags(Tags.name(name + "-" + d.domain(), Map.of(ZONE_TAG, d.zone(), DOMAIN_TAG, d.domain())))
                    .build(), inComponent);
            new Selection(name + "-" + d.domain() + "-stores", SelectionArgs.builder()
                    .name("acgs2-" + d.domain())
                    .planId(plan.id())
                    .iamRoleArn(role.arn())
                    .resources(Output.all(d.resourceArns()))
                    .build(), CustomResourceOptions.builder().parent(plan).build());
        }

        if (s.restoreTesting() && !args.domains().isEmpty()) {
            var testing = new RestoreTestingPlan(name + "-restore-testing", RestoreTestingPlanArgs.builder()
                    .name(restoreTestingName(args.region()))
                    .scheduleExpression("cron(0 5 ? * SUN *)")
                    .startWindowHours(8)
                    .recoveryPointSelection(RestoreTestingPlanRecoveryPointSelectionArgs.builder()
                            .algorithm("LATEST_WITHIN_WINDOW")
                            .includeVaults(Output.all(vault.arn()))
                            .recoveryPointTypes("SNAPSHOT")
                            .selectionWindowDays(7)
                            .build())
                    .tags(Tags.name(name + "-restore-testing"))
                    .build(), inComponent);
            var byType = Map.of(
                    "Aurora", args.domains().stream().flatMap(d -> d.database().stream()).toList(),
                    "S3", args.domains().stream().flatMap(d -> d.bucket().stream()).toList());
            for (var type : List.of("Aurora", "S3")) {
                if (byType.get(type).isEmpty()) {
                    continue;
                }
                var ofType = Output.all(byType.get(type));
                new RestoreTestingSelection(name + "-restore-testing-" + type.toLowerCase(), RestoreTestingSelectionArgs.builder()
                        .name("acgs2_" + type.toLowerCase())
                        .restoreTestingPlanName(testing.name())
                        .protectedResourceType(type)
                        .protectedResourceArns(ofType)
                        .iamRoleArn(role.arn())
                        .validationWindowHours(24)
                        .build(), CustomResourceOptions.builder().parent(testing).build());
            }
        }

        for (var metric : FAILURE_METRICS) {
            new MetricAlarm(name + "-" + metric, MetricAlarmArgs.builder()
                    .name("acgs2-backup-" + args.region() + "-" + metric)
                    .alarmDescription("AWS Backup in " + args.region() + ": " + metric + " (vault " + vaultName(args.region()) + ")")
                    .namespace("AWS/Backup")
                    .metricName(metric)
                    .dimensions(vault.name().applyValue(v -> Map.of("BackupVaultName", v)))
                    .statistic("Sum")
                    .period(3600)
                    .evaluationPeriods(1)
                    .threshold(0.0)
                    .comparisonOperator("GreaterThanThreshold")
                    .treatMissingData("notBreaching")
                    .alarmActions(args.alarmTopicArn().applyValue(List::of))
                    .tags(Tags.name(name + "-" + metric))
                    .build(), inComponent);
        }
        this.vaultName = vault.name();
        this.vaultArn = vault.arn();
        this.roleArn = role.arn();
        this.registerOutputs(Map.of("vaultArn", vaultArn, "roleArn", roleArn));
    }

    /** The data tags every store of a domain carries (the gate reads them on backup plans too). */
    public static final String ZONE_TAG = io.acgs2.components.data.AuroraGlobalDatabase.TAG_ZONE;
    public static final String DOMAIN_TAG = io.acgs2.components.data.AuroraGlobalDatabase.TAG_DOMAIN;

    /** The daily rule: kept retentionDays, each point copied (kept as long) into {@code copyTo} when given. */
    static PlanRuleArgs rule(String ruleName, Output<String> vaultName, BackupSettings s, java.util.Optional<Output<String>> copyTo) {
        var rule = PlanRuleArgs.builder()
                .ruleName(ruleName)
                .targetVaultName(vaultName)
                .schedule(s.schedule())
                .scheduleExpressionTimezone("Etc/UTC")
                .startWindow(60)
                .completionWindow(480)
                .lifecycle(PlanRuleLifecycleArgs.builder().deleteAfter(s.retentionDays()).build());
        copyTo.ifPresent(arn -> rule.copyActions(PlanRuleCopyActionArgs.builder()
                .destinationVaultArn(arn)
                .lifecycle(PlanRuleCopyActionLifecycleArgs.builder().deleteAfter(s.retentionDays()).build())
                .build()));
        return rule.build();
    }

    /** A domain's plan in its region (names are per region): at most 50 characters. */
    static String planName(String domain) {
        return "acgs2-" + domain;
    }

    /** The region's vault: one per region, named for it (copies from other regions address it by ARN). */
    public static String vaultName(String region) {
        return "acgs2-" + region;
    }

    /** Restore testing plan names take letters, digits and underscores only. */
    static String restoreTestingName(String region) {
        return "acgs2_" + region.replace('-', '_');
    }

    /** AWS Backup of this account assumes the role. */
    static String trustPolicy(String accountId) {
        return Json.write(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                "Effect", "Allow", "Principal", Map.of("Service", "backup.amazonaws.com"),
                "Action", "sts:AssumeRole",
                "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", accountId))))));
    }
}
