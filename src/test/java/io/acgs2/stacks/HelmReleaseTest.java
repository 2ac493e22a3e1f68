package io.acgs2.stacks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.acgs2.stacks.plan.PlannedResource;
import io.acgs2.stacks.plan.StackPlan;
import io.acgs2.testing.ClusterObjects;
import io.acgs2.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Helm silently ignores a values key its chart does not read: a misspelt or misplaced key is a
 * setting that never happens (istiod ignores {@code pilot.*}; a PDB key at the wrong depth leaves
 * the release without one). So every key every release sets must be one its chart's values.yaml
 * declares at the pinned version ({@code schemas/chart-values.tsv}, written by
 * {@code schemas/chart-keys}), or sit below a key whose contents are the user's (an empty map, a
 * list, a label map, or a key the templates render whole: {@code schemas/chart-passthrough.tsv}).
 * Where a chart ships {@code values.schema.json} and {@code schemas/refresh --online} has vendored
 * it, the values also pass it.
 */
class HelmReleaseTest {

    private static final Path SCHEMAS = Fixtures.PROJECT.resolve("schemas");
    private static final Path VENDORED = Fixtures.PROJECT.resolve("src/test/resources/schemas/charts");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One chart at one version: the shape of each key its values.yaml declares. */
    record ChartKeys(String chart, String version, Map<String, String> shapes) {

        /** What is wrong with these values for this chart (empty when nothing is). */
        List<String> problems(Map<String, Object> values) {
            var out = new ArrayList<String>();
            check("", values, out);
            return out;
        }

        @SuppressWarnings("unchecked")
        private void check(String prefix, Map<String, Object> values, List<String> out) {
            for (var e : values.entrySet()) {
                var key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                var shape = shapes.get(key);
                var value = e.getValue();
                if (shape == null) {
                    out.add(key + ": not a key of " + chart + " " + version + "'s values.yaml");
                } else if (shape.equals("map")) {
                    if (value instanceof Map<?, ?> m) {
                        check(key, (Map<String, Object>) m, out);
                    } else {
                        out.add(key + ": the chart declares a map here, the release sets " + value);
                    }
                } else if (shape.equals("value") && (value instanceof Map || value instanceof List)) {
                    out.add(key + ": the chart declares a single value here, the release sets a "
                            + (value instanceof Map ? "map" : "list"));
                } else if (shape.equals("list") && value != null && !(value instanceof List)) {
                    out.add(key + ": the chart declares a list here, the release sets " + value);
                }
                // "free" and "list": what is below is the user's
            }
        }
    }

    /** schemas/chart-values.tsv and schemas/chart-passthrough.tsv, by "chart version". */
    static Map<String, ChartKeys> pinnedCharts() {
        var charts = new LinkedHashMap<String, ChartKeys>();
        for (var row : rows(SCHEMAS.resolve("charts.tsv"))) {
            charts.put(row[0] + " " + row[1], new ChartKeys(row[0], row[1], new HashMap<>()));
        }
        for (var row : rows(SCHEMAS.resolve("chart-values.tsv"))) {
            var keys = charts.get(row[0] + " " + row[1]);
            if (keys == null) {
                throw new AssertionError("schemas/chart-values.tsv lists " + row[0] + " " + row[1] + ", which schemas/charts.tsv does not pin");
            }
            keys.shapes().put(row[2], row[3]);
        }
        for (var row : rows(SCHEMAS.resolve("chart-passthrough.tsv"))) {
            charts.values().stream().filter(c -> c.chart().equals(row[0])).forEach(c -> {
                if (!c.shapes().containsKey(row[1])) {
                    throw new AssertionError("schemas/chart-passthrough.tsv: " + row[1] + " is not a key of " + c.chart() + " " + c.version());
                }
                c.shapes().put(row[1], "free");
            });
        }
        return charts;
    }

