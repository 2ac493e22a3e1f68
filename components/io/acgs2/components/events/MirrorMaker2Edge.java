package io.acgs2.components.events;

import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.acgs2.components.common.Json;
import io.acgs2.components.common.Tags;
import io.acgs2.components.kubernetes.KubernetesObject;
import io.acgs2.components.kubernetes.KubernetesObjectArgs;
import io.acgs2.components.kubernetes.KubernetesPlugin;
import io.acgs2.components.random.RandomPassword;
import io.acgs2.components.random.RandomPasswordArgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One directed mirror edge: MirrorMaker 2 in the target region copies exactly the topics whose
 * domain includes both regions (an exact {@code topicsPattern}, never a wildcard) from the source
 * region, each to {@code <source region>.<topic>}, and its checkpoint connector keeps consumer group
 * offsets in step, so a consumer can move to the mirrored topic (the README's Kafka failover).
 *
 * <p>Made by the later region of the pair, for both directions: in the source cluster a read-only
 * SCRAM user with a generated password (and 9094 opened to the target VPC on the source's mirror
 * load balancers), in the target cluster the password, the source's cluster CA (the only CA the
 * mirror trusts for the source), a mutual-TLS user for the local Kafka, the KafkaMirrorMaker2 and
 * its egress. Offset syncs are written to the target, so the source user only reads.
 */
public class MirrorMaker2Edge extends ComponentResource {

    public static final String TYPE = "acgs2:events:MirrorMaker2Edge";
    public static final String ANNOTATION_REGIONS = "acgs2.io/cluster-regions";
    public static final String ANNOTATION_TOPICS = "acgs2.io/mirrored-topics";

    public MirrorMaker2Edge(String name, MirrorMaker2EdgeArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var source = args.source();
        var target = args.target();
        var ns = args.namespace();
        // Both directions of a pair put objects in both clusters: every name carries the edge, never
        // just the other region, or the two edges of a pair would claim the same names.
        var edge = edgeName(source.region(), target.region());
        var sourceUser = edge + "-source";
        var targetUser = edge + "-target";
        var password = new RandomPassword(name + "-password", RandomPasswordArgs.builder().length(32).special(false).build(),
                CustomResourceOptions.builder().parent(this).build());

        // ---- in the source cluster: a read-only user, and the door for the target VPC ----
        var inSource = KubernetesPlugin.pinned(CustomResourceOptions.builder().parent(this).provider(source.kubernetes()).build());
        var sourceSecret = new Secret(name + "-source-password", SecretArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(edge + "-scram").namespace(ns).build())
                .stringData(password.result().applyValue(p -> Map.of("password", p)).asSecret())
                .build(), inSource);
        new KubernetesObject(name + "-source-user", KubernetesObjectArgs.builder()
                .apiVersion(StrimziVersions.API).kind("KafkaUser")
                .metadata(Map.of("name", sourceUser, "namespace", ns, "labels", Map.of("strimzi.io/cluster", source.kafka()),
                        "annotations", userAnnotations(source.region(), args)))
                .spec(sourceUserSpec(edge + "-scram", args.topics().keySet().stream().toList()))
                .build(), KubernetesPlugin.pinned(CustomResourceOptions.builder().parent(this).provider(source.kubernetes())
                .dependsOn(withAfter(args, sourceSecret)).build()));
        for (int i = 0; i < target.vpcCidrs().size(); i++) {
            var suffix = target.vpcCidrs().size() == 1 ? "" : "-" + i;
            new SecurityGroupIngressRule(name + "-from-target" + suffix, SecurityGroupIngressRuleArgs.builder()
                    .securityGroupId(source.mirrorSecurityGroupId())
                    .cidrIpv4(target.vpcCidrs().get(i)).ipProtocol("tcp").fromPort(KafkaCluster.MIRROR_PORT).toPort(KafkaCluster.MIRROR_PORT)
                    .description("Kafka mirror listener from " + target.region() + " MirrorMaker 2")
                    .tags(Tags.name(name + "-from-target" + suffix))
                    .build(), CustomResourceOptions.builder().parent(this).provider(source.aws()).build());
        }

