package io.acgs2.stacks.layers;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.events.KafkaCluster;
import io.acgs2.components.events.KafkaClusterArgs;
import io.acgs2.components.events.MirrorMaker2Edge;
import io.acgs2.components.events.MirrorMaker2EdgeArgs;
import io.acgs2.components.events.StrimziOperator;
import io.acgs2.components.events.StrimziOperatorArgs;
import io.acgs2.components.events.TopicSpec;
import io.acgs2.components.random.RandomProvider;
import io.acgs2.components.tls.TlsProvider;
import io.acgs2.stacks.Peer;
import io.acgs2.stacks.RegionContext;
import io.acgs2.stacks.RegionOutputs;
import io.acgs2.stacks.config.EventsSection;
import io.acgs2.stacks.config.KafkaSection;
import io.acgs2.stacks.config.RegionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The events layer of a region: the Strimzi operator, the region's Kafka with the topics of the
 * data domains that live here, and, for every earlier region of the partition that shares a domain
 * with this one, the two mirror edges between them (this region owns both, as it owns the network
 * and mesh links; the edge into an earlier region runs in that region's cluster, reached through the
 * mesh layer's provider for it). Takes the compute layer's cluster and the mesh layer's peer providers.
 *
 * @param operator the Strimzi operator
 * @param kafka    the region's Kafka
 * @param edges    the mirror edges this region owns, by "source-to-target"
 */
public record EventsLayer(StrimziOperator operator, KafkaCluster kafka, SortedMap<String, MirrorMaker2Edge> edges, String kafkaName) {

    public static final String OPERATOR = "acgs2-strimzi";
    public static final String KAFKA = "acgs2-kafka";
    public static final String EDGE_PREFIX = "acgs2-mirror-";

    public static EventsLayer deploy(RegionContext region, ComputeLayer compute, MeshLayer mesh) {
        var self = region.spec();
        var settings = region.fleet().settings();
        EventsSection.Config events = settings.section(EventsSection.SECTION);
        KafkaSection.Config local = self.section(KafkaSection.SECTION);
        var core = compute.cluster().core;
        var kafkaName = kafkaName(self);

        var operator = new StrimziOperator(OPERATOR, StrimziOperatorArgs.builder()
                .cluster(core).after(compute.baseline().ready).build(), region.inRegion());

        // the topics of the domains placed here, and this stack's own
        var args = KafkaClusterArgs.builder()
                .name(kafkaName)
                .region(self.region())
                .cluster(core)
                .ebsKeyArn(compute.cluster().ebsKeyArn)
                .clusterSecurityGroupId(compute.cluster().clusterSecurityGroupId)
                .sizing(local.sizing())
                .after(List.of(operator.release));
        var here = topicsIn(region, self.region());
        here.values().forEach(args::topic);
        local.localTopics().values().forEach(t -> args.topic(new KafkaClusterArgs.Placed(t, zoneOf(region, t))));
        var kafka = new KafkaCluster(KAFKA, args.build(), ComponentResourceOptions.builder().providers(region.provider(),
                new TlsProvider("tls-kafka-" + self.region(), CustomResourceOptions.builder().build())).build());

        // ---- the mirror edges this region owns: both directions with every earlier region sharing a topic ----
        var edges = new TreeMap<String, MirrorMaker2Edge>();
        RandomProvider random = null;
        for (var peer : region.peers()) {
            var shared = new TreeMap<String, String>();
            var there = topicsIn(region, peer.spec().region());
            here.forEach((name, placed) -> {
                if (there.containsKey(name)) {
                    shared.put(name, placed.zone());
                }
            });
            if (shared.isEmpty()) {
                continue;
            }
            if (random == null) {
                random = new RandomProvider("random-events-" + self.region(), CustomResourceOptions.builder().build());
            }
            var options = ComponentResourceOptions.builder().providers(region.provider(), random).build();
            var peerKube = mesh.peerClusters().get(peer.spec().region());
            var peerEvents = peer.outputs().events();
            var selfSource = new MirrorMaker2EdgeArgs.Source(self.region(), kafkaName, kafka.clusterCaCertPem, kafka.mirrorBootstrap,
                    kafka.mirrorSecurityGroupId, self.cidrTexts(), core.kubernetesProvider(), region.provider());
            var peerSource = new MirrorMaker2EdgeArgs.Source(peer.spec().region(), kafkaName(peer.spec()),
                    peer.require(peerEvents.kafkaClusterCaCertPem(), "kafkaClusterCaCertPem"),
                    peer.require(peerEvents.kafkaMirrorBootstrap(), "kafkaMirrorBootstrap (its Kafka must be serving)"),
                    peer.require(peerEvents.kafkaMirrorSecurityGroupId(), "kafkaMirrorSecurityGroupId"),
                    peer.spec().cidrTexts(), peerKube, peer.provider());
            var selfTarget = new MirrorMaker2EdgeArgs.Target(self.region(), kafkaName, kafka.internalBootstrap, self.cidrTexts(),
                    core.kubernetesProvider());
            var peerTarget = new MirrorMaker2EdgeArgs.Target(peer.spec().region(), kafkaName(peer.spec()),
                    KafkaCluster.internalBootstrap(kafkaName(peer.spec()), StrimziOperatorArgs.DEFAULT_NAMESPACE), peer.spec().cidrTexts(), peerKube);
            var in = peer.spec().region() + "-to-" + self.region();
            edges.put(in, new MirrorMaker2Edge(EDGE_PREFIX + in, MirrorMaker2EdgeArgs.builder()
                    .source(peerSource).target(selfTarget).topics(shared).after(List.of(operator.release)).build(), options));
            var out = self.region() + "-to-" + peer.spec().region();
            edges.put(out, new MirrorMaker2Edge(EDGE_PREFIX + out, MirrorMaker2EdgeArgs.builder()
                    .source(selfSource).target(peerTarget).topics(shared).after(List.of(operator.release)).build(), options));
        }
        return new EventsLayer(operator, kafka, edges, kafkaName);
    }

    /** A region's Kafka is named for it: a mirror names its source (and prefixes topics) by region. */
    static String kafkaName(RegionSpec spec) {
        return "acgs2-" + spec.region();
    }

    /** The fleet-wide topics whose domain lives in {@code r}, with their domain's zone. */
    static SortedMap<String, KafkaClusterArgs.Placed> topicsIn(RegionContext region, String r) {
        var out = new TreeMap<String, KafkaClusterArgs.Placed>();
        EventsSection.Config events = region.fleet().settings().section(EventsSection.SECTION);
        if (events == null) {
            return out;
        }
        var placements = region.fleet().placements();
        for (TopicSpec t : events.topics().values()) {
            var p = placements.get(t.domain());
            if (p != null && p.includes(r)) {
                out.put(t.name(), new KafkaClusterArgs.Placed(t, p.domain().zone()));
            }
        }
        return out;
    }

    private static String zoneOf(RegionContext region, TopicSpec t) {
        var p = region.fleet().placements().get(t.domain());
        return p == null ? region.spec().zone() : p.domain().zone();
    }

    /** The events part of the cross-stack contract. */
    public RegionOutputs.Events outputs() {
        return new RegionOutputs.Events(Output.of(kafkaName), Output.of(kafka.internalBootstrap), kafka.mirrorBootstrap,
                kafka.clusterCaCertPem, kafka.mirrorSecurityGroupId);
    }
}
