package io.acgs2.components.data;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterArgs;
import com.pulumi.aws.rds.ClusterInstance;
import com.pulumi.aws.rds.ClusterInstanceArgs;
import com.pulumi.aws.rds.ClusterParameterGroup;
import com.pulumi.aws.rds.ClusterParameterGroupArgs;
import com.pulumi.aws.rds.inputs.ClusterParameterGroupParameterArgs;
import com.pulumi.aws.rds.GlobalCluster;
import com.pulumi.aws.rds.GlobalClusterArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.common.Json;
import io.acgs2.components.common.Tags;
import io.acgs2.components.random.RandomPassword;
import io.acgs2.components.random.RandomPasswordArgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One region's member of a data domain's Aurora PostgreSQL global database: a customer KMS key
 * (rotating), a DB subnet group on the isolated subnets, a security group admitting only the EKS
 * cluster security group on 5432, and the region's cluster with its instances spread over the AZs.
 * Storage is encrypted with the region's key, deletion protection is on, a final snapshot is kept,
 * backups last at least 7 days, IAM authentication is on, writes
 * forward from a secondary to the primary (global write forwarding), PostgreSQL logs go to CloudWatch and
 * Performance Insights is encrypted with the key; every instance has Enhanced Monitoring (a role
 * only RDS monitoring of this account assumes), and the cluster's own parameter group logs DDL,
 * slow statements and connections, never bind values, and refuses unencrypted connections
 * ({@link #LOGGING_PARAMETERS}). The global cluster, the clusters and the instances
 * are {@code protect}ed.
 *
 * <p>The domain's <b>owner</b> (its earliest region) also creates the global cluster, the first
 * master password (a {@link RandomPassword}: Secrets Manager managed passwords are not supported for
 * global clusters) and the Secrets Manager secret with the connection details, encrypted with its
 * key; its cluster is created as the global cluster's first member, with the credentials. After
 * that the password belongs to the rotation ({@link MasterSecretRotation}). A <b>secondary</b>
 * joins by identifier and carries no credentials and no database name (AWS rejects them on a
 * secondary; it replicates the owner's); its region reads the secret through its own
 * {@link SecretReplica}.
 *
 * <p><b>The writer is not an input.</b> Which region writes is AWS state, moved by
 * {@code aws rds switchover-global-cluster} (or {@code failover-global-cluster}); every create-only
 * input here comes from {@link AuroraGlobalDatabaseArgs#owner()}, which never moves, so after a
 * switchover the program's inputs are the same and nothing is replaced. What AWS flips on the members
 * during a switchover or failover is in {@link #MEMBER_IGNORE_CHANGES}.
 */
public class AuroraGlobalDatabase extends ComponentResource {

    public static final String TYPE = "acgs2:data:AuroraGlobalDatabase";
    public static final String TAG_ZONE = "acgs2:data-zone";
    public static final String TAG_DOMAIN = "acgs2:data-domain";
    /**
     * Special characters of the master password: the provider's set without the ones RDS forbids in
     * a master password ('/', '@', '"' and space).
     */
    public static final String PASSWORD_SPECIALS = "!#$%&*()-_=+[]{}<>:?";
    public static final int PASSWORD_LENGTH = 40;

    /**
     * Ignored on every member cluster, the owner's included (after a switchover the owner's cluster is
     * a secondary like any other, and ignoreChanges never applies to the create, so the owner's cluster
     * still joins the global cluster when it is created):
     * <ul>
     * <li>replicationSourceIdentifier: AWS sets and clears it on members as the writer moves; the
     * provider's fix for a diff is to remove it, which promotes the cluster out of the global database
     * (terraform-provider-aws issue 42919).</li>
     * <li>globalClusterIdentifier: read back as null on members (cloudposse/terraform-aws-rds-cluster
     * issue 281); the provider can neither add an existing cluster to a global cluster nor move it
     * between global clusters, and a change to empty detaches it, so the only diffs it can show are
     * errors or a detach.</li>
     * <li>engineVersion: a global database is upgraded through the global cluster, and the members'
     * versions then differ from their configured one (terraform-provider-aws issue 31529,
     * terraform-aws-modules/terraform-aws-rds-aurora issue 425); upgrading a member alone is not
     * allowed.</li>
     * </ul>
     */
    public static final List<String> MEMBER_IGNORE_CHANGES =
            List.of("replicationSourceIdentifier", "globalClusterIdentifier", "engineVersion");
    /**
     * The owner's cluster also ignores its master password: the generated one is only the first;
     * Secrets Manager rotation ({@link MasterSecretRotation}) changes it in the database and the
     * secret, and the program must never set it back.
     */
    public static final List<String> OWNER_IGNORE_CHANGES = java.util.stream.Stream.concat(
            MEMBER_IGNORE_CHANGES.stream(), java.util.stream.Stream.of("masterPassword")).toList();
    /** The secret's first version is the program's; every later one is the rotation's. */
    public static final List<String> SECRET_VERSION_IGNORE_CHANGES = List.of("secretString");

    /**
     * The cluster parameter group's settings besides the slow-statement threshold: what an auditor
     * and an on-call engineer need (schema changes, connections, slow statements) and nothing that
     * would copy personal data into CloudWatch: never {@code log_statement=all}, and no bind values
     * ({@code log_parameter_max_length*} 0) on the statements that are logged. All dynamic, so they
     * apply without a reboot.
     */
    public static final Map<String, String> LOGGING_PARAMETERS = orderedMap(
            "log_statement", "ddl",
            "log_connections", "1",
            "log_disconnections", "1",
            "log_parameter_max_length", "0",
            "log_parameter_max_length_on_error", "0",
            "rds.force_ssl", "1");
    /** The AWS managed policy Enhanced Monitoring's role needs (writes to the RDSOSMetrics log group). */
    public static final String MONITORING_POLICY = "service-role/AmazonRDSEnhancedMonitoringRole";

    /** The region's writer endpoint (accepts writes only while this region is the writer). */
    public final Output<String> clusterEndpoint;
    public final Output<String> readerEndpoint;
    public final Output<String> clusterIdentifier;
    /** The cluster's resource id (cluster-...): rds-db:connect names a database user with it. */
    public final Output<String> clusterResourceId;
    public final Output<String> globalClusterIdentifier;
    /** The region's customer key (storage, Performance Insights, the owner's secret). */
    public final Output<String> kmsKeyArn;
    public final Output<String> securityGroupId;
    /**
     * The owner's first master password. Secret. Empty on secondaries. Rotation replaces it within
     * minutes of the first deployment: read the secret, never this.
     */
    public final Optional<Output<String>> masterPassword;
    /**
     * The owner's Secrets Manager secret with the connection details (the global writer endpoint);
     * empty on secondaries, which hold a {@link SecretReplica} of it.
     */
    public final Optional<Output<String>> secretArn;
    /** The secret's first version (the rotation waits for it). Owner only. */
    public final Optional<SecretVersion> secretVersion;
    /** The cluster's instances (the rotation waits for a writer). */
    public final List<ClusterInstance> instances;
    /** The region's cluster (for dependsOn). */
    public final Cluster cluster;

    public AuroraGlobalDatabase(String name, AuroraGlobalDatabaseArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var inComponent = CustomResourceOptions.builder().parent(this).build();
        var facts = args.facts();
        var dataTags = Map.of(TAG_ZONE, args.zone(), TAG_DOMAIN, args.domain());
        var clusterId = args.clusterIdentifier();

        // ---- the region's key: storage, Performance Insights, the secret ----
        var parts = new StoreParts(this, name, dataTags);
        var key = parts.key("alias/acgs2/data/" + args.domain() + "/aurora",
                "Encrypts the Aurora cluster " + clusterId + " (data domain " + args.domain() + ")", facts);

        // ---- network: isolated subnets, 5432 from the EKS cluster security group only ----
        var subnets = new SubnetGroup(name + "-subnets", SubnetGroupArgs.builder()
                // named, not auto-named: the cluster's subnet group is create-only
                .name(clusterId)
                .description("Isolated subnets of " + clusterId)
                .subnetIds(args.isolatedSubnetIds())
                .tags(Tags.name(name + "-subnets", dataTags))
                .build(), inComponent);
        var sg = parts.clientOnlySecurityGroup("Aurora " + clusterId + ": PostgreSQL from the EKS cluster only",
                args.vpcId(), args.clientSecurityGroupId(),
                AuroraGlobalDatabaseArgs.PORT, "PostgreSQL");

        // ---- the cluster's parameters: what it logs, TLS only ----
        var parameters = new ArrayList<ClusterParameterGroupParameterArgs>();
        var values = new LinkedHashMap<>(LOGGING_PARAMETERS);
        values.put("log_min_duration_statement", Integer.toString(args.slowStatementMillis()));
        values.forEach((k, v) -> parameters.add(ClusterParameterGroupParameterArgs.builder()
                .name(k).value(v).applyMethod("immediate").build()));
        var parameterGroup = new ClusterParameterGroup(name + "-parameters", ClusterParameterGroupArgs.builder()
                // the family in the name: a major upgrade makes a new group beside the old one
                .name(clusterId + "-" + args.parameterGroupFamily())
                .family(args.parameterGroupFamily())
                .description("Logging and TLS of " + clusterId)
                .parameters(parameters)
                .tags(Tags.name(name + "-parameters", dataTags))
                .build(), inComponent);
        var monitoringRole = args.monitoringIntervalSeconds() == 0 ? null : monitoringRole(name, facts, dataTags);

        // ---- the owner: the global cluster and the credentials ----
        GlobalCluster global = null;
        RandomPassword password = null;
        if (args.owner()) {
            global = new GlobalCluster(name + "-global", GlobalClusterArgs.builder()
                    .globalClusterIdentifier(args.globalClusterIdentifier())
                    .engine(AuroraGlobalDatabaseArgs.ENGINE)
                    .engineVersion(args.engineVersion())
                    .storageEncrypted(true)
                    .deletionProtection(true)
                    .tags(Tags.name(name + "-global", dataTags))
                    // the version is the create-time one: AWS moves it (a forced minor upgrade, or
                    // modify-global-cluster during an upgrade), and a diff here would be a downgrade
                    .build(), CustomResourceOptions.builder().parent(this).protect(true).ignoreChanges("engineVersion").build());
            password = new RandomPassword(name + "-master-password", RandomPasswordArgs.builder()
                    .length(PASSWORD_LENGTH)
                    .special(true)
                    .overrideSpecial(PASSWORD_SPECIALS)
                    .minLower(2).minUpper(2).minNumeric(2).minSpecial(2)
                    .build(), inComponent);
        }

        var clusterArgs = ClusterArgs.builder()
                .clusterIdentifier(clusterId)
                .engine(AuroraGlobalDatabaseArgs.ENGINE)
                .engineVersion(args.engineVersion())
                .kmsKeyId(key.arn())
                .storageEncrypted(true)
                .deletionProtection(true)
                .skipFinalSnapshot(false)
                .finalSnapshotIdentifier(clusterId + "-final")
                .backupRetentionPeriod(args.backupRetentionDays())
                .iamDatabaseAuthenticationEnabled(true)
                // a secondary forwards its sessions' writes to the primary; on the primary it waits for a switchover
                .enableGlobalWriteForwarding(true)
                .enabledCloudwatchLogsExports("postgresql")
                .dbSubnetGroupName(subnets.name())
                .dbClusterParameterGroupName(parameterGroup.name())
                .vpcSecurityGroupIds(Output.all(sg.id()))
                .port(AuroraGlobalDatabaseArgs.PORT)
                .copyTagsToSnapshot(true)
                .tags(Tags.name(name + "-cluster", dataTags));
        var clusterOptions = CustomResourceOptions.builder()
                .parent(this)
                .protect(true)
                .ignoreChanges(args.owner() ? OWNER_IGNORE_CHANGES : MEMBER_IGNORE_CHANGES);
        if (args.owner()) {
            clusterArgs.globalClusterIdentifier(global.globalClusterIdentifier())
                    .masterUsername(args.masterUsername())
                    .masterPassword(password.result())
                    .databaseName(args.databaseName());
            clusterOptions.dependsOn(global);
        } else {
            // a secondary: no credentials, no database name (both come from the primary)
            clusterArgs.globalClusterIdentifier(args.globalClusterIdentifier());
        }
        this.cluster = new Cluster(name + "-cluster", clusterArgs.build(), clusterOptions.build());

        // ---- instances, spread over the AZs ----
        var instances = new ArrayList<ClusterInstance>();
        this.instances = instances;
        for (int i = 0; i < args.instanceCount(); i++) {
            final int index = i;
            var instanceName = name + "-instance-" + (i + 1);
            instances.add(new ClusterInstance(instanceName, ClusterInstanceArgs.builder()
                    .identifier(clusterId + "-" + (i + 1))
                    .clusterIdentifier(cluster.id())
                    .engine(AuroraGlobalDatabaseArgs.ENGINE)
                    .instanceClass(args.instanceClass())
                    // instance i in AZ i % n: create-only, so it depends only on the index and the AZ order
                    .availabilityZone(args.availabilityZones().applyValue(azs -> azs.get(index % azs.size())))
                    .publiclyAccessible(false)
                    .performanceInsightsEnabled(true)
                    .performanceInsightsKmsKeyId(key.arn())
                    // the version is pinned on the global cluster: no member moves on its own
                    .autoMinorVersionUpgrade(false)
                    .monitoringInterval(args.monitoringIntervalSeconds())
                    .monitoringRoleArn(monitoringRole == null ? null : monitoringRole.getKey().arn())
                    .tags(Tags.name(instanceName, dataTags))
                    // RDS checks the role's permissions when the instance is created or modified
                    .build(), CustomResourceOptions.builder().parent(this).protect(true)
                    .dependsOn(monitoringRole == null ? List.of() : List.of(monitoringRole.getValue())).build()));
        }

        // ---- the owner's secret: rotated in this region, replicated to the domain's other regions ----
        if (args.owner()) {
            var secret = new Secret(name + "-master-secret", SecretArgs.builder()
                    .name(secretName(args.domain()))
                    .description("Master credentials of the Aurora global database " + args.globalClusterIdentifier())
                    .kmsKeyId(key.arn())
                    // protected, so only a deliberate delete (unprotect first) removes it, and then at once: a
                    // secret scheduled for deletion blocks a new one of the same name for its whole window
                    .recoveryWindowInDays(0)
                    .tags(Tags.name(name + "-master-secret", dataTags))
                    .build(), CustomResourceOptions.builder().parent(this).protect(true).build());
            // the host is the global writer endpoint: it follows the writer, so the rotation (and anyone
            // reading the secret) reaches whichever region writes; ssl: no plaintext fallback
            var document = Output.tuple(password.result(), global.endpoint()).applyValue(t -> {
                var m = new LinkedHashMap<String, Object>();
                m.put("username", args.masterUsername());
                m.put("password", t.t1);
                m.put("engine", "postgres");
                m.put("port", AuroraGlobalDatabaseArgs.PORT);
                m.put("dbname", args.databaseName());
                m.put("host", t.t2);
                m.put("ssl", true);
                return Json.write(m);
            }).asSecret();
            this.secretVersion = Optional.of(new SecretVersion(name + "-master-secret", SecretVersionArgs.builder()
                    .secretId(secret.id())
                    .secretString(document)
                    // the first version only: rotation owns the value after that
                    .build(), CustomResourceOptions.builder().parent(secret).ignoreChanges(SECRET_VERSION_IGNORE_CHANGES).build()));
            this.secretArn = Optional.of(secret.arn());
        } else {
            this.secretVersion = Optional.empty();
            this.secretArn = Optional.empty();
        }
        this.masterPassword = args.owner() ? Optional.of(password.result().asSecret()) : Optional.empty();

        this.clusterEndpoint = cluster.endpoint();
        this.readerEndpoint = cluster.readerEndpoint();
        this.clusterResourceId = cluster.clusterResourceId();
        this.clusterIdentifier = cluster.clusterIdentifier();
        this.globalClusterIdentifier = Output.of(args.globalClusterIdentifier());
        this.kmsKeyArn = key.arn();
        this.securityGroupId = sg.id();
        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("clusterEndpoint", clusterEndpoint);
        outputs.put("readerEndpoint", readerEndpoint);
        outputs.put("clusterIdentifier", clusterIdentifier);
        outputs.put("globalClusterIdentifier", globalClusterIdentifier);
        outputs.put("kmsKeyArn", kmsKeyArn);
        outputs.put("securityGroupId", securityGroupId);
        masterPassword.ifPresent(o -> outputs.put("masterPassword", o));
        secretArn.ifPresent(o -> outputs.put("secretArn", o));
        this.registerOutputs(Map.copyOf(outputs));
    }

    /** The master secret's name, the same in every region (a replica keeps its primary's name). */
    public static String secretName(String domain) {
        return "acgs2/data/" + domain + "/aurora/master";
    }

    /** Enhanced Monitoring's role: assumed only by RDS monitoring on behalf of this account. */
    private Map.Entry<Role, RolePolicyAttachment> monitoringRole(String name, io.acgs2.components.common.AwsFacts facts, Map<String, String> dataTags) {
        var role = new Role(name + "-monitoring", RoleArgs.builder()
                .description("Lets RDS Enhanced Monitoring publish OS metrics of " + name)
                .assumeRolePolicy(facts.accountId().applyValue(accountId -> Json.write(Map.of(
                        "Version", "2012-10-17",
                        "Statement", List.of(Map.of(
                                "Effect", "Allow",
                                "Principal", Map.of("Service", "monitoring.rds.amazonaws.com"),
                                "Action", "sts:AssumeRole",
                                // confused deputy: only RDS acting for this account
                                "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", accountId))))))))
                .tags(Tags.name(name + "-monitoring", dataTags))
                .build(), CustomResourceOptions.builder().parent(this).build());
        var attachment = new RolePolicyAttachment(name + "-monitoring", RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(facts.partition().applyValue(p -> "arn:" + p + ":iam::aws:policy/" + MONITORING_POLICY))
                .build(), CustomResourceOptions.builder().parent(role).build());
        return Map.entry(role, attachment);
    }

    private static Map<String, String> orderedMap(String... kv) {
        var m = new LinkedHashMap<String, String>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Account administrators only: RDS, Performance Insights and Secrets Manager use the key on the caller's IAM permissions. */
    static String accountOnlyKeyPolicy(String partition, String accountId) {
        return Json.write(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                "Sid", "AccountAdministration", "Effect", "Allow",
                "Principal", Map.of("AWS", "arn:" + partition + ":iam::" + accountId + ":root"),
                "Action", "kms:*", "Resource", "*"))));
    }
}
