package io.acgs2.components.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.pulumi.resources.ComponentResourceOptions;
import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.acgs2.testing.Fixtures.PROJECT;
import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrimziOperatorTest {

    static final String CRD = "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinitionPatch";
    static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    private static final ObjectMapper JSON = new ObjectMapper();

    static StackPlan operator() {
        return runInRegion("eu-west-1", r -> {
            var core = KafkaClusterTest.core(r, "eu-west-1");
            new StrimziOperator("s", StrimziOperatorArgs.builder().cluster(core).after(core.ready()).build(), r.opts());
        });
    }

    /** The vendored files, read here on their own (not through StrimziCrds). */
    static List<JsonNode> vendored() throws Exception {
        var dir = PROJECT.resolve("src/main/resources").resolve(StrimziCrds.RESOURCES);
        try (var files = Files.list(dir)) {
            var yaml = new YAMLMapper();
            return files.filter(f -> f.getFileName().toString().matches("04.*-Crd-.*\\.yaml")).sorted()
                    .map(f -> {
                        try {
                            return yaml.readTree(f.toFile());
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
    }

    /** Through text, so numbers compare by value whatever their Java type. */
    static JsonNode normalized(Object o) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(o));
    }

    @Test
    void everyVendoredCrdIsAppliedOnceWholeForcedOverHelmAndNeverDeleted() throws Exception {
        var plan = operator();
        var files = vendored();
        assertEquals(10, files.size(), "Strimzi 1.2.0 has ten CRDs");
        var crds = plan.ofType(CRD);
        assertEquals(files.size(), crds.size(), "one per vendored file");
        var component = one(plan, StrimziOperator.TYPE, "s");
        var k8s = one(plan, "pulumi:providers:kubernetes", "k8s");
        var seen = new HashSet<String>();
        for (var file : files) {
            var name = file.get("metadata").get("name").asText();
            var matching = crds.stream().filter(c -> name.equals(map(c.inputs().get("metadata")).get("name"))).toList();
            assertEquals(1, matching.size(), name + " is registered once");
            var crd = matching.get(0);
            seen.add(crd.urn());
            assertEquals("s-crd-" + name, crd.name());
            assertEquals("apiextensions.k8s.io/v1", crd.inputs().get("apiVersion"));
            assertEquals("CustomResourceDefinition", crd.inputs().get("kind"));
            var spec = normalized(crd.inputs().get("spec"));
            assertEquals(file.get("spec").get("group").asText(), spec.get("group").asText(), name);
            assertTrue(name.endsWith("." + spec.get("group").asText()), name);
            var v1 = spec.get("versions").get(0);
            assertEquals("v1", v1.get("name").asText(), name);
            assertTrue(v1.get("served").asBoolean() && v1.get("storage").asBoolean(), name + " serves and stores v1");
            assertEquals(normalized(file.get("spec")), spec, name + ": the whole spec, schema included");
            var metadata = map(crd.inputs().get("metadata"));
            assertEquals("true", map(metadata.get("annotations")).get(StrimziOperator.PATCH_FORCE), name + " takes over Helm's fields");
            assertEquals(normalized(file.get("metadata").get("labels")), normalized(metadata.get("labels")), name);
            assertTrue(crd.retainOnDelete(), name + ": deleting a CRD deletes every object of its kind");
            assertEquals(k8s.urn(), crd.providerUrn(), name + " goes through the cluster's provider");
            assertEquals(component.urn(), crd.parent());
        }
        var release = one(plan, RELEASE, "s-operator");
        assertEquals(Boolean.TRUE, release.inputs().get("skipCrds"), "Helm would install its own (and never upgrade them)");
        assertTrue(release.dependencies().containsAll(seen), "the operator starts after its CRDs: " + release.dependencies());
        assertEquals(StrimziVersions.OPERATOR, release.inputs().get("version"));
    }

    @Test
    void theVendoredCrdsAreTheOperatorsRelease() {
        assertEquals(StrimziVersions.OPERATOR, StrimziCrds.version(), "run schemas/refresh after raising StrimziVersions.OPERATOR");
        var e = assertThrows(IllegalArgumentException.class, () -> StrimziOperatorArgs.builder().version("1.3.0").build());
        var m = e.getMessage();
        assertTrue(m.contains("cluster: is required"), m);
        assertTrue(m.contains("version: is 1.3.0 but the vendored CRDs the program applies are Strimzi " + StrimziCrds.version()
                + ". Fix: run schemas/refresh"), m);
    }
}
