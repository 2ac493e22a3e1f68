package io.acgs2.components.events;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.storage.v1.StorageClass;
import com.pulumi.kubernetes.storage.v1.StorageClassArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.acgs2.components.common.Tags;
import io.acgs2.components.kubernetes.KubernetesObject;
import io.acgs2.components.kubernetes.KubernetesObjectArgs;
import io.acgs2.components.kubernetes.KubernetesPlugin;
import io.acgs2.components.tls.CertSubjectArgs;
import io.acgs2.components.tls.PrivateKey;
import io.acgs2.components.tls.PrivateKeyArgs;
import io.acgs2.components.tls.SelfSignedCert;
import io.acgs2.components.tls.SelfSignedCertArgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One region's Kafka (Strimzi {@code kafka.strimzi.io/v1}, KRaft), pinned to
 * {@link StrimziVersions#KAFKA}:
 * <ul>
 *   <li>node pools: KRaft controllers and brokers, or dual-role nodes for a small region, spread
 *       over the AZs with rack awareness; each on a gp3 volume encrypted with the cluster's EBS key
 *       (a StorageClass that keeps volumes: reclaim Retain, and Strimzi's {@code deleteClaim:
 *       false}). The Kafka and its node pools are {@code protect}ed: deleting them takes the
 *       brokers down, and the volumes would stay;</li>
 *   <li>{@code default.replication.factor} 3 and {@code min.insync.replicas} 2, simple
 *       authorization, only TLS listeners: {@code tls} (9093, mutual TLS) for the region's services,
 *       and {@code mirror} (9094, SCRAM-SHA-512) for the other regions' MirrorMaker 2, on internal
 *       NLBs (a bootstrap Service made here, per-broker Services by Strimzi) whose security group
 *       admits nothing until a mirror edge opens it to a peer VPC;</li>
 *   <li>the cluster CA is made here ({@code tls} binding; Strimzi's own generation off), so its
 *       certificate is known to Pulumi and exported: the other regions' mirrors trust exactly it;</li>
 *   <li>so is the clients CA, which the tls listener trusts for client certificates: the services'
 *       certificates are signed by it here ({@code tls-external} KafkaUsers), so they live in the
 *       services' namespace, where Strimzi's User Operator (which writes only into this one) could
 *       not put them. Its two secrets are server-side-apply patches forced over other managers, so
 *       the first {@code up} of a cluster whose clients CA Strimzi generated takes them over
 *       (their new generation rolls the brokers once; nothing used the old CA);</li>
 *   <li>a KafkaTopic per topic placed here, labelled with its domain's zone.</li>
 * </ul>
 */
public class KafkaCluster extends ComponentResource {

    public static final String TYPE = "acgs2:events:KafkaCluster";
    public static final int TLS_PORT = 9093;
    public static final int MIRROR_PORT = 9094;
    public static final String STORAGE_CLASS = "acgs2-kafka-gp3";
    public static final String LABEL_ZONE = "acgs2.io/data-zone";
    public static final String LABEL_DOMAIN = "acgs2.io/data-domain";
    public static final String ANNOTATION_REGION = "acgs2.io/region";

    /** The cluster CA certificate (PEM): clients and mirrors trust it. */
    public final Output<String> clusterCaCertPem;
    /** The clients CA certificate (PEM): the tls listener trusts the client certificates it signs. */
    public final Output<String> clientsCaCertPem;
    /** The clients CA key (PEM, secret): signs the services' client certificates. */
    public final Output<String> clientsCaKeyPem;
    /** host:port of the tls listener, inside the cluster. */
    public final String internalBootstrap;
    /** host:port of the mirror listener's internal NLB. */
    public final Output<String> mirrorBootstrap;
    /** The mirror NLBs' security group: a mirror edge opens it to a peer VPC. */
    public final Output<String> mirrorSecurityGroupId;
    /** The Kafka and its node pools (mirrors and users wait for them). */
    public final List<Resource> ready;

    public KafkaCluster(String name, KafkaClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var cluster = args.cluster();
        var ns = args.namespace();
        var kafka = args.name();
        var inComponent = CustomResourceOptions.builder().parent(this).build();

        // ---- the cluster CA, ours: its certificate is what other regions trust ----
        var caKey = new PrivateKey(name + "-ca-key", PrivateKeyArgs.builder().algorithm("ECDSA").ecdsaCurve("P384").build(), inComponent);
        var ca = new SelfSignedCert(name + "-ca", SelfSignedCertArgs.builder()
                .privateKeyPem(caKey.privateKeyPem())
                .subject(CertSubjectArgs.builder().organization("ACGS-2").commonName("ACGS-2 Kafka cluster CA " + args.region()).build())
                .isCaCertificate(true)
                .setSubjectKeyId(true)
                .allowedUses(List.of("cert_signing", "crl_signing", "digital_signature", "key_encipherment"))
                .validityPeriodHours(args.caValidityDays() * 24)
                .earlyRenewalHours(30 * 24)
                .build(), inComponent);
        var strimziLabels = Map.of("strimzi.io/kind", "Kafka", "strimzi.io/cluster", kafka);
        var clientsCa = clientsCa(name, args, kafka, ns, strimziLabels, inComponent);
        // Strimzi rolls the brokers onto a new CA when the generation changes: derived from the
        // certificate, so a renewed CA (a new validity start) is a new generation
        var generation = ca.validityStartTime().applyValue(KafkaCluster::caGeneration);
        var caCert = new Secret(name + "-ca-cert", SecretArgs.builder()
                .metadata(generation.applyValue(g -> ObjectMetaArgs.builder().name(kafka + "-cluster-ca-cert").namespace(ns)
                        .labels(strimziLabels).annotations(g).build()))
                .stringData(ca.certPem().applyValue(pem -> Map.of("ca.crt", pem)))
                .build(), kube(cluster, args.after()));
        var caSecret = new Secret(name + "-ca-secret", SecretArgs.builder()
                .metadata(generation.applyValue(g -> ObjectMetaArgs.builder().name(kafka + "-cluster-ca").namespace(ns)
                        .labels(strimziLabels).annotations(g).build()))
                .stringData(caKey.privateKeyPem().applyValue(pem -> Map.of("ca.key", pem)).asSecret())
                .build(), kube(cluster, args.after()));

        // ---- storage: encrypted with the cluster's key, kept when claims go ----
        var storage = new StorageClass(name + "-storage", StorageClassArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(STORAGE_CLASS).build())
                .provisioner("ebs.csi.aws.com")
                .parameters(args.ebsKeyArn().applyValue(key -> Map.of("type", "gp3", "encrypted", "true", "kmsKeyId", key)))
                .reclaimPolicy("Retain")
                .volumeBindingMode("WaitForFirstConsumer")
                .allowVolumeExpansion(true)
                .build(), kube(cluster, args.after()));

        // ---- the mirror listener's load balancers: internal, closed until an edge opens them ----
        var sg = new SecurityGroup(name + "-mirror", SecurityGroupArgs.builder()
                .description("Kafka mirror listener NLBs of " + kafka + ": peer VPCs only (added per mirror edge)")
                .vpcId(cluster.vpcId())
                .tags(Tags.name(name + "-mirror"))
                .build(), inComponent);
        new SecurityGroupEgressRule(name + "-mirror-to-brokers", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(sg.id())
                .referencedSecurityGroupId(args.clusterSecurityGroupId())
                .ipProtocol("tcp").fromPort(MIRROR_PORT).toPort(MIRROR_PORT)
                .description("to the brokers (IP targets) on " + MIRROR_PORT)
                .tags(Tags.name(name + "-mirror-to-brokers"))
                .build(), CustomResourceOptions.builder().parent(sg).build());
        var lbAnnotations = sg.id().applyValue(io.acgs2.components.kubernetes.InternalLoadBalancer::annotations);

        // ---- node pools and the Kafka ----
        var after = new ArrayList<Resource>(args.after());
        after.add(caCert);
        after.add(caSecret);
        after.addAll(clientsCa.secrets());
        after.add(storage);
        var protect = KubernetesPlugin.pinned(CustomResourceOptions.builder().parent(this).provider(cluster.kubernetesProvider())
                .dependsOn(after).protect(true).build());
        var pools = new ArrayList<Resource>();
        var s = args.sizing();
        if (s.controllers() > 0) {
            pools.add(object(name + "-controllers", "KafkaNodePool", meta("controllers", ns, Map.of("strimzi.io/cluster", kafka)),
                    nodePool(kafka, "controllers", s.controllers(), List.of("controller"), s.storageGiB()), protect));
            pools.add(object(name + "-brokers", "KafkaNodePool", meta("brokers", ns, Map.of("strimzi.io/cluster", kafka)),
                    nodePool(kafka, "brokers", s.brokers(), List.of("broker"), s.storageGiB()), protect));
        } else {
            pools.add(object(name + "-nodes", "KafkaNodePool", meta("nodes", ns, Map.of("strimzi.io/cluster", kafka)),
                    nodePool(kafka, "nodes", s.brokers(), List.of("controller", "broker"), s.storageGiB()), protect));
        }
        var kafkaCr = new KubernetesObject(name + "-kafka", KubernetesObjectArgs.builder()
                .apiVersion(StrimziVersions.API).kind("Kafka")
                .metadata(Map.of("name", kafka, "namespace", ns, "labels", Map.of("app.kubernetes.io/part-of", "acgs2")))
                .spec(Output.tuple(lbAnnotations, cluster.vpcCidrs())
                        .applyValue(t -> kafkaSpec(t.t1, args.servicesNamespace(), t.t2, args.region())))
                .build(), protect);
        var ready = new ArrayList<Resource>(pools);
        ready.add(kafkaCr);

        // ---- the mirror bootstrap: made here so its address is known (awaited until the brokers serve) ----
        var bootstrap = new Service(name + "-mirror-bootstrap", ServiceArgs.builder()
                .metadata(lbAnnotations.applyValue(a -> ObjectMetaArgs.builder().name(kafka + "-mirror-bootstrap").namespace(ns)
                        .annotations(a).build()))
                .spec(ServiceSpecArgs.builder()
                        .type("LoadBalancer")
                        .selector(Map.of("strimzi.io/cluster", kafka, "strimzi.io/broker-role", "true"))
                        .ports(ServicePortArgs.builder().name("tcp-mirror").port(MIRROR_PORT).targetPort(MIRROR_PORT).protocol("TCP").build())
                        .build())
                // awaited until a broker serves behind it: the first `up` of a region waits for Strimzi to
                // start the brokers, longer than the provider's default 10 minutes may allow
                .build(), CustomResourceOptions.merge(KubernetesPlugin.inCluster(this, cluster.kubernetesProvider(), ready),
                CustomResourceOptions.builder().customTimeouts(com.pulumi.resources.CustomTimeouts.builder()
                        .create(java.time.Duration.ofMinutes(30)).update(java.time.Duration.ofMinutes(30)).build()).build()));

        // the namespace denies by default: the region's services reach the tls listener, the NLBs the mirror one
        new KubernetesObject(name + "-from-services", KubernetesObjectArgs.builder()
                .apiVersion("networking.k8s.io/v1").kind("NetworkPolicy")
                .metadata(Map.of("name", "allow-services-to-kafka", "namespace", ns))
                .spec(Map.of("podSelector", Map.of("matchLabels", Map.of("strimzi.io/cluster", kafka, "strimzi.io/broker-role", "true")),
                        "policyTypes", List.of("Ingress"),
                        "ingress", List.of(Map.of("from", List.of(Map.of("namespaceSelector", Map.of("matchLabels",
                                        Map.of("kubernetes.io/metadata.name", args.servicesNamespace())))),
                                "ports", List.of(Map.of("protocol", "TCP", "port", TLS_PORT))))))
                .build(), kube(cluster, args.after()));
        new KubernetesObject(name + "-from-mirror-nlb", KubernetesObjectArgs.builder()
                .apiVersion("networking.k8s.io/v1").kind("NetworkPolicy")
                .metadata(Map.of("name", "allow-mirror-listener", "namespace", ns))
                .spec(cluster.vpcCidrs().applyValue(cidrs -> Map.<String, Object>of(
                        "podSelector", Map.of("matchLabels", Map.of("strimzi.io/cluster", kafka, "strimzi.io/broker-role", "true")),
                        "policyTypes", List.of("Ingress"),
                        // IP targets: the NLB's own addresses in this VPC reach the brokers
                        "ingress", List.of(Map.of("from", cidrs.stream().map(c -> (Object) Map.of("ipBlock", Map.of("cidr", c))).toList(),
                                "ports", List.of(Map.of("protocol", "TCP", "port", MIRROR_PORT)))))))
                .build(), kube(cluster, args.after()));

        for (var t : args.topics()) {
            var spec = t.spec();
            var labels = new LinkedHashMap<String, Object>();
            labels.put("strimzi.io/cluster", kafka);
            labels.put(LABEL_ZONE, t.zone());
            labels.put(LABEL_DOMAIN, spec.domain());
            object(name + "-topic-" + spec.name(), "KafkaTopic", Map.of("name", spec.name(), "namespace", ns, "labels", labels,
                            "annotations", Map.of(ANNOTATION_REGION, args.region())),
                    Map.of("partitions", spec.partitions(), "replicas", spec.replicas(), "config", Map.of(
                            "retention.ms", String.valueOf(spec.retentionHours() * 3_600_000L),
                            "min.insync.replicas", String.valueOf(Math.min(2, spec.replicas())),
                            "cleanup.policy", "delete")),
                    KubernetesPlugin.inCluster(this, cluster.kubernetesProvider(), List.of(kafkaCr)));
        }

        this.clusterCaCertPem = ca.certPem();
        this.clientsCaCertPem = clientsCa.cert().certPem();
        this.clientsCaKeyPem = clientsCa.key().privateKeyPem().asSecret();
        this.internalBootstrap = internalBootstrap(kafka, ns);
        this.mirrorBootstrap = bootstrap.status().applyValue(st -> st == null ? "" : st.flatMap(x -> x.loadBalancer())
                .flatMap(lb -> lb.ingress().stream().findFirst()).flatMap(i -> i.hostname().or(i::ip)).map(h -> h + ":" + MIRROR_PORT)
                .orElse(""));
        this.mirrorSecurityGroupId = sg.id();
        this.ready = List.copyOf(ready);
        this.registerOutputs(Map.of("clusterCaCertPem", clusterCaCertPem, "clientsCaCertPem", clientsCaCertPem, "mirrorBootstrap", mirrorBootstrap,
                "mirrorSecurityGroupId", mirrorSecurityGroupId, "internalBootstrap", Output.of(internalBootstrap)));
    }

    /** The clients CA: key, certificate, and its two Strimzi secrets. */
    private record ClientsCa(PrivateKey key, SelfSignedCert cert, List<Resource> secrets) {
    }

    /**
     * The clients CA, ours like the cluster CA: {@code <kafka>-clients-ca-cert} (ca.crt) and
     * {@code <kafka>-clients-ca} (ca.key), each a SecretPatch forced over Strimzi's field manager
     * ({@value #PATCH_FORCE}): created in a new cluster, taken over in one where Strimzi generated
     * them. Strimzi reads only ca.crt and ca.key of a CA it does not generate; a PKCS #12 it left is
     * never read again.
     */
    private ClientsCa clientsCa(String name, KafkaClusterArgs args, String kafka, String ns, Map<String, String> labels,
                                CustomResourceOptions inComponent) {
        var key = new PrivateKey(name + "-clients-ca-key", PrivateKeyArgs.builder().algorithm("ECDSA").ecdsaCurve("P384").build(),
                inComponent);
        var cert = new SelfSignedCert(name + "-clients-ca", SelfSignedCertArgs.builder()
                .privateKeyPem(key.privateKeyPem())
                // a CN of its own: Strimzi's generated clients CA is "clients-ca"
                .subject(CertSubjectArgs.builder().organization("ACGS-2").commonName("ACGS-2 Kafka clients CA " + args.region()).build())
                .isCaCertificate(true)
                .setSubjectKeyId(true)
                .allowedUses(List.of("cert_signing", "crl_signing", "digital_signature"))
                .validityPeriodHours(args.caValidityDays() * 24)
                .earlyRenewalHours(30 * 24)
                .build(), inComponent);
        var generation = cert.validityStartTime().applyValue(KafkaCluster::caGeneration);
        var options = kube(args.cluster(), args.after());
        var certSecret = new com.pulumi.kubernetes.core.v1.SecretPatch(name + "-clients-ca-cert",
                com.pulumi.kubernetes.core.v1.SecretPatchArgs.builder()
                        .metadata(generation.applyValue(g -> patchMeta(kafka + "-clients-ca-cert", ns, labels, g)))
                        .stringData(cert.certPem().applyValue(pem -> Map.of("ca.crt", pem)))
                        .build(), options);
        var keySecret = new com.pulumi.kubernetes.core.v1.SecretPatch(name + "-clients-ca-secret",
                com.pulumi.kubernetes.core.v1.SecretPatchArgs.builder()
                        .metadata(generation.applyValue(g -> patchMeta(kafka + "-clients-ca", ns, labels, g)))
                        .stringData(key.privateKeyPem().applyValue(pem -> Map.of("ca.key", pem)).asSecret())
                        .build(), options);
        return new ClientsCa(key, cert, List.of(certSecret, keySecret));
    }

    /** Forced over other field managers: Strimzi's, where it generated the secret first. */
    static final String PATCH_FORCE = "pulumi.com/patchForce";

    private static com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaPatchArgs patchMeta(String secret, String ns, Map<String, String> labels,
                                                                                     Map<String, String> generation) {
        var annotations = new java.util.TreeMap<>(generation);
        annotations.put(PATCH_FORCE, "true");
        return com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaPatchArgs.builder().name(secret).namespace(ns).labels(labels)
                .annotations(annotations).build();
    }

    /** host:port of a Kafka's tls listener inside its cluster (Strimzi's bootstrap Service). */
    public static String internalBootstrap(String kafka, String namespace) {
        return kafka + "-kafka-bootstrap." + namespace + ".svc:" + TLS_PORT;
    }

    private CustomResourceOptions kube(io.acgs2.components.compute.ClusterCore cluster, List<Resource> after) {
        return KubernetesPlugin.inCluster(this, cluster.kubernetesProvider(), after);
    }

    private KubernetesObject object(String name, String kind, Map<String, Object> metadata, Map<String, Object> spec,
                                    CustomResourceOptions options) {
        return new KubernetesObject(name, KubernetesObjectArgs.builder().apiVersion(StrimziVersions.API).kind(kind)
                .metadata(metadata).spec(spec).build(), options);
    }

    private static Map<String, Object> meta(String name, String namespace, Map<String, Object> labels) {
        return Map.of("name", name, "namespace", namespace, "labels", labels);
    }

    /** The CA generation of a certificate: its validity start in minutes since the epoch. */
    static Map<String, String> caGeneration(String validityStart) {
        var generation = String.valueOf(java.time.Instant.parse(validityStart).getEpochSecond() / 60);
        return Map.of("strimzi.io/ca-cert-generation", generation, "strimzi.io/ca-key-generation", generation);
    }

    static Map<String, Object> nodePool(String kafka, String pool, int replicas, List<String> roles, int storageGiB) {
        // one pod per zone before a second in any (rack awareness labels the brokers; this places them)
        var spread = Map.of("maxSkew", 1, "topologyKey", "topology.kubernetes.io/zone", "whenUnsatisfiable", "DoNotSchedule",
                "labelSelector", Map.of("matchLabels", Map.of("strimzi.io/cluster", kafka, "strimzi.io/pool-name", pool)));
        return Map.of("replicas", replicas, "roles", roles, "storage", Map.of("type", "jbod", "volumes", List.of(Map.of(
                "id", 0, "type", "persistent-claim", "size", storageGiB + "Gi", "class", STORAGE_CLASS,
                // the volume outlives its claim: data survives a node pool's deletion
                "deleteClaim", false, "kraftMetadata", "shared"))),
                "template", Map.of("pod", Map.of("topologySpreadConstraints", List.of(spread))));
    }

    /** The names AWS gives this region's load balancers: the mirror listener's certificates carry them. */
    static String loadBalancerNames(String region) {
        return "*.elb." + region + (region.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com");
    }

    static Map<String, Object> kafkaSpec(Map<String, String> lbAnnotations, String servicesNamespace, List<String> vpcCidrs,
                                         String region) {
        var config = new LinkedHashMap<String, Object>();
        config.put("default.replication.factor", 3);
        config.put("min.insync.replicas", 2);
        config.put("offsets.topic.replication.factor", 3);
        config.put("transaction.state.log.replication.factor", 3);
        config.put("transaction.state.log.min.isr", 2);
        config.put("auto.create.topics.enable", false);
        var listeners = List.<Object>of(
                // the operator's NetworkPolicy opens each listener to these peers only (default: every pod)
                Map.of("name", "tls", "port", TLS_PORT, "type", "internal", "tls", true, "authentication", Map.of("type", "tls"),
                        "networkPolicyPeers", List.of(
                                Map.of("namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", servicesNamespace))),
                                // this namespace: MirrorMaker 2 writes here, the entity operator manages topics and users
                                Map.of("podSelector", Map.of()))),
                Map.of("name", "mirror", "port", MIRROR_PORT, "type", "loadbalancer", "tls", true,
                        "authentication", Map.of("type", "scram-sha-512"),
                        // IP targets: the NLBs' own addresses in this VPC
                        "networkPolicyPeers", vpcCidrs.stream().map(c -> (Object) Map.of("ipBlock", Map.of("cidr", c))).toList(),
                        // the bootstrap Service is ours (its address must be known to Pulumi); its AWS name is in the
                        // certificates (Strimzi adds the per-broker load balancers' own), so clients verify host names
                        "configuration", Map.of("createBootstrapService", false,
                                "bootstrap", Map.of("alternativeNames", List.of(loadBalancerNames(region))))));
        return Map.of(
                "kafka", Map.of(
                        "version", StrimziVersions.KAFKA,
                        "listeners", listeners,
                        "authorization", Map.of("type", "simple"),
                        // Strimzi's metrics reporter on tcp-prometheus (9404): the region's managed collector scrapes it
                        "metricsConfig", Map.of("type", "strimziMetricsReporter"),
                        "config", config,
                        "rack", Map.of("topologyKey", "topology.kubernetes.io/zone"),
                        "template", Map.of("perPodService", Map.of("metadata", Map.of("annotations", lbAnnotations)))),
                // our CA: Strimzi renews the broker certificates it signs, never the CA itself
                "clusterCa", Map.of("generateCertificateAuthority", false),
                // and our clients CA: it signs the services' certificates (tls-external users)
                "clientsCa", Map.of("generateCertificateAuthority", false),
                "entityOperator", Map.of("topicOperator", Map.of(), "userOperator", Map.of()),
                // consumer group lag and per-partition offsets (tcp-prometheus 9404), for the region's collector
                "kafkaExporter", Map.of("topicRegex", ".*", "groupRegex", ".*", "resources", Map.of(
                        "requests", Map.of("cpu", "100m", "memory", "128Mi"), "limits", Map.of("cpu", "500m", "memory", "128Mi"))));
    }
}
