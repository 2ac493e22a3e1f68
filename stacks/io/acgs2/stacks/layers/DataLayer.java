package io.acgs2.stacks.layers;

import com.pulumi.core.Output;
import io.acgs2.components.data.AccessLogBucket;
import io.acgs2.components.data.AccessLogBucketArgs;
import io.acgs2.components.data.AuroraGlobalDatabase;
import io.acgs2.components.data.AuroraGlobalDatabaseArgs;
import io.acgs2.components.data.CacheGlobalDatastore;
import io.acgs2.components.data.CacheGlobalDatastoreArgs;
import io.acgs2.components.data.DataStore;
import io.acgs2.components.data.ReplicationAlarms;
import io.acgs2.components.data.ReplicationAlarmsArgs;
import io.acgs2.components.data.ReplicatedBucket;
import io.acgs2.components.data.ReplicatedBucketArgs;
import io.acgs2.components.command.CommandProvider;
import io.acgs2.components.data.MasterSecretRotation;
import io.acgs2.components.data.MasterSecretRotationArgs;
import io.acgs2.components.data.RotationPath;
import io.acgs2.components.data.RotationPathArgs;
import io.acgs2.components.data.SecretReplica;
import io.acgs2.components.data.SecretReplicaArgs;
import io.acgs2.components.network.CidrPlan;
import io.acgs2.components.network.SubnetTier;
import io.acgs2.components.random.RandomProvider;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.stacks.Peer;
import io.acgs2.stacks.RegionContext;
import io.acgs2.stacks.RegionOutputs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The data layer of a region: for every data domain placed here, its stores. The domain's owner
 * (its earliest region) creates the Aurora global cluster and the cache global datastore with their
 * credentials; every other region's members join them, reading the owner's typed outputs. The
 * configured writer changes no create-only input (a switchover moves the writer, not the roles the
 * members were created with). Buckets replicate as {@link ReplicatedBucket} explains: each region
 * owns the links to the earlier ones, and the second owns the owner's. Takes the network layer's
 * isolated subnets and the compute layer's cluster security group (the only client admitted).
 *
 * @param databases the domain's database member in this region, by domain
 * @param caches    the domain's cache member in this region, by domain
 * @param buckets    the domain's bucket in this region, by domain
 * @param accessLogs the region's server access log bucket, if it holds a bucket
 * @param alarms     the region's replication alarms and their topic, if it holds a domain
 * @param rotations      the master secret rotation of each domain this region owns
 * @param secretReplicas this region's replica of the master secret of each domain it joined
 */
