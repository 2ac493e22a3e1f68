package io.acgs2.components.operations;

import com.pulumi.aws.amp.Workspace;
import com.pulumi.aws.amp.WorkspaceArgs;
import com.pulumi.aws.amp.inputs.WorkspaceLoggingConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.common.AwsFacts;
import io.acgs2.components.common.EncryptedLogGroup;
import io.acgs2.components.common.Tags;

import java.util.List;
import java.util.Map;

/**
 * A region's Amazon Managed Service for Prometheus workspace: the metrics store, rule evaluator and
 * alert manager of the region, outside its cluster (so a sick cluster is still seen and paged), its
 * rule and alert manager logs in an encrypted log group kept a year. Data at rest is encrypted with
 * an AWS owned key: a customer key would make the managed collector need a source and a target role
 * of its own.
 */
public class PrometheusWorkspace extends ComponentResource {

    public static final String TYPE = "acgs2:operations:PrometheusWorkspace";

    public final Output<String> workspaceId;
    public final Output<String> arn;
    public final Workspace workspace;

    public PrometheusWorkspace(String name, String region, AwsFacts facts, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var logs = EncryptedLogGroup.builder()
                .keyName(name + "-logs-key")
                .keyDescription("Encrypts the managed Prometheus logs of " + region)
                .aliasName("alias/acgs2/prometheus-logs")
                .logGroupResourceName(name + "-logs")
                .logGroupName("/aws/vendedlogs/prometheus/acgs2-" + region)
                .logGroupPattern("/aws/vendedlogs/prometheus/acgs2-" + region)
                .retentionDays(365)
                .facts(facts)
                .parent(this)
                .build();
        this.workspace = new Workspace(name, WorkspaceArgs.builder()
                .alias("acgs2-" + region)
                .loggingConfiguration(WorkspaceLoggingConfigurationArgs.builder()
                        .logGroupArn(logs.logGroup().arn().applyValue(a -> a + ":*"))
                        .build())
                .tags(Tags.name(name))
                .build(), CustomResourceOptions.builder().parent(this)
                // the managed collector tags its workspace (AMPAgentlessScraper): not a change of ours
                .ignoreChanges(List.of("tags", "tagsAll")).build());
        this.workspaceId = workspace.id();
        this.arn = workspace.arn();
        this.registerOutputs(Map.of("workspaceId", workspaceId, "arn", arn));
    }
}
