package io.acgs2.stacks.config;

import io.acgs2.components.ci.GitHubRunnerArgs;

import java.util.Optional;
import java.util.Set;

/**
 * {@code acgs2-infra:ci} (project): the GitHub Actions runners every region runs inside its VPC, so
 * the workflows' preview and up jobs reach the private EKS APIs. Absent: no runners (the workflows'
 * per-region jobs then have nowhere to run). Fields:
 * <ul>
 * <li>{@code repository}: {@code https://github.com/<owner>/<repo>}, whose jobs the runners take. Required.</li>
 * <li>{@code connectionArn}: a completed CodeConnections connection to GitHub. Absent: each region
 * creates a PENDING connection and no webhook, until this is set (README, "CI runners").</li>
 * <li>{@code deployRoleName}: the IAM role jobs assume to deploy (the eks.deployerRoleArn role).
 * Default: acgs2-deployer.</li>
 * <li>{@code computeType}: the CodeBuild compute type. Default: BUILD_GENERAL1_MEDIUM.</li>
 * </ul>
 */
public final class CiSection extends BaseSection<Optional<CiSection.Config>> {

    public static final CiSection SECTION = new CiSection();
    public static final String KEY = ConfigParser.PROJECT + ":ci";
    public static final String DEFAULT_DEPLOY_ROLE = "acgs2-deployer";
    static final Set<String> FIELDS = Set.of("repository", "connectionArn", "deployRoleName", "computeType");

    public record Config(String repository, Optional<String> connectionArn, String deployRoleName, String computeType) {
        /** The CodeBuild project, and the runner label, of a region. */
        public static String projectName(String region) {
            return "acgs2-ci-" + region;
        }
    }

    private CiSection() {
        super(KEY, Scope.PROJECT);
    }

    @Override
    public Optional<Config> parse(SectionInput in) {
        var node = in.object(KEY, false, "");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        var n = node.get();
        in.unknownFields(n, FIELDS, KEY);
        var repository = SectionInput.text(n.get("repository")).orElse(null);
        if (repository == null) {
            in.add(KEY + ".repository", "is missing", "name the repository whose jobs the runners take: https://github.com/<owner>/<repo>");
        }
        var config = new Config(repository, SectionInput.text(n.get("connectionArn")),
                SectionInput.text(n.get("deployRoleName")).orElse(DEFAULT_DEPLOY_ROLE),
                SectionInput.text(n.get("computeType")).orElse(GitHubRunnerArgs.DEFAULT_COMPUTE_TYPE));
        if (repository != null) {
            // the component's own checks, reported against this key before any resource exists
            GitHubRunnerArgs.settingsProblems(repository, config.connectionArn().orElse(null), config.deployRoleName(),
                    config.computeType()).forEach(f -> in.add(KEY + "." + f.field(), f.problem(), f.fix()));
        }
        return Optional.of(config);
    }
}