public record DataLayer(SortedMap<String, AuroraGlobalDatabase> databases, SortedMap<String, CacheGlobalDatastore> caches,
                        SortedMap<String, ReplicatedBucket> buckets, Optional<AccessLogBucket> accessLogs,
                        Optional<ReplicationAlarms> alarms, SortedMap<String, MasterSecretRotation> rotations,
                        SortedMap<String, SecretReplica> secretReplicas) {

    public static final String DATABASE_PREFIX = "acgs2-db-";
    public static final String CACHE_PREFIX = "acgs2-cache-";
    public static final String BUCKET_PREFIX = "acgs2-bucket-";
    public static final String ACCESS_LOGS = "acgs2-access-logs";
    public static final String ALARMS = "acgs2-data-alarms";
    /** The prefix the public load balancer's access logs go under in the region's access log bucket. */
    public static final String LOAD_BALANCER_LOGS = "alb";

    public static DataLayer deploy(RegionContext region, NetworkLayer network, ComputeLayer compute) {
        var self = region.spec();
        var databases = new TreeMap<String, AuroraGlobalDatabase>();
        var caches = new TreeMap<String, CacheGlobalDatastore>();
        // default providers are disabled: the owner's generated password and token need an explicit one
        var ownsSecrets = region.fleet().domainsIn(self.region()).stream().anyMatch(p -> p.owner().equals(self.region())
                && (p.domain().stores().contains(DataStore.DATABASE) || p.domain().stores().contains(DataStore.CACHE)));
        var random = ownsSecrets ? new RandomProvider("random-" + self.region(), CustomResourceOptions.builder().build()) : null;
        for (var placement : region.fleet().domainsIn(self.region())) {
            var domain = placement.domain();
            var owner = placement.owner().equals(self.region());
            var options = owner ? ComponentResourceOptions.builder().providers(region.provider(), random).build() : region.inRegion();
            var ownerPeer = region.peer(placement.owner());
            if (domain.stores().contains(DataStore.CACHE)) {
                var args = CacheGlobalDatastoreArgs.builder();
                ownerPeer.filter(p -> !owner).ifPresent(p -> {
                    var data = p.outputs().data();
                    args.globalReplicationGroupId(p.require(data.cacheGlobalReplicationGroupIds(), domain.name(),
                            "cache global datastore of data domain " + domain.name()));
                    args.authToken(data.cacheAuthTokens().applyValue(m -> m == null ? null : m.get(domain.name())));
                });
                caches.put(domain.name(), new CacheGlobalDatastore(CACHE_PREFIX + domain.name(), args
                        .domain(domain.name())
                        .zone(domain.zone())
                        .region(self.region())
                        .owner(owner)
                        .isolatedSubnetIds(network.network().isolatedSubnetIds)
                        .vpcId(network.network().vpcId)
                        .clientSecurityGroupId(compute.cluster().clusterSecurityGroupId)
                        .facts(region.facts())
                        .build(), options));
            }
            if (domain.stores().contains(DataStore.DATABASE)) {
                var args = AuroraGlobalDatabaseArgs.builder();
                databases.put(domain.name(), new AuroraGlobalDatabase(DATABASE_PREFIX + domain.name(), args
                        .domain(domain.name())
                        .zone(domain.zone())
                        .region(self.region())
                        .owner(owner)
                        .availabilityZones(network.network().availabilityZones)
                        .isolatedSubnetIds(network.network().isolatedSubnetIds)
                        .vpcId(network.network().vpcId)
                        .clientSecurityGroupId(compute.cluster().clusterSecurityGroupId)
                        .facts(region.facts())
                        .build(), options));
            }
        }
        var rotations = masterSecrets(region, network, databases);
        var buckets = new TreeMap<String, ReplicatedBucket>();
        var bucketsHere = region.fleet().domainsIn(self.region()).stream()
                .filter(p -> p.domain().stores().contains(DataStore.BUCKET)).toList();
        // the region's log bucket also takes its public load balancer's access logs, under LOAD_BALANCER_LOGS
        var logArgs = AccessLogBucketArgs.builder().region(self.region()).zone(self.zone()).facts(region.facts());
        region.frontDoor().ifPresent(f -> logArgs.loadBalancerLogPrefix(LOAD_BALANCER_LOGS));
        // every region has one: its compliance reports' bucket logs there too
        var accessLogs = Optional.of(new AccessLogBucket(ACCESS_LOGS, logArgs.build(), region.inRegion()));
        for (var placement : bucketsHere) {
            var domain = placement.domain();
            var args = ReplicatedBucketArgs.builder()
                    .domain(domain.name())
                    .zone(domain.zone())
                    .region(self.region())
                    .facts(region.facts())
                    .accessLogBucket(accessLogs.orElseThrow().bucketName);
            var earlier = placement.regions().subList(0, placement.regions().indexOf(self.region()));
            for (var r : earlier) {
                args.destination(bucketOf(peer(region, r), domain.name()));
            }
            // the second region owns the owner bucket's one replication configuration (to itself)
            if (earlier.size() == 1) {
                var owner = peer(region, earlier.get(0));
                args.ownerBucket(bucketOf(owner, domain.name()), owner.provider());
            }
            buckets.put(domain.name(), new ReplicatedBucket(BUCKET_PREFIX + domain.name(), args.build(), region.inRegion()));
        }

        // lag is measured where the copy is read (Aurora, cache: the secondaries) or where the rule
        // runs (S3: the source bucket's region): alarm there, to that region's topic
        var secondaries = new TreeMap<String, Output<String>>();
        var cacheSecondaries = new TreeMap<String, ReplicationAlarmsArgs.CacheMember>();
        var edges = new ArrayList<ReplicationAlarmsArgs.BucketEdge>();
        for (var p : region.fleet().domainsIn(self.region())) {
            var name = p.domain().name();
            if (!p.owner().equals(self.region()) && databases.containsKey(name)) {
                secondaries.put(name, databases.get(name).clusterIdentifier);
            }
            if (!p.owner().equals(self.region()) && caches.containsKey(name)) {
                cacheSecondaries.put(name, new ReplicationAlarmsArgs.CacheMember(caches.get(name).replicationGroupId,
                        caches.get(name).nodes));
            }
            if (buckets.containsKey(name)) {
                edges.addAll(buckets.get(name).edges);
            }
        }
        var alarms = region.fleet().domainsIn(self.region()).isEmpty() ? Optional.<ReplicationAlarms>empty()
                : Optional.of(new ReplicationAlarms(ALARMS, alarmArgs(region).secondaries(secondaries).caches(cacheSecondaries)
                .buckets(edges).build(), region.inRegion()));
        // the rule this region owns on the owner's bucket runs in the owner's region: alarm there
        buckets.forEach((domain, bucket) -> bucket.ownerEdge.ifPresent(edge -> {
            var owner = region.fleet().domainsIn(self.region()).stream().filter(p -> p.domain().name().equals(domain))
                    .findFirst().orElseThrow().owner();
            var peer = peer(region, owner);
            var topic = peer.require(peer.outputs().data().dataAlarmTopicArn(), "dataAlarmTopicArn");
            new ReplicationAlarms(ALARMS + "-" + owner, alarmArgs(region).topicArn(topic).buckets(List.of(edge)).build(),
                    ComponentResourceOptions.builder().providers(peer.provider()).build());
        }));
        return new DataLayer(databases, caches, buckets, accessLogs, alarms, rotations.owned(), rotations.replicas());
    }

    private record MasterSecrets(SortedMap<String, MasterSecretRotation> owned, SortedMap<String, SecretReplica> replicas) {
    }

    /**
     * The master secret of every domain with a database here: the owner rotates its secret; every
     * later region holds a replica of it (encrypted with its own key) and opens the rotation's path
     * to its own cluster, both owned by the later region.
     */
    private static MasterSecrets masterSecrets(RegionContext region, NetworkLayer network,
                                               SortedMap<String, AuroraGlobalDatabase> databases) {
        var self = region.spec();
        var owned = new TreeMap<String, MasterSecretRotation>();
        var replicas = new TreeMap<String, SecretReplica>();
        var placements = region.fleet().domainsIn(self.region()).stream()
                .filter(p -> databases.containsKey(p.domain().name())).toList();
        // default providers are disabled: the replica's command needs an explicit one
        var command = placements.stream().anyMatch(p -> !p.owner().equals(self.region()))
                ? new CommandProvider("command-" + self.region(), CustomResourceOptions.builder().build()) : null;
        var rotationDays = region.fleet().settings().data().masterPasswordRotationDays();
        for (var placement : placements) {
            var domain = placement.domain();
            var db = databases.get(domain.name());
            var name = DATABASE_PREFIX + domain.name();
            if (placement.owner().equals(self.region())) {
                var args = MasterSecretRotationArgs.builder()
                        .domain(domain.name())
                        .zone(domain.zone())
                        .secretArn(db.secretArn.orElseThrow())
                        .kmsKeyArn(db.kmsKeyArn)
                        .vpcId(network.network().vpcId)
                        .privateSubnetIds(network.network().privateSubnetIds)
                        .databaseSecurityGroupId(db.securityGroupId);
                rotationDays.ifPresent(args::rotationDays);
                var after = new ArrayList<Resource>(db.instances);
                after.add(db.secretVersion.orElseThrow());
                owned.put(domain.name(), new MasterSecretRotation(name + "-rotation", args.build(), region.inRegion(), after));
                continue;
            }
            var owner = peer(region, placement.owner());
            var data = owner.outputs().data();
            replicas.put(domain.name(), new SecretReplica(name + "-master-secret", SecretReplicaArgs.builder()
                    .primarySecretArn(owner.require(data.databaseSecretArns(), domain.name(),
                            "master secret of data domain " + domain.name()))
                    .primaryRegion(owner.spec().region())
                    .region(self.region())
                    .kmsKeyArn(db.kmsKeyArn)
                    .build(), ComponentResourceOptions.builder().providers(region.provider(), command).build()));
            new RotationPath(name + "-rotation-path", RotationPathArgs.builder()
                    .domain(domain.name())
                    .ownerRegion(owner.spec().region())
                    .ownerPrivateRange(CidrPlan.range(owner.spec().network().vpcCidr(), SubnetTier.PRIVATE))
                    .ownerRotationSecurityGroupId(owner.require(data.databaseRotationSecurityGroupIds(), domain.name(),
                            "master secret rotation of data domain " + domain.name()))
                    .ownerProvider(owner.provider())
                    .databaseSecurityGroupId(db.securityGroupId)
                    .isolatedRange(CidrPlan.range(self.network().vpcCidr(), SubnetTier.ISOLATED))
                    .isolatedRouteTableIds(network.network().isolatedRouteTableIds)
                    .azCount(self.azCount())
                    .transitGatewayId(network.transit().transitGatewayId)
                    .build(), region.inRegion(), List.of(network.transit().vpcAttachment));
        }
        return new MasterSecrets(owned, replicas);
    }

    /** The earlier region {@code r}'s peer (placement only lists fleet regions, and earlier ones are peers). */
    private static Peer peer(RegionContext region, String r) {
        return region.peer(r).orElseThrow(() -> new IllegalStateException("no peer stack for " + r));
    }

    /** The domain's bucket in an earlier region, as its stack exports it. */
    private static ReplicatedBucketArgs.Peer bucketOf(Peer peer, String domain) {
        var data = peer.outputs().data();
        var what = "bucket of data domain " + domain;
        return new ReplicatedBucketArgs.Peer(peer.spec().region(), peer.require(data.bucketNames(), domain, what),
                peer.require(data.bucketArns(), domain, what), peer.require(data.bucketKmsKeyArns(), domain, what));
    }

    private static ReplicationAlarmsArgs.Builder alarmArgs(RegionContext region) {
        var config = region.fleet().settings().data();
        var args = ReplicationAlarmsArgs.builder().facts(region.facts());
        config.warningSeconds().ifPresent(args::warningSeconds);
        config.criticalSeconds().ifPresent(args::criticalSeconds);
        return args;
    }

    /** The domain's master secret in this region: the owner's, or this region's replica of it. */
    public Output<String> masterSecretArn(String domain) {
        return secretReplicas.containsKey(domain) ? secretReplicas.get(domain).arn
                : databases.get(domain).secretArn.orElseThrow(() -> new IllegalStateException("no master secret of " + domain));
    }

    /** The data part of the cross-stack contract: per domain, this region's endpoints. */
    public RegionOutputs.Data outputs() {
        var owned = new TreeMap<String, AuroraGlobalDatabase>();
        databases.forEach((d, db) -> db.masterPassword.ifPresent(p -> owned.put(d, db)));
        // the owner's secret, or this region's replica of it
        var secretArns = new TreeMap<String, Output<String>>();
        databases.forEach((d, db) -> secretArns.put(d, secretReplicas.containsKey(d) ? secretReplicas.get(d).arn
                : db.secretArn.orElse(Output.of(""))));
        return new RegionOutputs.Data(byDomain(databases, db -> db.clusterEndpoint), byDomain(databases, db -> db.readerEndpoint),
                byDomain(secretArns, arn -> arn),
                byDomain(owned, db -> db.masterPassword.orElseThrow()).asSecret(),
                byDomain(caches, c -> c.primaryEndpoint), byDomain(caches, c -> c.globalReplicationGroupId),
                byDomain(caches, c -> c.authToken.orElse(Output.of(""))).asSecret(),
                byDomain(buckets, b -> b.bucketName), byDomain(buckets, b -> b.bucketArn), byDomain(buckets, b -> b.kmsKeyArn),
                alarms.map(a -> a.topicArn).orElse(Output.of("")), byDomain(rotations, r -> r.securityGroupId));
    }

    private static <T> Output<Map<String, String>> byDomain(Map<String, T> members, java.util.function.Function<T, Output<String>> field) {
        var domains = List.copyOf(members.keySet());
        return Output.all(domains.stream().map(d -> field.apply(members.get(d))).toList()).applyValue(values -> {
            var m = new LinkedHashMap<String, String>();
            for (int i = 0; i < domains.size(); i++) {
                m.put(domains.get(i), values.get(i));
            }
            return (Map<String, String>) m;
        });
    }
}
