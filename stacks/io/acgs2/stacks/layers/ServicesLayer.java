package io.acgs2.stacks.layers;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.acgs2.components.data.AuroraGlobalDatabaseArgs;
import io.acgs2.components.data.DataStore;
import io.acgs2.components.events.StrimziOperatorArgs;
import io.acgs2.components.mesh.AcgsService;
import io.acgs2.components.mesh.AcgsServiceArgs;
import io.acgs2.components.network.CidrPlan;
import io.acgs2.components.network.SubnetTier;
import io.acgs2.components.tls.TlsProvider;
import io.acgs2.components.wiring.AccessPolicy;
import io.acgs2.components.wiring.DatabaseUsers;
import io.acgs2.components.wiring.DatabaseUsersArgs;
import io.acgs2.components.wiring.ServiceWiring;
import io.acgs2.components.wiring.ServiceWiringArgs;
import io.acgs2.components.wiring.StoreAccess;
import io.acgs2.components.wiring.StoreEntries;
import io.acgs2.components.wiring.WiringPlanner;
import io.acgs2.stacks.RegionContext;
import io.acgs2.stacks.config.ServicesSection;

import java.util.ArrayList;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The services layer of a region: the ACGS services in the mesh (routing, failover, runtime
 * residency), each wired to the data it declared of the domains placed here and to nothing else
 * ({@link WiringPlanner}): its identity and role, endpoints, secrets and egress
 * ({@link ServiceWiring}), the database users of each domain database (one {@link DatabaseUsers}
 * Job per database), and the mesh registry entries of the stores ({@link StoreEntries}). Writes
 * from a secondary region go to its own cluster, which forwards them to the primary (Aurora global
 * write forwarding): no service here has a path to another region's store. Takes the network
 * layer's ranges, the compute layer's cluster, the data layer's stores, the mesh and the events
 * layer's Kafka.
 *
 * @param services      the ACGS services here, by name
 * @param wiring        each service's wiring here, by name (services that use data here)
 * @param databaseUsers the database users Job of each domain database used here, by domain
 * @param entries       the stores' mesh registry entries, if any service uses a store here
 */