        // ---- in the target cluster: the mirror ----
        var inTarget = KubernetesPlugin.pinned(CustomResourceOptions.builder().parent(this).provider(target.kubernetes()).build());
        var targetSecret = new Secret(name + "-target-password", SecretArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(edge + "-scram").namespace(ns).build())
                .stringData(password.result().applyValue(p -> Map.of("password", p)).asSecret())
                .build(), inTarget);
        var sourceCa = new Secret(name + "-source-ca", SecretArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(source.kafka() + "-source-ca").namespace(ns).build())
                .stringData(source.clusterCaCertPem().applyValue(pem -> Map.of("ca.crt", pem)))
                .build(), inTarget);
        var localUser = new KubernetesObject(name + "-target-user", KubernetesObjectArgs.builder()
                .apiVersion(StrimziVersions.API).kind("KafkaUser")
                .metadata(Map.of("name", targetUser, "namespace", ns, "labels", Map.of("strimzi.io/cluster", target.kafka()),
                        "annotations", userAnnotations(target.region(), args)))
                .spec(targetUserSpec(source.region()))
                .build(), KubernetesPlugin.inCluster(this, target.kubernetes(), args.after()));
        var labels = new LinkedHashMap<String, Object>();
        labels.put("app.kubernetes.io/part-of", "acgs2");
        var zones = args.topics().values().stream().distinct().sorted().toList();
        labels.put(KafkaCluster.LABEL_ZONE, zones.size() == 1 ? zones.get(0) : "mixed");
        var annotations = Map.<String, Object>of(
                ANNOTATION_REGIONS, Json.write(Map.of(source.region(), source.region(), target.region(), target.region())),
                ANNOTATION_TOPICS, Json.write(args.topics()));
        new KubernetesObject(name + "-mirror", KubernetesObjectArgs.builder()
                .apiVersion(StrimziVersions.API).kind("KafkaMirrorMaker2")
                .metadata(Map.of("name", edge, "namespace", ns, "labels", labels, "annotations", annotations))
                .spec(source.mirrorBootstrap().applyValue(bootstrap -> mirrorSpec(args, bootstrap, targetUser, sourceUser, edge + "-scram")))
                .build(), KubernetesPlugin.pinned(CustomResourceOptions.builder().parent(this).provider(target.kubernetes())
                .dependsOn(List.of(targetSecret, sourceCa, localUser)).build()));
        var to = source.vpcCidrs().stream().map(c -> (Object) Map.of("ipBlock", Map.of("cidr", c))).toList();
        new KubernetesObject(name + "-egress", KubernetesObjectArgs.builder()
                .apiVersion("networking.k8s.io/v1").kind("NetworkPolicy")
                .metadata(Map.of("name", "allow-mirror-from-" + source.region(), "namespace", ns))
                .spec(Map.of("podSelector", Map.of("matchLabels", Map.of("strimzi.io/cluster", edge)), "policyTypes", List.of("Egress"),
                        // the source's load balancers are in its VPC
                        "egress", List.of(Map.of("to", to, "ports", List.of(Map.of("protocol", "TCP", "port", KafkaCluster.MIRROR_PORT))))))
                .build(), inTarget);
        this.registerOutputs(Map.of("topicsPattern", Output.of(args.topicsPattern())));
    }

    /**
     * What a mirror's user declares for the gate (kafka-user-acls-in-region): its cluster's region and
     * the edge's topics with their zones (the source reads them; the target writes their copies).
     */
    static Map<String, Object> userAnnotations(String region, MirrorMaker2EdgeArgs args) {
        return Map.of(ANNOTATION_REGION, region, ANNOTATION_USER_TOPICS, Json.write(new java.util.TreeMap<>(args.topics())));
    }

    /** The region of a user's cluster. */
    public static final String ANNOTATION_REGION = "acgs2.io/region";
    /** JSON {topic: zone} of the topics a user's ACLs concern. */
    public static final String ANNOTATION_USER_TOPICS = "acgs2.io/topics";

    private static List<Resource> withAfter(MirrorMaker2EdgeArgs args, Resource first) {
        var out = new ArrayList<Resource>(args.after());
        out.add(first);
        return out;
    }

    /** The edge's name: its KafkaMirrorMaker2, and the prefix of its users and secrets in both clusters. */
    public static String edgeName(String sourceRegion, String targetRegion) {
        return "mm2-" + sourceRegion + "-to-" + targetRegion;
    }

    static Map<String, Object> sourceUserSpec(String secret, List<String> topics) {
        var acls = new ArrayList<Object>();
        for (var t : topics) {
            acls.add(Map.of("resource", Map.of("type", "topic", "name", t, "patternType", "literal"),
                    "operations", List.of("Read", "Describe", "DescribeConfigs")));
        }
        // the checkpoint connector reads the source's consumer groups and their offsets
        acls.add(Map.of("resource", Map.of("type", "group", "name", "*", "patternType", "literal"), "operations", List.of("Describe", "Read")));
        acls.add(Map.of("resource", Map.of("type", "cluster"), "operations", List.of("Describe")));
        return Map.of(
                "authentication", Map.of("type", "scram-sha-512",
                        "password", Map.of("valueFrom", Map.of("secretKeyRef", Map.of("name", secret, "key", "password")))),
                "authorization", Map.of("type", "simple", "acls", acls));
    }

    static Map<String, Object> targetUserSpec(String sourceRegion) {
        var all = List.of("All");
        return Map.of("authentication", Map.of("type", "tls"), "authorization", Map.of("type", "simple", "acls", List.of(
                Map.of("resource", Map.of("type", "topic", "name", sourceRegion + ".", "patternType", "prefix"), "operations", all),
                Map.of("resource", Map.of("type", "topic", "name", "mirrormaker2-" + sourceRegion + "-", "patternType", "prefix"), "operations", all),
                Map.of("resource", Map.of("type", "topic", "name", "mm2-", "patternType", "prefix"), "operations", all),
                Map.of("resource", Map.of("type", "topic", "name", "heartbeats", "patternType", "literal"), "operations", all),
                // the checkpoint connector writes the consumer groups' translated offsets here
                Map.of("resource", Map.of("type", "group", "name", "*", "patternType", "literal"), "operations", all),
                Map.of("resource", Map.of("type", "cluster"), "operations", List.of("Describe", "DescribeConfigs")))));
    }

    static Map<String, Object> mirrorSpec(MirrorMaker2EdgeArgs args, String sourceBootstrap, String targetUser, String sourceUser,
                                          String passwordSecret) {
        var source = args.source();
        var target = args.target();
        var rf = Map.of("config.storage.replication.factor", 3, "offset.storage.replication.factor", 3,
                "status.storage.replication.factor", 3);
        var targetSpec = new LinkedHashMap<String, Object>();
        targetSpec.put("alias", target.region());
        targetSpec.put("bootstrapServers", target.internalBootstrap());
        targetSpec.put("groupId", "mirrormaker2-" + source.region());
        targetSpec.put("configStorageTopic", "mirrormaker2-" + source.region() + "-configs");
        targetSpec.put("offsetStorageTopic", "mirrormaker2-" + source.region() + "-offsets");
        targetSpec.put("statusStorageTopic", "mirrormaker2-" + source.region() + "-status");
        targetSpec.put("tls", Map.of("trustedCertificates", List.of(Map.of("secretName", target.kafka() + "-cluster-ca-cert",
                "certificate", "ca.crt"))));
        targetSpec.put("authentication", Map.of("type", "tls", "certificateAndKey", Map.of("secretName", targetUser,
                "certificate", "user.crt", "key", "user.key")));
        targetSpec.put("config", rf);
        var sourceSpec = new LinkedHashMap<String, Object>();
        sourceSpec.put("alias", source.region());
        sourceSpec.put("bootstrapServers", sourceBootstrap);
        sourceSpec.put("tls", Map.of("trustedCertificates", List.of(Map.of("secretName", source.kafka() + "-source-ca",
                "certificate", "ca.crt"))));
        sourceSpec.put("authentication", Map.of("type", "scram-sha-512", "username", sourceUser,
                "passwordSecret", Map.of("secretName", passwordSecret, "password", "password")));
        // host names verified (Kafka's default, https): the source's broker certificates carry its load
        // balancers' names, and trust is the source region's own cluster CA
        var mirror = new LinkedHashMap<String, Object>();
        mirror.put("source", sourceSpec);
        mirror.put("topicsPattern", args.topicsPattern());
        mirror.put("groupsPattern", ".*");
        mirror.put("sourceConnector", Map.of("tasksMax", 2, "config", Map.of(
                "replication.factor", 3,
                "offset-syncs.topic.replication.factor", 3,
                // written to the target: the source user only reads
                "offset-syncs.topic.location", "target",
                "sync.topic.acls.enabled", "false",
                "refresh.topics.interval.seconds", 60)));
        mirror.put("checkpointConnector", Map.of("tasksMax", 1, "config", Map.of(
                "checkpoints.topic.replication.factor", 3,
                "offset-syncs.topic.location", "target",
                "sync.group.offsets.enabled", "true",
                "sync.group.offsets.interval.seconds", 60,
                "emit.checkpoints.interval.seconds", 60)));
        return Map.of(
                "version", StrimziVersions.KAFKA,
                "replicas", 1,
                "target", targetSpec,
                "mirrors", List.of(mirror),
                // the connectors' replication latency and checkpoint age, for the region's alerts
                "metricsConfig", Map.of("type", "strimziMetricsReporter"),
                "resources", Map.of("requests", Map.of("cpu", "500m", "memory", "1Gi"), "limits", Map.of("cpu", "1", "memory", "1Gi")));
    }
}