    private static List<String[]> rows(Path tsv) {
        try {
            return Files.readAllLines(tsv).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chart's name as charts.tsv keys it: an OCI reference names it last. */
    static String chartName(PlannedResource release) {
        var chart = String.valueOf(release.inputs().get("chart"));
        return chart.substring(chart.lastIndexOf('/') + 1);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> values(PlannedResource release) {
        var v = release.inputs().get("values");
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    /** Every release of the plans whose values its pinned chart would not read, with what is wrong. */
    static Map<String, List<String>> problems(Map<String, StackPlan> plans, Map<String, ChartKeys> charts) {
        var out = new java.util.TreeMap<String, List<String>>();
        for (var r : ClusterObjects.releases(plans)) {
            var chart = chartName(r.resource()) + " " + r.resource().inputs().get("version");
            var keys = charts.get(chart);
            var where = r.stack() + ":" + r.resource().name() + " (" + chart + ")";
            if (keys == null) {
                out.put(where, List.of("chart not pinned in schemas/charts.tsv: add it and run schemas/refresh --online"));
                continue;
            }
            var found = keys.problems(values(r.resource()));
            if (!found.isEmpty()) {
                out.put(where, found);
            }
        }
        return out;
    }

    private static Map<String, StackPlan> fleet() {
        // the shipped stacks and a restricted-zone region-add (a second GPU-less shape of every release)
        var plans = new LinkedHashMap<>(Fixtures.shippedPlans());
        Fixtures.grownFleet("eu-central-1").forEach((k, v) -> plans.put("grown/" + k, v));
        return plans;
    }

    @Test
    void everyKeyEveryReleaseSetsIsOneItsPinnedChartReads() {
        var plans = fleet();
        var charts = pinnedCharts();
        var seen = new TreeSet<String>();
        ClusterObjects.releases(plans).forEach(r -> seen.add(chartName(r.resource())));
        // every chart the program installs is seen (the device plugin only where a GPU group exists)
        assertEquals(new TreeSet<>(List.of("aws-load-balancer-controller", "base", "cluster-autoscaler", "cni", "gateway",
                "istiod", "kube-state-metrics", "metrics-server", "nvidia-device-plugin", "prometheus-node-exporter", "strimzi-kafka-operator")), seen);
        assertEquals(Map.of(), problems(plans, charts));
    }

    @Test
    void theCheckCatchesAMisspeltAMisplacedAndAnIgnoredKey() {
        var charts = pinnedCharts();
        var istiod = charts.get("istiod 1.31.1");
        // istiod reads replicaCount at the top: pilot.* belongs to the istioctl operator, not this chart
        assertEquals(1, istiod.problems(Map.of("pilot", Map.of("replicaCount", 2))).size());
        assertEquals(1, istiod.problems(Map.of("replicaCont", 2)).size());
        assertEquals(List.of(), istiod.problems(Map.of("replicaCount", 2, "global", Map.of("network", "n1"))));
        // below a user's map anything goes; a map where the chart reads one value does not
        var ca = charts.get("cluster-autoscaler 9.59.0");
        assertEquals(List.of(), ca.problems(Map.of("extraArgs", Map.of("expander", "least-waste"))));
        assertEquals(1, ca.problems(Map.of("replicaCount", Map.of("min", 2))).size());
        assertEquals(1, ca.problems(Map.of("rbac", "yes")).size());
        var gateway = charts.get("gateway 1.31.1");
        assertEquals(List.of(), gateway.problems(Map.of("service", Map.of("annotations", Map.of("a.b/c", "d")))));
    }

    @Test
    void aReleaseOfAChartThatIsNotPinnedFails() {
        var plans = Fixtures.shippedPlans();
        var charts = pinnedCharts();
        charts.remove("metrics-server 3.13.1");
        var found = problems(plans, charts);
        assertTrue(found.keySet().stream().anyMatch(k -> k.contains("metrics-server 3.13.1")), found.toString());
    }

    @Test
    void valuesPassTheChartsValuesSchemaWhereOneIsVendored() throws IOException {
        var plans = fleet();
        int checked = 0;
        for (var r : ClusterObjects.releases(plans)) {
            var schemaFile = VENDORED.resolve(chartName(r.resource()) + "-" + r.resource().inputs().get("version")).resolve("values.schema.json");
            if (!Files.exists(schemaFile)) {
                continue; // not vendored here (schemas/SOURCES.md): schemas/refresh --online fetches them
            }
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(schemaFile.toFile());
            // Istio's charts name the "latest draft" alias, which Helm reads as 2020-12
            node.remove("$schema");
            var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
            var errors = schema.validate(JSON.valueToTree(values(r.resource())));
            assertEquals(java.util.Set.of(), errors, r.stack() + ":" + r.resource().name() + " against " + schemaFile);
            var seeded = new LinkedHashMap<>(values(r.resource()));
            seeded.put("replicaCont", 2);
            assertTrue(!schema.validate(JSON.valueToTree(seeded)).isEmpty(), "the schema judges: a misspelt key fails it");
            checked++;
        }
        if (Files.isDirectory(VENDORED)) {
            assertTrue(checked > 0, "a vendored values.schema.json judged some release");
        }
    }
}
