package io.acgs2.components.ci;

import com.pulumi.core.Output;
import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.common.AwsFacts;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Inputs of {@link GitHubRunner}: which repository's jobs it runs, where (the region's VPC and
 * private subnets), which clusters it may reach, and the role its jobs deploy with.
 */
public final class GitHubRunnerArgs {

    public static final String DEFAULT_COMPUTE_TYPE = "BUILD_GENERAL1_MEDIUM";
    /** Amazon Linux 2023, the CodeBuild standard image with Java 17+, Node 20 and the AWS CLI. */
    public static final String DEFAULT_IMAGE = "aws/codebuild/amazonlinux-x86_64-standard:5.0";
    public static final List<String> COMPUTE_TYPES = List.of("BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM",
            "BUILD_GENERAL1_LARGE", "BUILD_GENERAL1_XLARGE", "BUILD_GENERAL1_2XLARGE");
    static final Pattern REPOSITORY = Pattern.compile("^https://github\\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$");
    static final Pattern PROJECT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{1,149}$");
    static final Pattern CONNECTION = Pattern.compile(
            "^arn:aws[a-z-]*:(codeconnections|codestar-connections):[a-z0-9-]+:\\d{12}:connection/[0-9a-f-]+$");
    static final Pattern ROLE = Pattern.compile("^[\\w+=,.@-]{1,64}$");

    /** A problem with one setting: which, what is wrong, how to fix it. */
    public record SettingProblem(String field, String problem, String fix) {
    }

    /** The checks of the settings a user writes (config validates with them before anything is registered). */
    public static List<SettingProblem> settingsProblems(String repository, String connectionArn, String deployRoleName,
                                                        String computeType) {
        var out = new java.util.ArrayList<SettingProblem>();
        if (repository == null || !REPOSITORY.matcher(repository).matches()) {
            out.add(new SettingProblem("repository", "'" + repository + "' is not a GitHub repository URL",
                    "write https://github.com/<owner>/<repo>"));
        }
        if (connectionArn != null && !CONNECTION.matcher(connectionArn).matches()) {
            out.add(new SettingProblem("connectionArn", "'" + connectionArn + "' is not a CodeConnections connection ARN",
                    "copy the ARN of the completed connection (Developer Tools > Settings > Connections)"));
        }
        if (deployRoleName == null || !ROLE.matcher(deployRoleName).matches()) {
            out.add(new SettingProblem("deployRoleName", "'" + deployRoleName + "' is not an IAM role name",
                    "name the role jobs deploy with"));
        }
        if (computeType != null && !COMPUTE_TYPES.contains(computeType)) {
            out.add(new SettingProblem("computeType", "'" + computeType + "' is not a CodeBuild Linux compute type",
                    "use one of " + COMPUTE_TYPES));
        }
        return out;
    }

    /**
     * An earlier region's cluster that this region's jobs reach (a later stack writes to earlier
     * clusters: remote secrets, mirror edges): its security group, changed through its provider.
     */
    public record PeerCluster(String region, Output<String> securityGroupId, com.pulumi.resources.ProviderResource provider) {
    }

    private final String projectName;
    private final List<String> runnerCidrs;
    private final List<PeerCluster> peerClusters;
    private final String repository;
    private final String connectionArn;
    private final String deployRoleName;
    private final String computeType;
    private final Output<String> vpcId;
    private final Output<List<String>> privateSubnetIds;
    private final Output<String> clusterSecurityGroupId;
    private final int logRetentionDays;
    private final AwsFacts facts;

