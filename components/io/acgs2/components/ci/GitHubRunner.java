package io.acgs2.components.ci;

import com.pulumi.aws.codebuild.Project;
import com.pulumi.aws.codebuild.ProjectArgs;
import com.pulumi.aws.codebuild.Webhook;
import com.pulumi.aws.codebuild.WebhookArgs;
import com.pulumi.aws.codebuild.inputs.ProjectArtifactsArgs;
import com.pulumi.aws.codebuild.inputs.ProjectEnvironmentArgs;
import com.pulumi.aws.codebuild.inputs.ProjectLogsConfigArgs;
import com.pulumi.aws.codebuild.inputs.ProjectLogsConfigCloudwatchLogsArgs;
import com.pulumi.aws.codebuild.inputs.ProjectSourceArgs;
import com.pulumi.aws.codebuild.inputs.ProjectSourceAuthArgs;
import com.pulumi.aws.codebuild.inputs.ProjectVpcConfigArgs;
import com.pulumi.aws.codebuild.inputs.WebhookFilterGroupArgs;
import com.pulumi.aws.codebuild.inputs.WebhookFilterGroupFilterArgs;
import com.pulumi.aws.codeconnections.Connection;
import com.pulumi.aws.codeconnections.ConnectionArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.common.EncryptedLogGroup;
import io.acgs2.components.common.Json;
import io.acgs2.components.common.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A self-hosted GitHub Actions runner inside the region's VPC: an AWS CodeBuild project that takes
 * the repository's queued workflow jobs (webhook event WORKFLOW_JOB_QUEUED) whose {@code runs-on}
 * is {@code codebuild-<project>-${{ github.run_id }}-${{ github.run_attempt }}}, in the private
 * subnets, so {@code pulumi preview/up} reach the private EKS API.
 *
 * <p>Least privilege: the runner's security group sends only HTTPS (GitHub, the AWS APIs through
 * NAT, the cluster API; DNS to the VPC resolver is not filtered by security groups); the cluster
 * security group admits it on 443. The runner's role can make its network interfaces in these
 * subnets, write its own log group, use its GitHub connection and assume the deploy role, nothing
 * else: a job gets deploy rights only by assuming that role, which holds the cluster access entry
 * ({@code eks.deployerRoleArn}). The build's logs go to a KMS-encrypted log group.
 *
 * <p>GitHub access is a CodeConnections connection. AWS creates one PENDING and only a person can
 * complete it (console, GitHub App install), so without {@link GitHubRunnerArgs#connectionArn()} the
 * runner creates the connection and no webhook; with the completed connection's ARN it uses that
 * one and creates the webhook.
 */
public class GitHubRunner extends ComponentResource {

    public static final String TYPE = "acgs2:ci:GitHubRunner";
    /** A whole {@code pulumi up} of a new region (EKS, Aurora, the mesh) fits, with room. */
    public static final int BUILD_TIMEOUT_MINUTES = 180;

    public final Output<String> projectName;
    public final Output<String> roleArn;
    public final Output<String> securityGroupId;
    public final Output<String> connectionArn;
    /** The webhook, once the connection is configured. */
    public final Optional<Webhook> webhook;

    public GitHubRunner(String name, GitHubRunnerArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var facts = args.facts();
        var inComponent = CustomResourceOptions.builder().parent(this).build();
        var logGroupName = "/aws/codebuild/" + args.projectName();

        var logs = EncryptedLogGroup.builder()
                .keyName(name + "-logs-key")
                .keyDescription("Encrypts the build logs of " + args.projectName())
                .aliasName("alias/acgs2/" + args.projectName() + "/logs")
                .logGroupResourceName(name + "-logs")
                .logGroupName(logGroupName)
                .logGroupPattern("/aws/codebuild/*")
                .retentionDays(args.logRetentionDays())
                .facts(facts)
                .parent(this)
                .build();

        // ---- network: HTTPS out only; the cluster API admits the runner ----
        var sg = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .description("GitHub Actions runner " + args.projectName() + ": HTTPS out only")
                .vpcId(args.vpcId())
                .tags(Tags.name(name + "-sg"))
                .build(), inComponent);
        new SecurityGroupEgressRule(name + "-https-out", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(sg.id())
                .description("GitHub, AWS APIs (through NAT) and the cluster API")
                .ipProtocol("tcp").fromPort(443).toPort(443)
                .cidrIpv4("0.0.0.0/0")
                .build(), CustomResourceOptions.builder().parent(sg).build());
        new SecurityGroupIngressRule(name + "-cluster-api", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(args.clusterSecurityGroupId())
                .description("Kubernetes API from the GitHub Actions runner " + args.projectName())
                .ipProtocol("tcp").fromPort(443).toPort(443)
                .referencedSecurityGroupId(sg.id())
                .build(), CustomResourceOptions.builder().parent(sg).build());

        // the links this region owns: every earlier region's cluster admits this runner (by CIDR)
        for (var peer : args.peerClusters()) {
            for (int i = 0; i < args.runnerCidrs().size(); i++) {
                var cidr = args.runnerCidrs().get(i);
                new SecurityGroupIngressRule(name + "-cluster-api-" + peer.region() + (i == 0 ? "" : "-" + i),
                        SecurityGroupIngressRuleArgs.builder()
                                .securityGroupId(peer.securityGroupId())
                                .description("Kubernetes API from the GitHub Actions runner " + args.projectName())
                                .ipProtocol("tcp").fromPort(443).toPort(443)
                                .cidrIpv4(cidr)
                                .build(), CustomResourceOptions.builder().parent(sg).provider(peer.provider()).build());
            }
        }

        // ---- GitHub access ----
        Output<String> connection;
        if (args.connectionArn().isPresent()) {
            connection = Output.of(args.connectionArn().get());
        } else {
            connection = new Connection(name + "-github", ConnectionArgs.builder()
                    // 1 to 32 characters
                    .name(truncate(args.projectName(), 32))
                    .providerType("GitHub")
                    .tags(Tags.name(name + "-github"))
                    .build(), inComponent).arn();
        }

        // ---- the runner's role ----
        var role = new Role(name + "-role", RoleArgs.builder()
                .description("GitHub Actions runner " + args.projectName() + " (CodeBuild)")
                .assumeRolePolicy(facts.accountId().applyValue(accountId -> Json.write(Map.of(
                        "Version", "2012-10-17",
                        "Statement", List.of(Map.of(
                                "Effect", "Allow",
                                "Principal", Map.of("Service", "codebuild.amazonaws.com"),
                                "Action", "sts:AssumeRole",
                                "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", accountId))))))))
                .tags(Tags.name(name + "-role"))
                .build(), inComponent);
        var policy = new RolePolicy(name + "-role", RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.tuple(facts.partition(), facts.region(), facts.accountId(), args.privateSubnetIds(),
                                logs.logGroup().arn(), connection)
                        .applyValue(t -> runnerPolicy(t.t1, t.t2, t.t3, t.t4, t.t5, t.t6, args.deployRoleName())))
                .build(), CustomResourceOptions.builder().parent(role).build());

        // ---- the project: CodeBuild validates the VPC permissions when it is created ----
        var project = new Project(name, ProjectArgs.builder()
                .name(args.projectName())
                .description("GitHub Actions runner for " + args.repository() + " inside the VPC")
                .serviceRole(role.arn())
                .buildTimeout(BUILD_TIMEOUT_MINUTES)
                .artifacts(ProjectArtifactsArgs.builder().type("NO_ARTIFACTS").build())
                .environment(ProjectEnvironmentArgs.builder()
                        .type("LINUX_CONTAINER")
                        .computeType(args.computeType())
                        .image(GitHubRunnerArgs.DEFAULT_IMAGE)
                        .imagePullCredentialsType("CODEBUILD")
                        .privilegedMode(false)
                        .build())
                .source(ProjectSourceArgs.builder()
                        .type("GITHUB")
                        .location(args.repository() + ".git")
                        .auth(ProjectSourceAuthArgs.builder().type("CODECONNECTIONS").resource(connection).build())
                        .build())
                .vpcConfig(ProjectVpcConfigArgs.builder()
                        .vpcId(args.vpcId())
                        .subnets(args.privateSubnetIds())
                        .securityGroupIds(Output.all(sg.id()))
                        .build())
                .logsConfig(ProjectLogsConfigArgs.builder()
                        .cloudwatchLogs(ProjectLogsConfigCloudwatchLogsArgs.builder()
                                .groupName(logs.logGroup().name()).status("ENABLED").build())
                        .build())
                .tags(Tags.name(name))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(List.of(policy, logs.logGroup())).build());

        this.webhook = args.connectionArn().map(arn -> new Webhook(name + "-jobs", WebhookArgs.builder()
                .projectName(project.name())
                .buildType("BUILD")
                .filterGroups(WebhookFilterGroupArgs.builder()
                        .filters(WebhookFilterGroupFilterArgs.builder().type("EVENT").pattern("WORKFLOW_JOB_QUEUED").build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(project).build()));

        this.projectName = project.name();
        this.roleArn = role.arn();
        this.securityGroupId = sg.id();
        this.connectionArn = connection;
        this.registerOutputs(Map.of("projectName", projectName, "roleArn", roleArn, "securityGroupId", securityGroupId,
                "connectionArn", connectionArn));
    }

    /**
     * Network interfaces only in the runner's subnets, for CodeBuild (the CodeBuild user guide's VPC
     * policy); its own log group; its connection; the deploy role. Nothing else.
     */
    static String runnerPolicy(String partition, String region, String accountId, List<String> subnetIds,
                               String logGroupArn, String connectionArn, String deployRoleName) {
        var subnets = new ArrayList<String>();
        subnetIds.forEach(s -> subnets.add("arn:" + partition + ":ec2:" + region + ":" + accountId + ":subnet/" + s));
        var connectionService = connectionArn.contains(":codestar-connections:") ? "codestar-connections" : "codeconnections";
        return Json.write(Map.of("Version", "2012-10-17", "Statement", List.of(
                Map.of("Sid", "VpcNetworkInterfaces", "Effect", "Allow",
                        "Action", List.of("ec2:CreateNetworkInterface", "ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces",
                                "ec2:DeleteNetworkInterface", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs"),
                        "Resource", "*"),
                Map.of("Sid", "NetworkInterfacePermission", "Effect", "Allow",
                        "Action", "ec2:CreateNetworkInterfacePermission",
                        "Resource", "arn:" + partition + ":ec2:" + region + ":" + accountId + ":network-interface/*",
                        "Condition", Map.of("StringEquals", Map.of("ec2:Subnet", subnets,
                                "ec2:AuthorizedService", "codebuild.amazonaws.com"))),
                Map.of("Sid", "OwnLogs", "Effect", "Allow",
                        "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        "Resource", List.of(logGroupArn, logGroupArn + ":*")),
                Map.of("Sid", "GitHubConnection", "Effect", "Allow",
                        "Action", List.of(connectionService + ":GetConnectionToken", connectionService + ":GetConnection",
                                connectionService + ":UseConnection"),
                        "Resource", connectionArn),
                Map.of("Sid", "AssumeDeployRole", "Effect", "Allow",
                        "Action", List.of("sts:AssumeRole", "sts:TagSession"),
                        "Resource", "arn:" + partition + ":iam::" + accountId + ":role/" + deployRoleName))));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
