package io.acgs2.components.data;

import com.pulumi.aws.elasticache.GlobalReplicationGroup;
import com.pulumi.aws.elasticache.GlobalReplicationGroupArgs;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.elasticache.ReplicationGroupArgs;
import com.pulumi.aws.elasticache.SubnetGroup;
import com.pulumi.aws.elasticache.SubnetGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.common.Tags;
import io.acgs2.components.random.RandomPassword;
import io.acgs2.components.random.RandomPasswordArgs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One region's member of a data domain's ElastiCache global datastore (Valkey or Redis OSS, cluster
 * mode disabled): a customer KMS key (rotating), a cache subnet group on the isolated subnets, a
 * security group admitting only the EKS cluster security group on 6379, and the region's replication
 * group, Multi-AZ with automatic failover, encrypted at rest with the region's key. Every replication
 * group and the global datastore are {@code protect}ed.
 *
 * <p>The domain's <b>owner</b> (its earliest region) creates the AUTH token (a {@link RandomPassword};
 * the component's options must carry an explicit random provider, as default providers are disabled),
 * the primary replication group (engine, version, node type, encryption at rest and in transit with
 * {@code transitEncryptionMode: required}, AUTH, 7 days of snapshots) and the global datastore from it.
 * A <b>secondary</b> joins by the datastore's id and sets none of what it inherits from the datastore
 * (engine, engineVersion, nodeType, parameterGroupName, numNodeGroups, the encryption flags and mode,
 * the AUTH token): the provider rejects them together with {@code globalReplicationGroupId}. It still
 * sets its own region's KMS key, its node count, failover and Multi-AZ, subnets and security group.
 *
 * <p>A global datastore takes at most 2 secondary regions, and AWS does not fail over across regions
 * on its own: promoting a secondary is {@code aws elasticache failover-global-replication-group}.
 */
public class CacheGlobalDatastore extends ComponentResource {

    public static final String TYPE = "acgs2:data:CacheGlobalDatastore";
    public static final String TAG_ZONE = AuroraGlobalDatabase.TAG_ZONE;
    public static final String TAG_DOMAIN = AuroraGlobalDatabase.TAG_DOMAIN;
    /**
     * ElastiCache AUTH tokens: 16 to 128 printable ASCII characters without '@', '"' and '/'. An
     * alphanumeric token of 64 characters stays clear of every forbidden character and of shell quoting.
     */
    public static final int AUTH_TOKEN_LENGTH = 64;
    /**
     * Ignored on the owner's primary replication group: in a global datastore the version, node type
     * and parameter group of every member are the datastore's (set on the GlobalReplicationGroup),
     * and a change made on the primary alone is refused or shows as a perpetual diff (the provider's
     * docs for aws_elasticache_global_replication_group).
     */
    public static final List<String> PRIMARY_IGNORE_CHANGES = List.of("engineVersion", "nodeType", "parameterGroupName");
    /** Daily snapshots kept (the owner's primary; a secondary takes none of its own). */
    public static final int SNAPSHOT_RETENTION_DAYS = 7;

    /** This region's primary endpoint (accepts writes only while this region is the datastore's primary). */
    public final Output<String> primaryEndpoint;
    /** This region's reader endpoint. */
    public final Output<String> readerEndpoint;
    /** The global datastore's id (the owner's GlobalReplicationGroup's; a secondary's input). */
    public final Output<String> globalReplicationGroupId;
    public final Output<String> kmsKeyArn;
    public final Output<String> securityGroupId;
    /** The AUTH token: the owner's generated one, or a secondary's copy if it was given one. Secret. */
    public final Optional<Output<String>> authToken;
    /** This region's replication group id (its nodes are &lt;id&gt;-001, -002, ...). */
    public final String replicationGroupId;
    /** Nodes in this region's replication group. */
    public final int nodes;
    /** The region's replication group (for dependsOn). */
    public final ReplicationGroup replicationGroup;