    private GitHubRunnerArgs(Builder b) {
        this.projectName = b.projectName;
        this.runnerCidrs = b.runnerCidrs == null ? List.of() : List.copyOf(b.runnerCidrs);
        this.peerClusters = b.peerClusters == null ? List.of() : List.copyOf(b.peerClusters);
        this.repository = b.repository;
        this.connectionArn = b.connectionArn;
        this.deployRoleName = b.deployRoleName;
        this.computeType = b.computeType == null ? DEFAULT_COMPUTE_TYPE : b.computeType;
        this.vpcId = b.vpcId;
        this.privateSubnetIds = b.privateSubnetIds;
        this.clusterSecurityGroupId = b.clusterSecurityGroupId;
        this.logRetentionDays = b.logRetentionDays == null ? 365 : b.logRetentionDays;
        this.facts = b.facts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The CodeBuild project, and so the runner label: {@code codebuild-<projectName>-<run id>-<attempt>}. Required. */
    public String projectName() {
        return projectName;
    }

    /** The GitHub repository whose workflow jobs the runner takes, {@code https://github.com/<owner>/<repo>}. Required. */
    public String repository() {
        return repository;
    }

    /**
     * A CodeConnections connection to GitHub that a person has completed (AVAILABLE). Absent: the
     * runner creates its own connection, which starts PENDING until someone completes it in the
     * console, and no webhook (no job reaches the runner until the ARN is configured).
     */
    public Optional<String> connectionArn() {
        return Optional.ofNullable(connectionArn);
    }

    /** The IAM role (in this account) that jobs assume to deploy; the runner's own role may only assume it. Required. */
    public String deployRoleName() {
        return deployRoleName;
    }

    public String computeType() {
        return computeType;
    }

    public Output<String> vpcId() {
        return vpcId;
    }

    /** Private subnets (NAT egress: jobs reach GitHub and the AWS APIs). */
    public Output<List<String>> privateSubnetIds() {
        return privateSubnetIds;
    }

    /** The region's EKS cluster security group: the runner is admitted to the API on 443. */
    public Output<String> clusterSecurityGroupId() {
        return clusterSecurityGroupId;
    }

    /** This VPC's CIDRs: what an earlier region's cluster admits (security groups are not referenced across regions). */
    public List<String> runnerCidrs() {
        return runnerCidrs;
    }

    /** The earlier regions' clusters. Default: none. */
    public List<PeerCluster> peerClusters() {
        return peerClusters;
    }

    public int logRetentionDays() {
        return logRetentionDays;
    }

    public AwsFacts facts() {
        return facts;
    }

    public static final class Builder {
        private String projectName;
        private List<String> runnerCidrs;
        private List<PeerCluster> peerClusters;
        private String repository;
        private String connectionArn;
        private String deployRoleName;
        private String computeType;
        private Output<String> vpcId;
        private Output<List<String>> privateSubnetIds;
        private Output<String> clusterSecurityGroupId;
        private Integer logRetentionDays;
        private AwsFacts facts;

        public Builder projectName(String v) {
            this.projectName = v;
            return this;
        }

        public Builder runnerCidrs(List<String> v) {
            this.runnerCidrs = v;
            return this;
        }

        public Builder peerClusters(List<PeerCluster> v) {
            this.peerClusters = v;
            return this;
        }

        public Builder repository(String v) {
            this.repository = v;
            return this;
        }

        public Builder connectionArn(String v) {
            this.connectionArn = v;
            return this;
        }

        public Builder deployRoleName(String v) {
            this.deployRoleName = v;
            return this;
        }

        public Builder computeType(String v) {
            this.computeType = v;
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

        public Builder clusterSecurityGroupId(Output<String> v) {
            this.clusterSecurityGroupId = v;
            return this;
        }

        public Builder logRetentionDays(int v) {
            this.logRetentionDays = v;
            return this;
        }

        public Builder facts(AwsFacts v) {
            this.facts = v;
            return this;
        }

        public GitHubRunnerArgs build() {
            var p = new ArgsProblems("GitHubRunnerArgs");
            if (projectName == null || !PROJECT.matcher(projectName).matches()) {
                p.add("projectName", "'" + projectName + "' is not a CodeBuild project name", "use letters, digits, - and _ (2 to 150)");
            }
            settingsProblems(repository, connectionArn, deployRoleName, computeType).forEach(f -> p.add(f.field(), f.problem(), f.fix()));
            p.require("vpcId", vpcId, "pass the region's VPC");
            p.require("privateSubnetIds", privateSubnetIds, "pass the region's private subnets");
            p.require("clusterSecurityGroupId", clusterSecurityGroupId, "pass the EKS cluster security group");
            p.require("facts", facts, "pass the region's AwsFacts");
            if (peerClusters != null && !peerClusters.isEmpty() && (runnerCidrs == null || runnerCidrs.isEmpty())) {
                p.add("runnerCidrs", "is empty while earlier clusters are to admit the runner", "pass the VPC's CIDRs");
            }
            p.throwIfAny();
            return new GitHubRunnerArgs(this);
        }
    }
}
