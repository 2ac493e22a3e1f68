package io.acgs2.components.data;

import com.pulumi.core.Output;
import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.common.AwsFacts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Inputs of {@link CacheGlobalDatastore}: one region's member of a data domain's ElastiCache global
 * datastore. Build with {@link #builder()}: {@code build()} applies the defaults and rejects every bad
 * field at once, naming it and the fix.
 *
 * <p>Which region writes is AWS state (moved by {@code aws elasticache failover-global-replication-group});
 * every create-only input here comes from {@link #owner()}, the domain's earliest region, which never
 * moves.
 */
public final class CacheGlobalDatastoreArgs {

    public static final String ENGINE_VALKEY = "valkey";
    public static final String ENGINE_REDIS = "redis";
    public static final String DEFAULT_ENGINE = ENGINE_VALKEY;
    /**
     * The pinned version of each engine (upgrade here, in one place). The provider accepts major.minor
     * for Redis OSS 7+ and Valkey ("7.1", "8.0"); a global datastore needs Valkey 7.2+ or Redis OSS
     * 5.0.6+. NOT verified: that Valkey 8.0 is offered for global datastores in every region of the
     * fleet; check with {@code aws elasticache describe-cache-engine-versions --engine valkey} first.
     */
    public static final Map<String, String> ENGINE_VERSIONS = Map.of(ENGINE_VALKEY, "8.0", ENGINE_REDIS, "7.1");
    /** Memory-optimised, Graviton3: a global-datastore family. */
    public static final String DEFAULT_NODE_TYPE = "cache.r7g.large";
    /** A primary and a replica in another AZ: the least that Multi-AZ with automatic failover takes. */
    public static final int DEFAULT_NUM_CACHE_CLUSTERS = 2;
    public static final int MIN_NUM_CACHE_CLUSTERS = 2;
    /** A primary and up to 5 replicas per replication group (cluster mode disabled). */
    public static final int MAX_NUM_CACHE_CLUSTERS = 6;
    public static final int PORT = 6379;

    /** The node families a global datastore supports, large and up. */
    private static final Pattern GLOBAL_NODE_TYPE =
            Pattern.compile("^cache\\.(m5|m6g|m7g|r5|r6g|r6gd|r7g|c7gn)\\.(large|[0-9]*xlarge)$");
    /** Replication group ids: a letter first, letters, digits, single hyphens, no trailing hyphen, 40 at most. */
    private static final Pattern REPLICATION_GROUP_ID = Pattern.compile("^[a-z](?!.*--)[a-z0-9-]{0,39}(?<!-)$");

    private final String domain;
    private final String zone;
    private final String region;
    private final boolean owner;
    private final String engine;
    private final String engineVersion;
    private final String nodeType;
    private final int numCacheClusters;
    private final Output<List<String>> isolatedSubnetIds;
    private final Output<String> vpcId;
    private final Output<String> clientSecurityGroupId;
    private final Output<String> globalReplicationGroupId;
    private final Output<String> authToken;
    private final AwsFacts facts;

    private CacheGlobalDatastoreArgs(Builder b) {
        this.domain = b.domain;
        this.zone = b.zone;
        this.region = b.region;
        this.owner = b.owner;
        this.engine = b.engine == null ? DEFAULT_ENGINE : b.engine;
        this.engineVersion = b.engineVersion == null ? ENGINE_VERSIONS.get(this.engine) : b.engineVersion;
        this.nodeType = b.nodeType == null ? DEFAULT_NODE_TYPE : b.nodeType;
        this.numCacheClusters = b.numCacheClusters == null ? DEFAULT_NUM_CACHE_CLUSTERS : b.numCacheClusters;
        this.isolatedSubnetIds = b.isolatedSubnetIds;
        this.vpcId = b.vpcId;
        this.clientSecurityGroupId = b.clientSecurityGroupId;
        this.globalReplicationGroupId = b.globalReplicationGroupId;
        this.authToken = b.authToken;
        this.facts = b.facts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The data domain (a lower-case label). Required. Tags acgs2:data-domain. */
    public String domain() {
        return domain;
    }

    /** The sovereignty zone the data lives in, tagged acgs2:data-zone. For a global domain: the region's own zone. Required. */
    public String zone() {
        return zone;
    }

    /** The region of the component's provider. Required. */
    public String region() {
        return region;
    }

    /**
     * Whether this region is the domain's owner (its earliest region in join order): it creates the
     * primary replication group, the AUTH token and the global datastore. Default: false (a secondary,
     * which joins by {@link #globalReplicationGroupId()}).
     */
    public boolean owner() {
        return owner;
    }

    /** "valkey" or "redis"; set on the owner only (a secondary inherits it). Default: valkey. */
    public String engine() {
        return engine;
    }

    /** Default: the engine's entry in {@link #ENGINE_VERSIONS}. Set on the owner only (a secondary inherits it). */
    public String engineVersion() {
        return engineVersion;
    }

    /**
     * A global-datastore node type (M5, M6g, M7g, R5, R6g, R6gd, R7g, C7gn; large and up). Set on the
     * owner only (a secondary inherits it). Default: {@link #DEFAULT_NODE_TYPE}.
     */
    public String nodeType() {
        return nodeType;
    }

    /** Nodes in this region's replication group, 2 to 6 (a primary and replicas spread over the AZs). Default: 2. */
    public int numCacheClusters() {
        return numCacheClusters;
    }

    /** The isolated subnets (no route out of the VPC), one per AZ. Required. */
    public Output<List<String>> isolatedSubnetIds() {
        return isolatedSubnetIds;
    }

    /** Required. */
    public Output<String> vpcId() {
        return vpcId;
    }

    /** The only security group admitted to port 6379: the region's EKS cluster security group. Required. */
    public Output<String> clientSecurityGroupId() {
        return clientSecurityGroupId;
    }

    /**
     * The global datastore's id (AWS's region prefix + the suffix), read from the owner region's
     * outputs. Required on secondaries; rejected on the owner (it creates the datastore).
     */
    public Optional<Output<String>> globalReplicationGroupId() {
        return Optional.ofNullable(globalReplicationGroupId);
    }

    /**
     * A secondary's copy of the owner's AUTH token (read from the owner region's outputs), exported
     * as this region's secret {@code authToken} output for the services here. It is NOT sent to AWS:
     * a secondary inherits AUTH (and the encryption settings) from the global datastore. Optional on
     * secondaries; rejected on the owner (it generates the token).
     */
    public Optional<Output<String>> authToken() {
        return Optional.ofNullable(authToken);
    }

    /** This region's replication group id: acgs2-&lt;domain&gt;-&lt;region&gt;. */
    public String replicationGroupId() {
        return replicationGroupId(domain, region);
    }

    /** A domain's replication group id in {@code region}: acgs2-&lt;domain&gt;-&lt;region&gt; (also what a failover names). */
    public static String replicationGroupId(String domain, String region) {
        return "acgs2-" + domain + "-" + region;
    }

    /** The suffix of the global datastore's id (AWS prefixes it per region): acgs2-&lt;domain&gt;. */
    public String globalReplicationGroupIdSuffix() {
        return globalReplicationGroupIdSuffix(domain);
    }

    /** A domain's global datastore id suffix: acgs2-&lt;domain&gt;. */
    public static String globalReplicationGroupIdSuffix(String domain) {
        return "acgs2-" + domain;
    }

    public AwsFacts facts() {
        return facts;
    }

    public static final class Builder {
        private String domain;
        private String zone;
        private String region;
        private boolean owner;
        private String engine;
        private String engineVersion;
        private String nodeType;
        private Integer numCacheClusters;
        private Output<List<String>> isolatedSubnetIds;
        private Output<String> vpcId;
        private Output<String> clientSecurityGroupId;
        private Output<String> globalReplicationGroupId;
        private Output<String> authToken;
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

        public Builder engine(String v) {
            this.engine = v;
            return this;
        }

        public Builder engineVersion(String v) {
            this.engineVersion = v;
            return this;
        }

        public Builder nodeType(String v) {
            this.nodeType = v;
            return this;
        }

        public Builder numCacheClusters(int v) {
            this.numCacheClusters = v;
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

        /** See {@link CacheGlobalDatastoreArgs#globalReplicationGroupId()}. */
        public Builder globalReplicationGroupId(Output<String> v) {
            this.globalReplicationGroupId = v;
            return this;
        }

        /** See {@link CacheGlobalDatastoreArgs#authToken()}. */
        public Builder authToken(Output<String> v) {
            this.authToken = v;
            return this;
        }

        public Builder facts(AwsFacts v) {
            this.facts = v;
            return this;
        }

        public CacheGlobalDatastoreArgs build() {
            var p = new ArgsProblems("CacheGlobalDatastoreArgs");
            StoreRules.placement(p, domain, zone, region);
            if (StoreRules.valid(domain, region)
                    && !REPLICATION_GROUP_ID.matcher(replicationGroupId(domain, region)).matches()) {
                p.add("domain", "'" + domain + "' makes the replication group id '" + replicationGroupId(domain, region)
                        + "' longer than 40 characters", "shorten the domain's name");
            }
            if (engine != null && !ENGINE_VERSIONS.containsKey(engine)) {
                p.add("engine", "'" + engine + "' is not an ElastiCache global datastore engine", "use valkey or redis");
            }
            if (engineVersion != null && !engineVersion.matches("^\\d+\\.\\d+$")) {
                p.add("engineVersion", "'" + engineVersion + "' is not a major.minor version",
                        "write e.g. " + ENGINE_VERSIONS.get(DEFAULT_ENGINE));
            }
            if (nodeType != null && !GLOBAL_NODE_TYPE.matcher(nodeType).matches()) {
                p.add("nodeType", "'" + nodeType + "' is not a node type a global datastore supports",
                        "use an M5, M6g, M7g, R5, R6g, R6gd, R7g or C7gn type, large or bigger, e.g. " + DEFAULT_NODE_TYPE);
            }
            if (numCacheClusters != null && (numCacheClusters < MIN_NUM_CACHE_CLUSTERS || numCacheClusters > MAX_NUM_CACHE_CLUSTERS)) {
                p.add("numCacheClusters", numCacheClusters + " is outside " + MIN_NUM_CACHE_CLUSTERS + ".." + MAX_NUM_CACHE_CLUSTERS,
                        "use 2 or more: Multi-AZ with automatic failover needs a replica in another AZ");
            }
            if (!owner) {
                // a secondary inherits these from the global datastore; the provider rejects them with globalReplicationGroupId
                if (engine != null) {
                    p.add("engine", "is set on a secondary", "remove it: a secondary inherits the global datastore's engine");
                }
                if (engineVersion != null) {
                    p.add("engineVersion", "is set on a secondary", "remove it: a secondary inherits the global datastore's version");
                }
                if (nodeType != null) {
                    p.add("nodeType", "is set on a secondary", "remove it: a secondary inherits the global datastore's node type");
                }
                p.require("globalReplicationGroupId", globalReplicationGroupId,
                        "pass the owner region's globalReplicationGroupId output");
            } else {
                if (globalReplicationGroupId != null) {
                    p.add("globalReplicationGroupId", "is set on the owner", "remove it: the owner creates the global datastore");
                }
                if (authToken != null) {
                    p.add("authToken", "is set on the owner", "remove it: the owner generates the AUTH token");
                }
            }
            StoreRules.network(p, isolatedSubnetIds, vpcId, clientSecurityGroupId);
            p.require("facts", facts, "pass the region's AwsFacts");
            p.throwIfAny();
            return new CacheGlobalDatastoreArgs(this);
        }
    }
}