    public CacheGlobalDatastore(String name, CacheGlobalDatastoreArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var inComponent = CustomResourceOptions.builder().parent(this).build();
        var facts = args.facts();
        var dataTags = Map.of(TAG_ZONE, args.zone(), TAG_DOMAIN, args.domain());
        var groupId = args.replicationGroupId();

        // ---- the region's key: storage and snapshots ----
        var parts = new StoreParts(this, name, dataTags);
        var key = parts.key("alias/acgs2/data/" + args.domain() + "/cache",
                "Encrypts the ElastiCache replication group " + groupId + " (data domain " + args.domain() + ")", facts);

        // ---- network: isolated subnets, 6379 from the EKS cluster security group only ----
        var subnets = new SubnetGroup(name + "-subnets", SubnetGroupArgs.builder()
                // named, not auto-named: the replication group's subnet group is create-only
                .name(groupId)
                .description("Isolated subnets of " + groupId)
                .subnetIds(args.isolatedSubnetIds())
                .tags(Tags.name(name + "-subnets", dataTags))
                .build(), inComponent);
        var sg = parts.clientOnlySecurityGroup("ElastiCache " + groupId + ": Valkey/Redis from the EKS cluster only",
                args.vpcId(), args.clientSecurityGroupId(),
                CacheGlobalDatastoreArgs.PORT, "Valkey/Redis");

        // ---- the region's replication group ----
        var groupArgs = ReplicationGroupArgs.builder()
                .replicationGroupId(groupId)
                .description("acgs2 data domain " + args.domain() + " in " + args.region())
                .numCacheClusters(args.numCacheClusters())
                .automaticFailoverEnabled(true)
                .multiAzEnabled(true)
                // allowed on members: each region encrypts with its own key
                .kmsKeyId(key.arn())
                .subnetGroupName(subnets.name())
                .securityGroupIds(Output.all(sg.id()))
                .tags(Tags.name(name + "-group", dataTags));
        RandomPassword token = null;
        if (args.owner()) {
            token = new RandomPassword(name + "-auth-token", RandomPasswordArgs.builder()
                    .length(AUTH_TOKEN_LENGTH)
                    .special(false)
                    .minLower(2).minUpper(2).minNumeric(2)
                    .build(), inComponent);
            groupArgs.engine(args.engine())
                    .engineVersion(args.engineVersion())
                    .nodeType(args.nodeType())
                    .port(CacheGlobalDatastoreArgs.PORT)
                    .atRestEncryptionEnabled(true)
                    .transitEncryptionEnabled(true)
                    .transitEncryptionMode("required")
                    .authToken(token.result())
                    .snapshotRetentionLimit(SNAPSHOT_RETENTION_DAYS);
        } else {
            // a secondary: only the id; everything the datastore fixes is inherited
            groupArgs.globalReplicationGroupId(args.globalReplicationGroupId().orElseThrow());
        }
        var groupOptions = CustomResourceOptions.builder().parent(this).protect(true);
        if (args.owner()) {
            // once the primary is in the global datastore, its version, node type and parameter group
            // change only through the datastore (below), which moves every member together
            groupOptions.ignoreChanges(PRIMARY_IGNORE_CHANGES);
        }
        this.replicationGroup = new ReplicationGroup(name + "-group", groupArgs.build(), groupOptions.build());

        // ---- the owner: the global datastore, built from its primary ----
        if (args.owner()) {
            var global = new GlobalReplicationGroup(name + "-global", GlobalReplicationGroupArgs.builder()
                    .globalReplicationGroupIdSuffix(args.globalReplicationGroupIdSuffix())
                    .globalReplicationGroupDescription("acgs2 data domain " + args.domain())
                    .primaryReplicationGroupId(replicationGroup.id())
                    // the datastore owns these for all its members: an upgrade or a resize is a change here
                    .engineVersion(args.engineVersion())
                    .cacheNodeType(args.nodeType())
                    .build(), CustomResourceOptions.builder().parent(this).protect(true).build());
            this.globalReplicationGroupId = global.globalReplicationGroupId();
            this.authToken = Optional.of(token.result().asSecret());
        } else {
            this.globalReplicationGroupId = args.globalReplicationGroupId().orElseThrow();
            this.authToken = args.authToken().map(Output::asSecret);
        }

        this.replicationGroupId = groupId;
        this.nodes = args.numCacheClusters();
        this.primaryEndpoint = replicationGroup.primaryEndpointAddress();
        this.readerEndpoint = replicationGroup.readerEndpointAddress();
        this.kmsKeyArn = key.arn();
        this.securityGroupId = sg.id();
        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("primaryEndpoint", primaryEndpoint);
        outputs.put("readerEndpoint", readerEndpoint);
        outputs.put("globalReplicationGroupId", globalReplicationGroupId);
        outputs.put("kmsKeyArn", kmsKeyArn);
        outputs.put("securityGroupId", securityGroupId);
        authToken.ifPresent(o -> outputs.put("authToken", o));
        this.registerOutputs(Map.copyOf(outputs));
    }
}
