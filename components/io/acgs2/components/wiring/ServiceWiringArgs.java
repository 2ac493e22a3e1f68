package io.acgs2.components.wiring;

import com.pulumi.core.Output;
import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.common.AwsFacts;
import io.acgs2.components.compute.ClusterCore;
import io.acgs2.components.network.Ipv4Cidr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Inputs of {@link ServiceWiring}: one service's data in one region, resolved. Build with {@link #builder()}. */
public final class ServiceWiringArgs {

    /**
     * A domain's database here.
     *
     * @param domain            the data domain
     * @param zone              its zone
     * @param host              where the service connects for its access: the cluster (writer) endpoint in
     *                          the domain's writer region, elsewhere the reader endpoint, which forwards
     *                          writes to the primary (Aurora global write forwarding)
     * @param readerHost        the region's reader endpoint
     * @param writeForwarding   whether writes here are forwarded (not the writer region)
     * @param databaseName      the database
     * @param clusterResourceId the region's cluster resource id (cluster-...): names it in rds-db:connect
     * @param access            read or read-write
     */
    public record Database(String domain, String zone, Output<String> host, Output<String> readerHost, boolean writeForwarding,
                           String databaseName, Output<String> clusterResourceId, StoreAccess access) {
    }

    /**
     * A domain's cache here (TLS, AUTH token).
     *
     * @param host      read-write: the region's member's primary endpoint (writable where the datastore's
     *                  primary is; elsewhere a read-only replica until a failover promotes it); read: its reader endpoint
     * @param authToken the datastore's AUTH token (secret)
     * @param writesIn  the region the domain writes in (the cache's primary after switchovers follow it)
     */
    public record Cache(String domain, String zone, Output<String> host, Output<String> authToken, String writesIn, StoreAccess access) {
    }

    /** A domain's bucket here, with its key. */
    public record Bucket(String domain, String zone, Output<String> name, Output<String> arn, Output<String> kmsKeyArn, StoreAccess access) {
    }

    /**
     * The region's Kafka, and the topics (with their domains' zones) the service uses.
     *
     * @param name              the Kafka's name (strimzi.io/cluster)
     * @param namespace         its namespace (the User Operator's: KafkaUsers go there)
     * @param bootstrap         host:port of its tls listener (mutual TLS)
     * @param clusterCaCertPem  what the service trusts for the brokers
     * @param clientsCaCertPem  the clients CA (signs the service's certificate)
     * @param clientsCaKeyPem   its key (secret)
     * @param topics            per topic, how the service uses it
     * @param topicZones        per topic, its domain's zone
     * @param after             the Kafka (its KafkaUser waits for it, and so for the operator and its CRDs)
     */
    public record Kafka(String name, String namespace, String bootstrap, Output<String> clusterCaCertPem, Output<String> clientsCaCertPem,
                        Output<String> clientsCaKeyPem, Map<String, Set<TopicAccess>> topics, Map<String, String> topicZones,
                        List<com.pulumi.resources.Resource> after) {
    }

    private String service;
    private String namespace;
    private String region;
    private ClusterCore cluster;
    private AwsFacts facts;
    private Ipv4Cidr isolatedRange;
    private List<Database> databases;
    private List<Cache> caches;
    private List<Bucket> buckets;
    private Kafka kafka;

    private ServiceWiringArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The service (a DNS label). Required. */
    public String service() {
        return service;
    }

    /** The services namespace. Required. */
    public String namespace() {
        return namespace;
    }

    /** The region. Required. */
    public String region() {
        return region;
    }

    /** The region's cluster: its name for Pod Identity. Required. */
    public ClusterCore cluster() {
        return cluster;
    }

    /** The account and partition the role's policy names. Required. */
    public AwsFacts facts() {
        return facts;
    }

    /** The region's isolated subnets' range: where its databases and caches are (egress goes only there). Required. */
    public Ipv4Cidr isolatedRange() {
        return isolatedRange;
    }

    public List<Database> databases() {
        return databases;
    }

    public List<Cache> caches() {
        return caches;
    }

    public List<Bucket> buckets() {
        return buckets;
    }

    /** Default: none (the service uses no topic here). */
    public java.util.Optional<Kafka> kafka() {
        return java.util.Optional.ofNullable(kafka);
    }

    /** The domains wired here, with their zones: what the wiring's objects declare (acgs2.io/data-domains). */
    public Map<String, String> domainZones() {
        var m = new java.util.TreeMap<String, String>();
        databases.forEach(d -> m.put(d.domain(), d.zone()));
        caches.forEach(c -> m.put(c.domain(), c.zone()));
        buckets.forEach(b -> m.put(b.domain(), b.zone()));
        return m;
    }

    public static final class Builder {
        private String service;
        private String namespace;
        private String region;
        private ClusterCore cluster;
        private AwsFacts facts;
        private Ipv4Cidr isolatedRange;
        private final List<Database> databases = new ArrayList<>();
        private final List<Cache> caches = new ArrayList<>();
        private final List<Bucket> buckets = new ArrayList<>();
        private Kafka kafka;

        private Builder() {
        }

        public Builder service(String v) {
            this.service = v;
            return this;
        }

        public Builder namespace(String v) {
            this.namespace = v;
            return this;
        }

        public Builder region(String v) {
            this.region = v;
            return this;
        }

        public Builder cluster(ClusterCore v) {
            this.cluster = v;
            return this;
        }

        public Builder facts(AwsFacts v) {
            this.facts = v;
            return this;
        }

        public Builder isolatedRange(Ipv4Cidr v) {
            this.isolatedRange = v;
            return this;
        }

        public Builder database(Database v) {
            this.databases.add(v);
            return this;
        }

        public Builder cache(Cache v) {
            this.caches.add(v);
            return this;
        }

        public Builder bucket(Bucket v) {
            this.buckets.add(v);
            return this;
        }

        public Builder kafka(Kafka v) {
            this.kafka = v;
            return this;
        }

        public ServiceWiringArgs build() {
            var p = new ArgsProblems("ServiceWiringArgs");
            p.require("service", service, "name the service");
            p.require("namespace", namespace, "pass the services namespace");
            p.require("region", region, "pass the region");
            p.require("cluster", cluster, "pass the region's cluster");
            p.require("facts", facts, "pass the region's AwsFacts");
            p.require("isolatedRange", isolatedRange, "pass CidrPlan.range(vpc, ISOLATED)");
            if (service != null && !service.matches("^[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?$")) {
                p.add("service", "'" + service + "' is not a DNS label of at most 40 characters", "rename the service");
            }
            if (kafka != null && kafka.topics().isEmpty()) {
                p.add("kafka", "names no topic", "pass kafka only with the topics the service uses");
            }
            if (kafka != null) {
                kafka.topics().keySet().stream().filter(t -> !kafka.topicZones().containsKey(t)).forEach(t ->
                        p.add("kafka.topicZones", "has no zone for topic " + t, "pass the zone of every topic's domain"));
            }
            var domains = new java.util.HashSet<String>();
            databases.stream().map(Database::domain).filter(d -> !domains.add(d)).forEach(d ->
                    p.add("databases", "names domain " + d + " twice", "pass one database per domain"));
            p.throwIfAny();
            var a = new ServiceWiringArgs();
            a.service = service;
            a.namespace = namespace;
            a.region = region;
            a.cluster = cluster;
            a.facts = facts;
            a.isolatedRange = isolatedRange;
            a.databases = List.copyOf(databases);
            a.caches = List.copyOf(caches);
            a.buckets = List.copyOf(buckets);
            a.kafka = kafka;
            return a;
        }
    }
}
