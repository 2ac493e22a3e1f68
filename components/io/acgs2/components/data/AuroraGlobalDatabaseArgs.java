package io.acgs2.components.data;

import com.pulumi.core.Output;
import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.common.AwsFacts;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Inputs of {@link AuroraGlobalDatabase}: one region's member of a data domain's Aurora PostgreSQL
 * global database. Build with {@link #builder()}: {@code build()} applies the defaults and rejects
 * every bad field at once, naming it and the fix.
 *
 * <p>Nothing here depends on which region is the writer: the roles that decide create-only inputs
 * (who creates the global cluster, who carries the credentials) come from {@link #owner()}, the
 * domain's earliest region, which never moves.
 */
public final class AuroraGlobalDatabaseArgs {

    public static final String ENGINE = "aurora-postgresql";
    /**
     * The Aurora PostgreSQL version of every domain's global database; upgrade here, in one place
     * (the global cluster moves, its members follow). Major 17 is the newest Aurora PostgreSQL major
     * in the AWS docs seen while writing this (Aurora PostgreSQL release notes and extension versions
     * list 17 first). NOT verified: the PostgreSQL table of "Supported Regions and DB engines for
     * Aurora global databases" (AuroraUserGuide, Concepts.Aurora_Fea_Regions_DB-eng.Feature.GlobalDatabase)
     * could not be read, so neither the global-database support of 17.4 nor a newer 17.x minor is
     * confirmed: check it with {@code aws rds describe-db-engine-versions --engine aurora-postgresql
     * --query 'DBEngineVersions[?SupportsGlobalDatabases].EngineVersion'} before the first deployment.
     */
    public static final String ENGINE_VERSION = "17.4";
    /** Memory-optimised, as a global database requires (Graviton3). */
    public static final String DEFAULT_INSTANCE_CLASS = "db.r7g.large";
    /** A writer and a reader in another AZ. */
    public static final int DEFAULT_INSTANCE_COUNT = 2;
    /** Aurora's read-replica limit (in a secondary region every instance is a reader). */
    public static final int MAX_INSTANCES = 15;
    /** The baseline's minimum (policy aurora-backup-retention); Aurora allows up to 35. */
    public static final int MIN_BACKUP_RETENTION_DAYS = 7;
    public static final int MAX_BACKUP_RETENTION_DAYS = 35;
    public static final int DEFAULT_BACKUP_RETENTION_DAYS = 7;
    public static final String DEFAULT_MASTER_USERNAME = "acgs2admin";
    public static final String DEFAULT_DATABASE_NAME = "acgs2";
    public static final int PORT = 5432;
    /** Enhanced Monitoring intervals RDS accepts (seconds; 0 turns it off). */
    public static final List<Integer> MONITORING_INTERVALS = List.of(0, 1, 5, 10, 15, 30, 60);
    public static final int DEFAULT_MONITORING_INTERVAL = 60;
    /** Statements slower than this are logged (milliseconds), without their bind values. */
    public static final int DEFAULT_SLOW_STATEMENT_MILLIS = 1000;

    /** RDS identifiers: a letter first, letters, digits and single hyphens, no trailing hyphen, 63 at most. */
    private static final Pattern IDENTIFIER = Pattern.compile("^[a-z](?!.*--)[a-z0-9-]{0,62}(?<!-)$");
    private static final Pattern VERSION = Pattern.compile("^\\d+\\.\\d+$");
    private static final Pattern MEMORY_OPTIMISED = Pattern.compile("^db\\.[rx][0-9][a-z0-9]*\\.[0-9a-z]+$");
    /** PostgreSQL: a letter first, then letters, digits, underscores; rdsadmin is reserved. */
    private static final Pattern PG_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,62}$");

    private final String domain;
    private final String zone;
    private final String region;
    private final boolean owner;
    private final String globalClusterIdentifier;
    private final String engineVersion;
    private final String instanceClass;
    private final int instanceCount;
    private final Output<List<String>> availabilityZones;
    private final Output<List<String>> isolatedSubnetIds;
    private final Output<String> vpcId;
    private final Output<String> clientSecurityGroupId;
    private final int backupRetentionDays;
    private final int monitoringIntervalSeconds;
    private final int slowStatementMillis;
    private final String masterUsername;
    private final String databaseName;
    private final AwsFacts facts;

    private AuroraGlobalDatabaseArgs(Builder b) {
        this.domain = b.domain;
        this.zone = b.zone;
        this.region = b.region;
        this.owner = b.owner;
        this.globalClusterIdentifier = b.globalClusterIdentifier == null ? defaultGlobalClusterIdentifier(b.domain) : b.globalClusterIdentifier;
        this.engineVersion = b.engineVersion == null ? ENGINE_VERSION : b.engineVersion;
        this.instanceClass = b.instanceClass == null ? DEFAULT_INSTANCE_CLASS : b.instanceClass;
        this.instanceCount = b.instanceCount == null ? DEFAULT_INSTANCE_COUNT : b.instanceCount;
        this.availabilityZones = b.availabilityZones;
        this.isolatedSubnetIds = b.isolatedSubnetIds;
        this.vpcId = b.vpcId;
        this.clientSecurityGroupId = b.clientSecurityGroupId;
        this.backupRetentionDays = b.backupRetentionDays == null ? DEFAULT_BACKUP_RETENTION_DAYS : b.backupRetentionDays;
        this.monitoringIntervalSeconds = b.monitoringIntervalSeconds == null ? DEFAULT_MONITORING_INTERVAL : b.monitoringIntervalSeconds;
        this.slowStatementMillis = b.slowStatementMillis == null ? DEFAULT_SLOW_STATEMENT_MILLIS : b.slowStatementMillis;
        this.masterUsername = b.masterUsername == null ? DEFAULT_MASTER_USERNAME : b.masterUsername;
        this.databaseName = b.databaseName == null ? DEFAULT_DATABASE_NAME : b.databaseName;
        this.facts = b.facts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The data domain (a lower-case label). Required. Tags acgs2:data-domain. */
    public String domain() {
        return domain;
    }

    /**
     * The sovereignty zone the data lives in, tagged acgs2:data-zone (the residency policies check
     * it against the region). For a global domain: the region's own zone. Required.
     */
    public String zone() {
        return zone;
    }

    /** The region of the component's provider. Required. */
    public String region() {
        return region;
    }

    /**
     * Whether this region is the domain's owner (its earliest region in join order): it creates the
     * global cluster, the master password and its secret, and its cluster carries the credentials.
     * Default: false (a secondary, which joins by {@link #globalClusterIdentifier()}).
     */
    public boolean owner() {
        return owner;
    }

    /** Default: acgs2-&lt;domain&gt;. Changing it replaces every member: fixed from day one. */
    public String globalClusterIdentifier() {
        return globalClusterIdentifier;
    }

    /** This region's cluster identifier: &lt;globalClusterIdentifier&gt;-&lt;region&gt;. */
    public String clusterIdentifier() {
        return clusterIdentifier(globalClusterIdentifier, region);
    }

    /** A domain's global cluster identifier unless set: acgs2-&lt;domain&gt; (also what a failover names). */
    public static String defaultGlobalClusterIdentifier(String domain) {
        return "acgs2-" + domain;
    }

    /** A member's cluster identifier: &lt;globalClusterIdentifier&gt;-&lt;region&gt;. */
    public static String clusterIdentifier(String globalClusterIdentifier, String region) {
        return globalClusterIdentifier + "-" + region;
    }

    /** Default: {@link #ENGINE_VERSION}. */
    public String engineVersion() {
        return engineVersion;
    }

    /** A memory-optimised class (db.r*, db.x*). Default: {@link #DEFAULT_INSTANCE_CLASS}. */
    public String instanceClass() {
        return instanceClass;
    }

    /** 1 to 15. Default: 2. */
    public int instanceCount() {
        return instanceCount;
    }

    /**
     * The region's AZs, in a stable order: instance i lives in AZ i % n (an instance's AZ is
     * create-only, so the order must not change). Required.
     */
    public Output<List<String>> availabilityZones() {
        return availabilityZones;
    }

    /** The isolated subnets (no route out of the VPC), one per AZ. Required. */
    public Output<List<String>> isolatedSubnetIds() {
        return isolatedSubnetIds;
    }

    /** Required. */
    public Output<String> vpcId() {
        return vpcId;
    }

    /** The only security group admitted to port 5432: the region's EKS cluster security group. Required. */
    public Output<String> clientSecurityGroupId() {
        return clientSecurityGroupId;
    }

    /** 7 to 35. Default: 7. */
    public int backupRetentionDays() {
        return backupRetentionDays;
    }

    /** Enhanced Monitoring interval of every instance, one of {@link #MONITORING_INTERVALS}. Default: 60. */
    public int monitoringIntervalSeconds() {
        return monitoringIntervalSeconds;
    }

    /** log_min_duration_statement of the cluster parameter group, 100 to 3600000 ms. Default: 1000. */
    public int slowStatementMillis() {
        return slowStatementMillis;
    }

    /** The cluster parameter group family of {@link #engineVersion()}: aurora-postgresql plus the major. */
    public String parameterGroupFamily() {
        return ENGINE + engineVersion.substring(0, engineVersion.indexOf('.'));
    }

    /** The owner's master user. Default: {@link #DEFAULT_MASTER_USERNAME}. Not used on secondaries. */
    public String masterUsername() {
        return masterUsername;
    }

    /** The owner's initial database. Default: {@link #DEFAULT_DATABASE_NAME}. Not used on secondaries. */
    public String databaseName() {
        return databaseName;
    }

    public AwsFacts facts() {
        return facts;
    }

    public static final class Builder {
        private String domain;
        private String zone;
        private String region;
        private boolean owner;
        private String globalClusterIdentifier;
        private String engineVersion;
        private String instanceClass;
        private Integer instanceCount;
        private Output<List<String>> availabilityZones;
        private Output<List<String>> isolatedSubnetIds;
        private Output<String> vpcId;
        private Output<String> clientSecurityGroupId;
        private Integer backupRetentionDays;
        private Integer monitoringIntervalSeconds;
        private Integer slowStatementMillis;
        private String masterUsername;
        private String databaseName;
        private AwsFacts facts;

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

        public Builder region(String v) {
            this.region = v;
            return this;
        }

        public Builder owner(boolean v) {
            this.owner = v;
            return this;
        }

        public Builder globalClusterIdentifier(String v) {
            this.globalClusterIdentifier = v;
            return this;
        }

        public Builder engineVersion(String v) {
            this.engineVersion = v;
            return this;
        }

        public Builder instanceClass(String v) {
            this.instanceClass = v;
            return this;
        }

        public Builder instanceCount(int v) {
            this.instanceCount = v;
            return this;
        }

        public Builder availabilityZones(Output<List<String>> v) {
            this.availabilityZones = v;
            return this;
        }

        public Builder isolatedSubnetIds(Output<List<String>> v) {
            this.isolatedSubnetIds = v;
            return this;
        }

        public Builder vpcId(Output<String> v) {
            this.vpcId = v;
            return this;
        }

        public Builder clientSecurityGroupId(Output<String> v) {
            this.clientSecurityGroupId = v;
            return this;
        }

        public Builder backupRetentionDays(int v) {
            this.backupRetentionDays = v;
            return this;
        }

        /** See {@link AuroraGlobalDatabaseArgs#monitoringIntervalSeconds()}. */
        public Builder monitoringIntervalSeconds(int v) {
            this.monitoringIntervalSeconds = v;
            return this;
        }

        /** See {@link AuroraGlobalDatabaseArgs#slowStatementMillis()}. */
        public Builder slowStatementMillis(int v) {
            this.slowStatementMillis = v;
            return this;
        }

        public Builder masterUsername(String v) {
            this.masterUsername = v;
            return this;
        }

        public Builder databaseName(String v) {
            this.databaseName = v;
            return this;
        }

        public Builder facts(AwsFacts v) {
            this.facts = v;
            return this;
        }

        public AuroraGlobalDatabaseArgs build() {
            var p = new ArgsProblems("AuroraGlobalDatabaseArgs");
            StoreRules.placement(p, domain, zone, region);
            var gci = globalClusterIdentifier != null ? globalClusterIdentifier : domain == null ? null : defaultGlobalClusterIdentifier(domain);
            if (gci != null && !IDENTIFIER.matcher(gci).matches()) {
                p.add("globalClusterIdentifier", "'" + gci + "' is not an RDS identifier",
                        "use lower-case letters, digits and single hyphens, starting with a letter");
            } else if (gci != null && region != null && (gci + "-" + region).length() > 63) {
                p.add("globalClusterIdentifier", "'" + gci + "' makes the cluster identifier '" + gci + "-" + region
                        + "' longer than 63 characters", "shorten it (or the domain's name)");
            }
            if (engineVersion != null && !VERSION.matcher(engineVersion).matches()) {
                p.add("engineVersion", "'" + engineVersion + "' is not an Aurora PostgreSQL version",
                        "write major.minor, e.g. " + ENGINE_VERSION);
            }
            if (monitoringIntervalSeconds != null && !MONITORING_INTERVALS.contains(monitoringIntervalSeconds)) {
                p.add("monitoringIntervalSeconds", monitoringIntervalSeconds + " is not an Enhanced Monitoring interval",
                        "use one of " + MONITORING_INTERVALS + " (0 turns it off)");
            }
            if (slowStatementMillis != null && (slowStatementMillis < 100 || slowStatementMillis > 3_600_000)) {
                p.add("slowStatementMillis", slowStatementMillis + " is outside 100..3600000",
                        "log statements slower than a useful threshold, e.g. " + DEFAULT_SLOW_STATEMENT_MILLIS + " ms");
            }
            if (instanceClass != null && !MEMORY_OPTIMISED.matcher(instanceClass).matches()) {
                p.add("instanceClass", "'" + instanceClass + "' is not a memory-optimised class, which a global database requires",
                        "use a db.r* or db.x* class, e.g. " + DEFAULT_INSTANCE_CLASS);
            }
            if (instanceCount != null && (instanceCount < 1 || instanceCount > MAX_INSTANCES)) {
                p.add("instanceCount", instanceCount + " is outside 1.." + MAX_INSTANCES, "use 2 or more for a reader in another AZ");
            }
            p.require("availabilityZones", availabilityZones, "pass the region's AZ names in a stable order");
            StoreRules.network(p, isolatedSubnetIds, vpcId, clientSecurityGroupId);
            if (backupRetentionDays != null
                    && (backupRetentionDays < MIN_BACKUP_RETENTION_DAYS || backupRetentionDays > MAX_BACKUP_RETENTION_DAYS)) {
                p.add("backupRetentionDays", backupRetentionDays + " is outside " + MIN_BACKUP_RETENTION_DAYS + ".."
                        + MAX_BACKUP_RETENTION_DAYS, "keep backups at least " + MIN_BACKUP_RETENTION_DAYS + " days");
            }
            if (!owner && masterUsername != null) {
                p.add("masterUsername", "is set on a secondary", "remove it: a global database's secondaries take no credentials");
            }
            if (!owner && databaseName != null) {
                p.add("databaseName", "is set on a secondary", "remove it: a secondary replicates the owner's databases");
            }
            if (masterUsername != null && (!PG_NAME.matcher(masterUsername).matches() || masterUsername.equalsIgnoreCase("rdsadmin"))) {
                p.add("masterUsername", "'" + masterUsername + "' is not a usable PostgreSQL user name",
                        "start with a letter; letters, digits, underscores; not rdsadmin");
            }
            if (databaseName != null && !PG_NAME.matcher(databaseName).matches()) {
                p.add("databaseName", "'" + databaseName + "' is not a PostgreSQL database name",
                        "start with a letter; letters, digits, underscores");
            }
            p.require("facts", facts, "pass the region's AwsFacts");
            p.throwIfAny();
            return new AuroraGlobalDatabaseArgs(this);
        }
    }
}
