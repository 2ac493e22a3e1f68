package io.acgs2.stacks.layers;

import com.pulumi.core.Output;
import io.acgs2.components.data.AuroraGlobalDatabase;
import io.acgs2.components.data.AuroraGlobalDatabaseArgs;
import io.acgs2.components.data.CacheGlobalDatastore;
import io.acgs2.components.data.CacheGlobalDatastoreArgs;
import io.acgs2.components.data.DataStore;
import io.acgs2.components.data.ReplicationAlarms;
import io.acgs2.components.data.ReplicationAlarmsArgs;
import io.acgs2.components.random.RandomProvider;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.stacks.RegionContext;
import io.acgs2.stacks.RegionOutputs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The data layer of a region: for every data domain placed here, its stores. So far the Aurora
 * PostgreSQL global database: the domain's owner (its earliest region) creates the global cluster
 * and the primary with credentials; every other region's cluster joins it. The configured writer
 * changes no create-only input (a switchover moves the writer, not the roles the clusters were
 * created with). Takes the network layer's isolated subnets and the compute layer's cluster
 * security group (the only client admitted).
 *
 * @param databases the domain's database member in this region, by domain
 * @param caches    the domain's cache member in this region, by domain
 * @param alarms    replication alarms of the secondary members here, if any
 */
public record DataLayer(SortedMap<String, AuroraGlobalDatabase> databases, SortedMap<String, CacheGlobalDatastore> caches,
                        Optional<ReplicationAlarms> alarms) {

    public static final String DATABASE_PREFIX = "acgs2-db-";
    public static final String CACHE_PREFIX = "acgs2-cache-";
    public static final String ALARMS = "acgs2-data-alarms";

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
            var ownerPeer = region.peers().stream().filter(p -> p.spec().region().equals(placement.owner())).findFirst();
            if (domain.stores().contains(DataStore.CACHE)) {
                var args = CacheGlobalDatastoreArgs.builder();
                ownerPeer.filter(p -> !owner).ifPresent(p -> {
                    var data = p.outputs().data();
                    args.globalReplicationGroupId(data.cacheGlobalReplicationGroupIds().applyValue(m -> {
                        if (m == null || m.get(domain.name()) == null) {
                            throw new IllegalStateException("the owner region " + placement.owner() + " of data domain " + domain.name()
                                    + " exports no cache global datastore yet: deploy it first (bin/acgs2 rollout-order puts it first)");
                        }
                        return m.get(domain.name());
                    }));
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
                // a joining region owns its copy of the credentials, read from the owner region's outputs
                ownerPeer.filter(p -> !owner).ifPresent(p -> args.ownerMasterPassword(p.outputs().data().databaseMasterPasswords()
                        .applyValue(m -> m == null ? null : m.get(domain.name()))));
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
        // replication lag is measured on the secondaries: alarm where they are
        var secondaries = new TreeMap<String, Output<String>>();
        region.fleet().domainsIn(self.region()).stream()
                .filter(p -> !p.owner().equals(self.region()) && databases.containsKey(p.domain().name()))
                .forEach(p -> secondaries.put(p.domain().name(), databases.get(p.domain().name()).clusterIdentifier));
        var alarms = secondaries.isEmpty() ? Optional.<ReplicationAlarms>empty()
                : Optional.of(new ReplicationAlarms(ALARMS, alarmArgs(region, secondaries), region.inRegion()));
        return new DataLayer(databases, caches, alarms);
    }

    private static ReplicationAlarmsArgs alarmArgs(RegionContext region, Map<String, Output<String>> secondaries) {
        var config = region.fleet().settings().data();
        var args = ReplicationAlarmsArgs.builder().secondaries(secondaries).facts(region.facts());
        config.warningSeconds().ifPresent(args::warningSeconds);
        config.criticalSeconds().ifPresent(args::criticalSeconds);
        return args.build();
    }

    /** The data part of the cross-stack contract: per domain, this region's endpoints. */
    public RegionOutputs.Data outputs() {
        var owned = new TreeMap<String, AuroraGlobalDatabase>();
        databases.forEach((d, db) -> db.masterPassword.ifPresent(p -> owned.put(d, db)));
        return new RegionOutputs.Data(byDomain(databases, db -> db.clusterEndpoint), byDomain(databases, db -> db.readerEndpoint),
                byDomain(databases, db -> db.secretArn.orElse(Output.of(""))),
                byDomain(owned, db -> db.masterPassword.orElseThrow()).asSecret(),
                byDomain(caches, c -> c.primaryEndpoint), byDomain(caches, c -> c.globalReplicationGroupId),
                byDomain(caches, c -> c.authToken.orElse(Output.of(""))).asSecret());
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
