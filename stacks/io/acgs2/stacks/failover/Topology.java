package io.acgs2.stacks.failover;

import com.fasterxml.jackson.databind.JsonNode;
import io.acgs2.components.data.CacheGlobalDatastoreArgs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The fleet's topology, drawn from a plan snapshot: zones holding their regions, and every link
 * between regions the stacks register (Transit Gateway peerings, Aurora and ElastiCache global
 * members, S3 replication, backup copies, mesh links, MirrorMaker 2 edges) and the DNS names each
 * region answers for, each labelled with the stack that owns it. Renders as Mermaid or Graphviz dot.
 */
public final class Topology {

    static final String TAG_DOMAIN = io.acgs2.components.data.AuroraGlobalDatabase.TAG_DOMAIN;

    static final Pattern BUCKET = Pattern.compile("^(?:arn:[^:]*:s3:::)?acgs2-([a-z0-9-]+)-([a-z]{2}(?:-gov)?-[a-z]+-\\d)-\\d{12}$");
    static final Pattern ARN_REGION = Pattern.compile("^arn:[^:]+:[^:]+:([a-z0-9-]+):");

    /** A link: from, to (a region or a DNS name), what it is, and the stack that owns it. */
    public record Link(String from, String to, String kind, String owner) {
    }

    private Topology() {
    }

    /** Every link of the snapshot, sorted. */
    public static List<Link> links(JsonNode snapshot) {
        var links = new TreeSet<Link>(java.util.Comparator.comparing(Link::kind).thenComparing(Link::from).thenComparing(Link::to)
                .thenComparing(Link::owner));
        var globalOwners = new TreeMap<String, String>();
        var members = new ArrayList<String[]>();
        for (var stack : snapshot.path("stacks")) {
            var name = stack.path("stack").asText();
            var region = stack.path("outputs").path("region").asText(name);
            for (var r : stack.path("resources")) {
                var type = r.path("type").asText();
                var in = r.path("inputs");
                var at = providerRegion(r, region);
                switch (type) {
                    case "aws:ec2transitgateway/peeringAttachment:PeeringAttachment" ->
                            links.add(new Link(at, in.path("peerRegion").asText(), "Transit Gateway peering", name));
                    case "aws:rds/globalCluster:GlobalCluster" -> globalOwners.put("db:" + in.path("globalClusterIdentifier").asText(), at);
                    case "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup" ->
                            globalOwners.put("cache:" + in.path("globalReplicationGroupIdSuffix").asText(), at);
                    case "aws:rds/cluster:Cluster" -> {
                        if (in.hasNonNull("globalClusterIdentifier") && !in.has("masterUsername")) {
                            members.add(new String[]{"db:" + in.path("globalClusterIdentifier").asText(), at, name,
                                    "Aurora " + in.path("tags").path(TAG_DOMAIN).asText()});
                        }
                    }
                    case "aws:elasticache/replicationGroup:ReplicationGroup" -> {
                        if (in.hasNonNull("globalReplicationGroupId")) {
                            var domain = in.path("tags").path(TAG_DOMAIN).asText();
                            members.add(new String[]{"cache:" + CacheGlobalDatastoreArgs.globalReplicationGroupIdSuffix(domain), at, name, "ElastiCache " + domain});
                        }
                    }
                    case "aws:s3/bucketReplicationConfig:BucketReplicationConfig" -> {
                        for (var rule : in.path("rules")) {
                            var m = BUCKET.matcher(rule.path("destination").path("bucket").asText());
                            if (m.matches()) {
                                links.add(new Link(at, m.group(2), "S3 replication " + m.group(1), name));
                            }
                        }
                    }
                    case "aws:backup/plan:Plan" -> {
                        for (var rule : in.path("rules")) {
                            for (var copy : rule.path("copyActions")) {
                                var m = ARN_REGION.matcher(copy.path("destinationVaultArn").asText());
                                if (m.find()) {
                                    links.add(new Link(at, m.group(1), "backup copy " + in.path("tags").path(TAG_DOMAIN).asText(), name));
                                }
                            }
                        }
                    }
                    case "acgs2:mesh:MeshPeering" -> links.add(new Link(region, r.path("name").asText().replace("acgs2-mesh-peering-", ""),
                            "mesh link", name));
                    case "kubernetes:kafka.strimzi.io/v1:KafkaMirrorMaker2" -> {
                        var target = in.path("spec").path("target").path("alias").asText();
                        for (var mirror : in.path("spec").path("mirrors")) {
                            links.add(new Link(mirror.path("source").path("alias").asText(), target, "MirrorMaker 2", name));
                        }
                    }
                    case "aws:route53/record:Record" -> {
                        for (var l : in.path("latencyRoutingPolicies")) {
                            links.add(new Link(in.path("name").asText(), l.path("region").asText(), "DNS latency", name));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        for (var m : members) {
            var owner = globalOwners.get(m[0]);
            if (owner != null && !owner.equals(m[1])) {
                links.add(new Link(owner, m[1], m[3] + " replica", m[2]));
            }
        }
        return List.copyOf(links);
    }

    /** Mermaid flowchart: a subgraph per zone, a node per region and DNS name, an edge per link. */
    public static String mermaid(Map<String, List<String>> zones, List<Link> links) {
        var b = new StringBuilder("flowchart LR\n");
        var placed = new TreeSet<String>();
        zones.forEach((zone, regions) -> {
            b.append("  subgraph ").append(id("zone " + zone)).append("[\"zone ").append(zone).append("\"]\n");
            regions.forEach(r -> {
                b.append("    ").append(id(r)).append("[\"").append(r).append("\"]\n");
                placed.add(r);
            });
            b.append("  end\n");
        });
        var nodes = new TreeSet<String>();
        links.forEach(l -> {
            nodes.add(l.from());
            nodes.add(l.to());
        });
        nodes.stream().filter(n -> !placed.contains(n)).forEach(n -> b.append("  ").append(id(n)).append("([\"").append(n).append("\"])\n"));
        for (var l : links) {
            // peerings and mesh links carry traffic both ways; replication flows from the first node
            var bothWays = l.kind().equals("mesh link") || l.kind().equals("Transit Gateway peering");
            b.append("  ").append(id(l.from())).append(bothWays ? " <-- \"" : " -- \"").append(l.kind()).append(" (").append(l.owner())
                    .append(")\" --> ").append(id(l.to())).append('\n');
        }
        return b.toString();
    }

    /** Graphviz dot: a cluster per zone. */
    public static String dot(Map<String, List<String>> zones, List<Link> links) {
        var b = new StringBuilder("digraph acgs2 {\n  rankdir=LR;\n");
        zones.forEach((zone, regions) -> {
            b.append("  subgraph \"cluster_").append(zone).append("\" {\n    label=\"zone ").append(zone).append("\";\n");
            regions.forEach(r -> b.append("    \"").append(r).append("\";\n"));
            b.append("  }\n");
        });
        for (var l : links) {
            b.append("  \"").append(l.from()).append("\" -> \"").append(l.to()).append("\" [label=\"").append(l.kind()).append(" (")
                    .append(l.owner()).append(")\"];\n");
        }
        return b.append("}\n").toString();
    }

    private static String providerRegion(JsonNode r, String fallback) {
        var p = r.path("provider");
        var region = p.isObject() ? p.path("region").asText("") : "";
        return region.isEmpty() ? fallback : region;
    }

    private static String id(String name) {
        return "n_" + name.replaceAll("[^A-Za-z0-9]", "_");
    }
}
