package io.acgs2.stacks.failover;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.acgs2.stacks.plan.Snapshot;
import io.acgs2.testing.Fixtures;
import io.acgs2.testing.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The topology drawn from the plan: every kind of link the stacks register, each with the stack that
 * owns it (the later region), and a Mermaid diagram that Mermaid's own parser accepts
 * (tools/diagram-check, installed by .ci/run).
 */
class TopologyTest {

    static final Path CHECK = Fixtures.PROJECT.resolve("tools/diagram-check/check.mjs");

    @Test
    void theReadmeShowsTheShippedFleetsTopology(@TempDir Path tmp) throws Exception {
        var snapshot = tmp.resolve("plan.json");
        Snapshot.write(Fixtures.shippedPlans().values(), snapshot);
        var out = new java.io.ByteArrayOutputStream();
        var cli = new OpsCli(new java.io.PrintStream(out, true), System.err, () -> {
            throw new AssertionError("topology needs no AWS");
        });
        assertEquals(0, cli.run(new String[]{"topology", "--snapshot", snapshot.toString()}));
        var readme = Files.readString(Fixtures.PROJECT.resolve("README.md"));
        var start = readme.indexOf("```mermaid\n");
        assertTrue(start >= 0, "README shows the topology");
        assertEquals(out.toString().strip(), readme.substring(start + 11, readme.indexOf("```", start + 11)).strip(),
                "README's topology: paste bin/acgs2 topology");
    }

    @Test
    void theGrownFleetHasEveryLinkOwnedByItsLaterRegionAndTheDiagramParses(@TempDir Path tmp) throws Exception {
        var snapshot = tmp.resolve("plan.json");
        Snapshot.write(Fixtures.grownFleet("eu-central-1").values(), snapshot);
        var links = Topology.links(new ObjectMapper().readTree(snapshot.toFile()));
        var kinds = links.stream().map(l -> l.kind().replaceAll(" (platform|gdpr-tenants|us-tenants)", "")).collect(Collectors.toSet());
        for (var kind : List.of("Transit Gateway peering", "Aurora replica", "ElastiCache replica", "S3 replication", "backup copy", "mesh link",
                "MirrorMaker 2", "DNS latency")) {
            assertTrue(kinds.contains(kind), kind + " in " + kinds);
        }
        // the later region owns every pairwise link
        for (var l : links) {
            if (l.kind().startsWith("Transit") || l.kind().startsWith("mesh") || l.kind().startsWith("MirrorMaker")) {
                var order = List.of("us-east-1", "eu-west-1", "eu-central-1");
                var later = order.indexOf(l.from()) > order.indexOf(l.to()) ? l.from() : l.to();
                assertEquals(later, l.owner(), l.toString());
            }
        }
        // the GDPR domain's links stay in the GDPR zone
        links.stream().filter(l -> l.kind().contains("gdpr-tenants")).forEach(l ->
                assertTrue(List.of("eu-west-1", "eu-central-1").containsAll(List.of(l.from(), l.to())), l.toString()));
        var zones = Map.of("us", List.of("us-east-1"), "gdpr", List.of("eu-west-1", "eu-central-1"));
        var mermaid = Topology.mermaid(new java.util.TreeMap<>(zones), links);
        assertEquals(links.size(), mermaid.lines().filter(line -> line.contains(" --> ")).count(), "one edge per link");
        assertTrue(Topology.dot(zones, links).contains("subgraph \"cluster_gdpr\""));
        if (Files.isDirectory(CHECK.getParent().resolve("node_modules"))) {
            var file = tmp.resolve("topology.mmd");
            Files.writeString(file, mermaid);
            var ok = LocalPostgres.exec(List.of("node", CHECK.toString(), file.toString()), Map.of());
            assertEquals(0, ok.code(), ok.output());
            assertTrue(ok.output().contains("ok flowchart"), ok.output());
            // the parser is real: a broken edge is refused
            Files.writeString(file, mermaid + "  n_us_east_1 -- \"broken\n");
            assertNotEquals(0, LocalPostgres.exec(List.of("node", CHECK.toString(), file.toString()), Map.of()).code());
        } else if (System.getenv("CI") != null) {
            throw new AssertionError("tools/diagram-check has no node_modules: .ci/run installs them");
        }
    }
}
