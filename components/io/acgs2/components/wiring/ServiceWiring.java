package io.acgs2.components.wiring;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.acgs2.components.common.Json;
import io.acgs2.components.common.PodIdentityRole;
import io.acgs2.components.common.Tags;
import io.acgs2.components.kubernetes.KubernetesObject;
import io.acgs2.components.kubernetes.KubernetesObjectArgs;
import io.acgs2.components.kubernetes.KubernetesPlugin;
import io.acgs2.components.mesh.AcgsService;
import io.acgs2.components.mesh.PodWiring;
import io.acgs2.components.tls.CertRequest;
import io.acgs2.components.tls.CertRequestArgs;
import io.acgs2.components.tls.CertSubjectArgs;
import io.acgs2.components.tls.LocallySignedCert;
import io.acgs2.components.tls.LocallySignedCertArgs;
import io.acgs2.components.tls.PrivateKey;
import io.acgs2.components.tls.PrivateKeyArgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One service's data in one region: what it declared of the domains placed here, and nothing else.
 * <ul>
 *   <li>identity: a ServiceAccount, and (when it needs AWS at all) an IAM role that only EKS Pod
 *       Identity assumes, its inline policy from {@link AccessPolicy} (its database user, its
 *       buckets, their keys through S3 only) and the Pod Identity association;</li>
 *   <li>endpoints: a ConfigMap {@code <service>-data} the pods read as environment
 *       ({@link #endpoints}): per domain the database host (writer, or forwarding reader), reader,
 *       name and user (IAM authentication: no password), the cache host (TLS) and where the cache
 *       takes writes, the bucket; the Kafka bootstrap, topics and consumer group;</li>
 *   <li>secrets, mounted read-only, never in the pod template: the caches' AUTH token
 *       ({@code <service>-cache}), and a client certificate for Kafka ({@code <service>-kafka}:
 *       subject exactly {@code CN=svc-<service>}, signed here by the region's clients CA) with a
 *       {@code tls-external} KafkaUser {@code svc-<service>} whose ACLs name exactly its topics and
 *       its consumer group ({@link #kafkaUser});</li>
 *   <li>egress: a NetworkPolicy ({@link #egress}) that lets its pods reach only its stores: 5432
 *       and 6379 in the region's isolated range, 9093 on the region's brokers, 443 outside the
 *       private ranges for S3, and the Pod Identity agent.</li>
 * </ul>
 * Every object names the domains it wires and their zones (annotation {@value #ANNOTATION_DOMAINS},
 * tag {@value #TAG_DOMAINS}): the gate checks each is placed in this region.
 */
public class ServiceWiring extends ComponentResource {

    public static final String TYPE = "acgs2:wiring:ServiceWiring";
    /** JSON {domain: zone} of what an object wires. */
    public static final String ANNOTATION_DOMAINS = "acgs2.io/data-domains";
    /** "domain:zone domain:zone" on the role (IAM tag values allow letters, digits, spaces and _.:/=+-@ only). */
    public static final String TAG_DOMAINS = "acgs2:data-domains";
    public static final String ANNOTATION_REGION = "acgs2.io/region";
    public static final String LABEL_SERVICE = "acgs2.io/service";
    /** The EKS Pod Identity agent (link-local, on every node): the SDKs fetch credentials there over HTTP. */
    public static final String POD_IDENTITY_AGENT = "169.254.170.23/32";
    public static final String CACHE_MOUNT = "/var/run/acgs2/cache";
    public static final String KAFKA_MOUNT = "/var/run/acgs2/kafka";
    public static final int POSTGRES_PORT = 5432;
    public static final int REDIS_PORT = 6379;
    public static final int KAFKA_TLS_PORT = 9093;
    /** Client certificates last a year and are renewed by the first up in their last 30 days. */
    public static final int CLIENT_CERT_DAYS = 365;
    public static final int CLIENT_CERT_RENEWAL_DAYS = 30;
    static final List<String> PRIVATE_RANGES = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10");

    /** What the service's pods get (the Deployment waits for {@link PodWiring#ready()}). */
    public final PodWiring pod;
    /** The role's ARN, when the service needs AWS here. */
    public final java.util.Optional<Output<String>> roleArn;

    public ServiceWiring(String name, ServiceWiringArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var service = args.service();
        var ns = args.namespace();
        var cluster = args.cluster();
        var provider = cluster.kubernetesProvider();
        var inComponent = CustomResourceOptions.builder().parent(this).build();
        var domains = Json.write(args.domainZones());
        var labels = Map.of(AcgsService.LABEL_NAME, service, "app.kubernetes.io/part-of", "acgs2", LABEL_SERVICE, service);
        var annotations = Map.of(ANNOTATION_DOMAINS, domains, ANNOTATION_REGION, args.region());
        var ready = new ArrayList<Resource>();

        var account = new ServiceAccount(name + "-account", ServiceAccountArgs.builder()
                .metadata(meta(service, ns, labels, annotations))
                .automountServiceAccountToken(false)
                .build(), KubernetesPlugin.inCluster(this, provider, List.of()));
        ready.add(account);

        // ---- the role: only what it declared, through Pod Identity ----
        var databases = Output.all(args.databases().stream().map(d -> d.clusterResourceId()).toList());
        var buckets = Output.all(args.buckets().stream().flatMap(b -> java.util.stream.Stream.of(b.arn(), b.kmsKeyArn())).toList());
        var facts = args.facts();
        var document = Output.tuple(facts.partition(), facts.accountId(), databases, buckets).applyValue(t -> {
            var dbs = new ArrayList<AccessPolicy.Database>();
            for (int i = 0; i < args.databases().size(); i++) {
                dbs.add(new AccessPolicy.Database(args.databases().get(i).domain(), t.t3.get(i), AccessPolicy.databaseUser(service)));
            }
            var bs = new ArrayList<AccessPolicy.Bucket>();
            for (int i = 0; i < args.buckets().size(); i++) {
                var b = args.buckets().get(i);
                bs.add(new AccessPolicy.Bucket(b.domain(), t.t4.get(2 * i), t.t4.get(2 * i + 1), b.access()));
            }
            return AccessPolicy.document(t.t1, args.region(), t.t2, dbs, bs).orElse("");
        });
        java.util.Optional<Output<String>> roleArn = java.util.Optional.empty();
        if (!args.databases().isEmpty() || !args.buckets().isEmpty()) {
            var identity = PodIdentityRole.create(this, name, "Pod Identity role of " + service + " in " + args.region() + ": its data only",
                    Map.of(TAG_DOMAINS, tagValue(args.domainZones()), "acgs2:service", service), facts.accountId(), document,
                    cluster.clusterName(), ns, service, account);
            ready.add(identity.association());
            var role = identity.role();
            roleArn = java.util.Optional.of(role.arn());
        }
        this.roleArn = roleArn;

        // ---- secrets, mounted ----
        var secrets = new TreeMap<String, String>();
        var revisionParts = new ArrayList<Output<String>>();
        if (!args.caches().isEmpty()) {
            var tokens = Output.all(args.caches().stream().map(ServiceWiringArgs.Cache::authToken).toList()).applyValue(values -> {
                var m = new TreeMap<String, String>();
                for (int i = 0; i < values.size(); i++) {
                    m.put(args.caches().get(i).domain(), values.get(i));
                }
                return (Map<String, String>) m;
            }).asSecret();
            ready.add(new Secret(name + "-cache", SecretArgs.builder()
                    .metadata(meta(service + "-cache", ns, labels, annotations))
                    .type("Opaque")
                    .stringData(tokens)
                    .build(), KubernetesPlugin.inCluster(this, provider, List.of())));
            secrets.put(CACHE_MOUNT, service + "-cache");
        }
        args.kafka().ifPresent(kafka -> {
            var key = new PrivateKey(name + "-kafka-key", PrivateKeyArgs.builder().algorithm("ECDSA").ecdsaCurve("P256").build(), inComponent);
            var request = new CertRequest(name + "-kafka-request", CertRequestArgs.builder()
                    .privateKeyPem(key.privateKeyPem())
                    // Kafka's principal is the whole subject: exactly CN=<the KafkaUser's name>
                    .subject(CertSubjectArgs.builder().commonName(kafkaUserName(service)).build())
                    .build(), inComponent);
            var cert = new LocallySignedCert(name + "-kafka-cert", LocallySignedCertArgs.builder()
                    .certRequestPem(request.certRequestPem())
                    .caCertPem(kafka.clientsCaCertPem())
                    .caPrivateKeyPem(kafka.clientsCaKeyPem())
                    .allowedUses(List.of("digital_signature", "key_encipherment", "client_auth"))
                    .validityPeriodHours(CLIENT_CERT_DAYS * 24)
                    .earlyRenewalHours(CLIENT_CERT_RENEWAL_DAYS * 24)
                    .build(), inComponent);
            var files = Output.tuple(cert.certPem(), key.privateKeyPem(), kafka.clusterCaCertPem()).applyValue(t -> {
                var m = new TreeMap<String, String>();
                m.put("tls.crt", t.t1);
                m.put("tls.key", t.t2);
                m.put("ca.crt", t.t3);
                return (Map<String, String>) m;
            }).asSecret();
            ready.add(new Secret(name + "-kafka", SecretArgs.builder()
                    .metadata(meta(service + "-kafka", ns, labels, annotations))
                    .type("Opaque")
                    .stringData(files)
                    .build(), KubernetesPlugin.inCluster(this, provider, List.of())));
            secrets.put(KAFKA_MOUNT, service + "-kafka");
            revisionParts.add(cert.certPem());
            var userAnnotations = new TreeMap<String, Object>(annotations);
            userAnnotations.put(ANNOTATION_TOPICS, Json.write(new TreeMap<>(kafka.topicZones())));
            ready.add(new KubernetesObject(name + "-kafka-user", KubernetesObjectArgs.builder()
                    .apiVersion(io.acgs2.components.events.StrimziVersions.API).kind("KafkaUser")
                    .metadata(Map.of("name", kafkaUserName(service), "namespace", kafka.namespace(),
                            "labels", Map.of("strimzi.io/cluster", kafka.name(), LABEL_SERVICE, service, "app.kubernetes.io/part-of", "acgs2"),
                            "annotations", userAnnotations))
                    .spec(kafkaUser(service, kafka.topics()))
                    .build(), KubernetesPlugin.inCluster(this, provider, kafka.after())));
        });

        // ---- endpoints, and the egress that reaches exactly them ----
        var endpoints = endpoints(args);
        ready.add(new ConfigMap(name + "-endpoints", ConfigMapArgs.builder()
                .metadata(meta(service + "-data", ns, labels, annotations))
                .data(endpoints)
                .build(), KubernetesPlugin.inCluster(this, provider, List.of())));
        var egressMeta = new LinkedHashMap<String, Object>();
        egressMeta.put("name", service + "-data-egress");
        egressMeta.put("namespace", ns);
        egressMeta.put("labels", labels);
        egressMeta.put("annotations", annotations);
        ready.add(new KubernetesObject(name + "-egress", KubernetesObjectArgs.builder()
                .apiVersion("networking.k8s.io/v1").kind("NetworkPolicy")
                .metadata(egressMeta)
                .spec(egress(service, args.isolatedRange().toString(), !args.databases().isEmpty(), !args.caches().isEmpty(),
                        args.kafka().map(ServiceWiringArgs.Kafka::name), args.kafka().map(ServiceWiringArgs.Kafka::namespace),
                        !args.buckets().isEmpty(), roleArn.isPresent()))
                .build(), KubernetesPlugin.inCluster(this, provider, List.of())));

        revisionParts.add(endpoints.applyValue(Json::write));
        var revision = Output.all(revisionParts).applyValue(parts -> PodIdentityRole.digest(16, parts.toArray(String[]::new)));
        var podAnnotations = roleArn.isPresent()
                // the agent is plain HTTP on a link-local address the mesh registry does not hold: not captured
                ? Map.of("traffic.sidecar.istio.io/excludeOutboundIPRanges", POD_IDENTITY_AGENT) : Map.<String, String>of();
        this.pod = new PodWiring(service, service + "-data", secrets, podAnnotations, ready, revision);
        this.registerOutputs(Map.of("serviceAccount", Output.of(service), "roleArn", roleArn.orElse(Output.of(""))));
    }

    /** The KafkaUser annotation: JSON {topic: zone} of the topics its ACLs name. */
    public static final String ANNOTATION_TOPICS = io.acgs2.components.events.MirrorMaker2Edge.ANNOTATION_USER_TOPICS;

    /** The KafkaUser (and certificate CN) of a service: svc-<service>, apart from the mirrors' mm2-<region>. */
    public static String kafkaUserName(String service) {
        return "svc-" + service;
    }

    /** The consumer group a service consumes in: its own name. */
    public static String consumerGroup(String service) {
        return service;
    }

    /**
     * A {@code tls-external} KafkaUser: the certificate is ours; the ACLs name each topic literally
     * (produce: Write, Describe; consume: Read, Describe) and, when it consumes, its own group (Read).
     */
    static Map<String, Object> kafkaUser(String service, Map<String, java.util.Set<TopicAccess>> topics) {
        var acls = new ArrayList<Object>();
        var consumes = false;
        for (var t : new TreeMap<>(topics).entrySet()) {
            var ops = new ArrayList<String>();
            if (t.getValue().contains(TopicAccess.CONSUME)) {
                ops.add("Read");
                consumes = true;
            }
            if (t.getValue().contains(TopicAccess.PRODUCE)) {
                ops.add("Write");
            }
            ops.add("Describe");
            acls.add(Map.of("resource", Map.of("type", "topic", "name", t.getKey(), "patternType", "literal"), "operations", ops));
        }
        if (consumes) {
            acls.add(Map.of("resource", Map.of("type", "group", "name", consumerGroup(service), "patternType", "literal"),
                    "operations", List.of("Read")));
        }
        return Map.of("authentication", Map.of("type", "tls-external"),
                "authorization", Map.of("type", "simple", "acls", acls));
    }

    /**
     * The pods' egress to their stores, on top of the namespace's (DNS, API server, istiod, peers'
     * gateways): only the ports and places of what the service uses.
     */
    static Map<String, Object> egress(String service, String isolatedRange, boolean database, boolean cache,
                                      java.util.Optional<String> kafka, java.util.Optional<String> kafkaNamespace,
                                      boolean https, boolean podIdentity) {
        var rules = new ArrayList<Object>();
        var isolated = List.of(Map.of("ipBlock", Map.of("cidr", isolatedRange)));
        if (database) {
            rules.add(Map.of("to", isolated, "ports", List.of(Map.of("protocol", "TCP", "port", POSTGRES_PORT))));
        }
        if (cache) {
            rules.add(Map.of("to", isolated, "ports", List.of(Map.of("protocol", "TCP", "port", REDIS_PORT))));
        }
        kafka.ifPresent(k -> rules.add(Map.of("to", List.of(Map.of(
                        "namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", kafkaNamespace.orElseThrow())),
                        "podSelector", Map.of("matchLabels", Map.of("strimzi.io/cluster", k, "strimzi.io/broker-role", "true")))),
                "ports", List.of(Map.of("protocol", "TCP", "port", KAFKA_TLS_PORT)))));
        if (https) {
            // S3's regional endpoint has public addresses (no gateway endpoint here): 443 outside the private ranges
            rules.add(Map.of("to", List.of(Map.of("ipBlock", Map.of("cidr", "0.0.0.0/0", "except", PRIVATE_RANGES))),
                    "ports", List.of(Map.of("protocol", "TCP", "port", 443))));
        }
        if (podIdentity) {
            rules.add(Map.of("to", List.of(Map.of("ipBlock", Map.of("cidr", POD_IDENTITY_AGENT))),
                    "ports", List.of(Map.of("protocol", "TCP", "port", 80))));
        }
        return Map.of("podSelector", Map.of("matchLabels", Map.of(AcgsService.LABEL_NAME, service)),
                "policyTypes", List.of("Egress"),
                "egress", rules);
    }

    /**
     * The endpoints as environment: {@code ACGS2_<DOMAIN>_<STORE>_<FIELD>} (domain upper-cased, '-'
     * as '_'), {@code ACGS2_KAFKA_*}, and the AWS SDKs' region settings (regional endpoints only:
     * the mesh admits exactly those hosts).
     */
    static Output<Map<String, String>> endpoints(ServiceWiringArgs args) {
        var keys = new ArrayList<String>();
        var values = new ArrayList<Output<String>>();
        java.util.function.BiConsumer<String, Output<String>> put = (k, v) -> {
            keys.add(k);
            values.add(v);
        };
        put.accept("ACGS2_REGION", Output.of(args.region()));
        put.accept("AWS_REGION", Output.of(args.region()));
        put.accept("AWS_STS_REGIONAL_ENDPOINTS", Output.of("regional"));
        put.accept("AWS_S3_US_EAST_1_REGIONAL_ENDPOINT", Output.of("regional"));
        put.accept("ACGS2_DOMAINS", Output.of(String.join(",", args.domainZones().keySet())));
        for (var d : args.databases()) {
            var p = "ACGS2_" + envName(d.domain()) + "_DATABASE_";
            put.accept(p + "HOST", d.access().writes() ? d.host() : d.readerHost());
            put.accept(p + "READER_HOST", d.readerHost());
            put.accept(p + "PORT", Output.of(String.valueOf(POSTGRES_PORT)));
            put.accept(p + "NAME", Output.of(d.databaseName()));
            put.accept(p + "USER", Output.of(AccessPolicy.databaseUser(args.service())));
            put.accept(p + "AUTH", Output.of("iam"));
            put.accept(p + "SSLMODE", Output.of("verify-full"));
            put.accept(p + "ACCESS", Output.of(d.access().configValue()));
            // forwarded writes: each session sets apg_write_forward.consistency_mode (SESSION: it reads its own writes)
            put.accept(p + "WRITE_FORWARDING", Output.of(d.access().writes() && d.writeForwarding() ? "session" : "off"));
        }
        for (var c : args.caches()) {
            var p = "ACGS2_" + envName(c.domain()) + "_CACHE_";
            put.accept(p + "HOST", c.host());
            put.accept(p + "PORT", Output.of(String.valueOf(REDIS_PORT)));
            put.accept(p + "TLS", Output.of("true"));
            put.accept(p + "TOKEN_FILE", Output.of(CACHE_MOUNT + "/" + c.domain()));
            put.accept(p + "ACCESS", Output.of(c.access().configValue()));
            put.accept(p + "WRITES_IN", Output.of(c.writesIn()));
        }
        for (var b : args.buckets()) {
            var p = "ACGS2_" + envName(b.domain()) + "_BUCKET";
            put.accept(p, b.name());
            put.accept(p + "_ACCESS", Output.of(b.access().configValue()));
        }
        args.kafka().ifPresent(k -> {
            put.accept("ACGS2_KAFKA_BOOTSTRAP", Output.of(k.bootstrap()));
            put.accept("ACGS2_KAFKA_SECURITY_PROTOCOL", Output.of("SSL"));
            put.accept("ACGS2_KAFKA_CERT_DIR", Output.of(KAFKA_MOUNT));
            put.accept("ACGS2_KAFKA_GROUP", Output.of(consumerGroup(args.service())));
            put.accept("ACGS2_KAFKA_PRODUCE", Output.of(String.join(",", k.topics().entrySet().stream()
                    .filter(e -> e.getValue().contains(TopicAccess.PRODUCE)).map(Map.Entry::getKey).sorted().toList())));
            put.accept("ACGS2_KAFKA_CONSUME", Output.of(String.join(",", k.topics().entrySet().stream()
                    .filter(e -> e.getValue().contains(TopicAccess.CONSUME)).map(Map.Entry::getKey).sorted().toList())));
        });
        return Output.all(values).applyValue(vs -> {
            var m = new TreeMap<String, String>();
            for (int i = 0; i < keys.size(); i++) {
                m.put(keys.get(i), vs.get(i));
            }
            return (Map<String, String>) m;
        });
    }

    /** A domain as part of an environment variable name: gdpr-tenants → GDPR_TENANTS. */
    static String envName(String domain) {
        return domain.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** "platform:global us-tenants:us": an IAM tag value may hold neither JSON nor commas. */
    static String tagValue(Map<String, String> domainZones) {
        return String.join(" ", domainZones.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList());
    }

    private static ObjectMetaArgs meta(String name, String ns, Map<String, String> labels, Map<String, String> annotations) {
        return ObjectMetaArgs.builder().name(name).namespace(ns).labels(labels).annotations(annotations).build();
    }
}
