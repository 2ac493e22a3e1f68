package io.acgs2.components.operations;

import com.pulumi.aws.backup.Plan;
import com.pulumi.aws.backup.PlanArgs;
import com.pulumi.aws.backup.Selection;
import com.pulumi.aws.backup.SelectionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.common.Tags;

import java.util.List;
import java.util.Map;

/**
 * The copy of a domain owner's backups into another region, owned by the domain's second region
 * (the later region owns every pairwise link) and made in the owner's region through a provider for
 * it: a daily plan in the owner's vault, with the owner's backup role, selecting the owner's stores,
 * each point copied into the second region's vault. The owner's stack never changes when its domain
 * gains a region.
 */
public class BackupCopyPlan extends ComponentResource {

    public static final String TYPE = "acgs2:operations:BackupCopyPlan";

    /**
     * @param domain       the domain
     * @param zone         its zone
     * @param ownerRegion  the owner's region (where this runs)
     * @param ownerVault   the owner's vault name
     * @param ownerRole    the owner's backup role
     * @param resourceArns the owner's stores to back up and copy
     * @param copyTo       this (the second) region's vault ARN
     */
    public BackupCopyPlan(String name, String domain, String zone, String ownerRegion, String secondRegion, Output<String> ownerVault,
                          Output<String> ownerRole, List<Output<String>> resourceArns, Output<String> copyTo, BackupSettings settings,
                          ComponentResourceOptions options) {
        super(TYPE, name, options);
        var plan = new Plan(name, PlanArgs.builder()
                .name("acgs2-" + domain + "-to-" + secondRegion)
                .rules(RegionBackup.rule("daily-copy", ownerVault, settings, java.util.Optional.of(copyTo)))
                .tags(Tags.name(name, Map.of(RegionBackup.ZONE_TAG, zone, RegionBackup.DOMAIN_TAG, domain)))
                .build(), CustomResourceOptions.builder().parent(this).build());
        new Selection(name + "-stores", SelectionArgs.builder()
                .name("acgs2-" + domain + "-copy")
                .planId(plan.id())
                .iamRoleArn(ownerRole)
                .resources(Output.all(resourceArns))
                .build(), CustomResourceOptions.builder().parent(plan).build());
        this.registerOutputs(Map.of());
    }
}