public record ServicesLayer(SortedMap<String, AcgsService> services, SortedMap<String, ServiceWiring> wiring,
                            SortedMap<String, DatabaseUsers> databaseUsers, java.util.Optional<StoreEntries> entries) {

    public static final String SERVICE_PREFIX = MeshLayer.SERVICE_PREFIX;
    public static final String WIRING_PREFIX = "acgs2-wiring-";
    public static final String DB_USERS_PREFIX = "acgs2-db-users-";
    public static final String ENTRIES = "acgs2-store-entries";

    public static ServicesLayer deploy(RegionContext region, NetworkLayer network, ComputeLayer compute, DataLayer data, MeshLayer mesh,
                                       EventsLayer events) {
        var self = region.spec();
        var fleet = region.fleet();
        var settings = fleet.settings();
        ServicesSection.Config services = settings.section(ServicesSection.SECTION);
        if (services == null) {
            services = ServicesSection.Config.none();
        }
        var core = compute.cluster().core;
        var namespace = MeshLayer.servicesNamespace(compute);
        var isolated = CidrPlan.range(self.network().vpcCidr(), SubnetTier.ISOLATED);
        var here = new WiringPlanner.Region(self.region(), self.zone());

        // ---- what each service running here is wired to ----
        var running = services.apps().values().stream().filter(app -> fleet.runs(app, self)).toList();
        var plans = new TreeMap<String, WiringPlanner.RegionWiring>();
        running.forEach(app -> plans.put(app.name(), WiringPlanner.plan(app.name(), app.data(), here, fleet.placements())));

        // ---- the database users, one Job per domain database, before any service connects ----
        var users = new TreeMap<String, DatabaseUsers>();
        var byDomain = new TreeMap<String, Map<String, StoreAccess>>();
        plans.values().forEach(p -> p.domains().forEach(d -> d.access(DataStore.DATABASE).ifPresent(a ->
                byDomain.computeIfAbsent(d.domain(), k -> new TreeMap<>()).put(AccessPolicy.databaseUser(p.service()), a))));
        byDomain.forEach((domain, roles) -> {
            var db = data.databases().get(domain);
            var args = DatabaseUsersArgs.builder()
                    .domain(domain)
                    .zone(fleet.placements().get(domain).domain().zone())
                    .region(self.region())
                    .namespace(namespace)
                    .writerHost(db.clusterEndpoint)
                    .readerHost(db.readerEndpoint)
                    .databaseName(AuroraGlobalDatabaseArgs.DEFAULT_DATABASE_NAME)
                    .masterSecretArn(data.masterSecretArn(domain))
                    .masterSecretKeyArn(db.kmsKeyArn)
                    .cluster(core)
                    .facts(region.facts())
                    .isolatedRange(isolated);
            roles.forEach(args::user);
            users.put(domain, new DatabaseUsers(DB_USERS_PREFIX + domain, args.build(), ComponentResourceOptions.builder()
                    .providers(region.provider(), core.kubernetesProvider()).build()));
        });

        // ---- the stores' registry entries ----
        var domainZones = new TreeMap<String, String>();
        var bucketNames = new ArrayList<Output<String>>();
        var anyDatabase = false;
        var anyCache = false;
        for (var p : plans.values()) {
            for (var d : p.domains()) {
                if (d.stores().isEmpty()) {
                    continue;
                }
                domainZones.put(d.domain(), d.zone());
                anyDatabase |= d.stores().containsKey(DataStore.DATABASE);
                anyCache |= d.stores().containsKey(DataStore.CACHE);
                if (d.stores().containsKey(DataStore.BUCKET) && !bucketNames.contains(data.buckets().get(d.domain()).bucketName)) {
                    bucketNames.add(data.buckets().get(d.domain()).bucketName);
                }
            }
        }
        var entries = domainZones.isEmpty() ? java.util.Optional.<StoreEntries>empty()
                : java.util.Optional.of(new StoreEntries(ENTRIES, namespace, self.region(), isolated.toString(), anyDatabase, anyCache,
                bucketNames, domainZones, core.kubernetesProvider(), ComponentResourceOptions.builder().build()));

        // ---- each service's wiring ----
        var wiring = new TreeMap<String, ServiceWiring>();
        TlsProvider tls = null;
        for (var app : running) {
            var plan = plans.get(app.name());
            if (plan.isEmpty()) {
                continue;
            }
            var args = ServiceWiringArgs.builder()
                    .service(app.name())
                    .namespace(namespace)
                    .region(self.region())
                    .cluster(core)
                    .facts(region.facts())
                    .isolatedRange(isolated);
            var topics = new TreeMap<String, java.util.Set<io.acgs2.components.wiring.TopicAccess>>();
            var topicZones = new TreeMap<String, String>();
            for (var d : plan.domains()) {
                var writer = fleet.placements().get(d.domain()).domain().writer();
                d.access(DataStore.DATABASE).ifPresent(a -> {
                    var db = data.databases().get(d.domain());
                    var writes = self.region().equals(writer);
                    args.database(new ServiceWiringArgs.Database(d.domain(), d.zone(), writes ? db.clusterEndpoint : db.readerEndpoint,
                            db.readerEndpoint, !writes, AuroraGlobalDatabaseArgs.DEFAULT_DATABASE_NAME, db.clusterResourceId, a));
                });
                d.access(DataStore.CACHE).ifPresent(a -> {
                    var cache = data.caches().get(d.domain());
                    args.cache(new ServiceWiringArgs.Cache(d.domain(), d.zone(), a.writes() ? cache.primaryEndpoint : cache.readerEndpoint,
                            cache.authToken.orElseThrow(), writer, a));
                });
                d.access(DataStore.BUCKET).ifPresent(a -> {
                    var bucket = data.buckets().get(d.domain());
                    args.bucket(new ServiceWiringArgs.Bucket(d.domain(), d.zone(), bucket.bucketName, bucket.bucketArn, bucket.kmsKeyArn, a));
                });
                d.topics().forEach((t, how) -> {
                    topics.put(t, how);
                    topicZones.put(t, d.zone());
                });
            }
            if (!topics.isEmpty()) {
                var kafka = events.kafka();
                args.kafka(new ServiceWiringArgs.Kafka(events.kafkaName(), StrimziOperatorArgs.DEFAULT_NAMESPACE, kafka.internalBootstrap,
                        kafka.clusterCaCertPem, kafka.clientsCaCertPem, kafka.clientsCaKeyPem, topics, topicZones, kafka.ready));
            }
            if (tls == null) {
                tls = new TlsProvider("tls-wiring-" + self.region(), CustomResourceOptions.builder().build());
            }
            wiring.put(app.name(), new ServiceWiring(WIRING_PREFIX + app.name(), args.build(), ComponentResourceOptions.builder()
                    .providers(region.provider(), core.kubernetesProvider(), tls).build()));
        }

        // ---- the services, refusing the tenants whose zone does not allow this region ----
        var denied = new ArrayList<String>();
        settings.tenants().values().forEach(t -> {
            var zone = settings.zones().get(t.zone());
            if (zone == null || !zone.regions().contains(self.region())) {
                denied.add(t.id());
            }
        });
        var apps = new TreeMap<String, AcgsService>();
        for (var app : running) {
            var args = AcgsServiceArgs.builder()
                    .spec(app)
                    .region(self.region())
                    .namespace(namespace)
                    .tenantHeader(services.tenantHeader())
                    .tenantClaim(services.tenantClaim())
                    .deniedTenants(denied)
                    .jwt(services.jwt())
                    .after(mesh.istio().ready);
            var wired = wiring.get(app.name());
            if (wired != null) {
                var ready = new ArrayList<Resource>(wired.pod.ready());
                plans.get(app.name()).domains().stream().filter(d -> d.stores().containsKey(DataStore.DATABASE))
                        .forEach(d -> ready.add(users.get(d.domain()).job));
                entries.ifPresent(e -> ready.addAll(e.entries));
                var pod = wired.pod;
                args.wiring(new io.acgs2.components.mesh.PodWiring(pod.serviceAccount(), pod.configMap(), pod.secrets(),
                        pod.annotations(), ready, pod.revision()));
            }
            apps.put(app.name(), new AcgsService(SERVICE_PREFIX + app.name(), args.build(),
                    ComponentResourceOptions.builder().providers(core.kubernetesProvider()).build()));
        }
        return new ServicesLayer(apps, wiring, users, entries);
    }

    /** Each service's failover bound here (the mesh part of the contract reports them). */
    public SortedMap<String, Double> failoverBounds() {
        var bounds = new TreeMap<String, Double>();
        services.forEach((n, s) -> bounds.put(n, s.failoverBoundSeconds));
        return bounds;
    }

    /** Whether the service runs here (a tenant's own service runs only in its zone). */
    public boolean runs(String service) {
        return services.containsKey(service);
    }
}
