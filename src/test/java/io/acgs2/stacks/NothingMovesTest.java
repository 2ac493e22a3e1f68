package io.acgs2.stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acgs2.stacks.plan.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.acgs2.testing.Fixtures.PROJECT;
import static io.acgs2.testing.Fixtures.planAll;
import static io.acgs2.testing.Fixtures.shippedProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing deployed moves: the plan of the shipped stacks is compared with a committed snapshot of
 * their plan as deployed (src/test/resources/fixtures/shipped-plan-v1.json). Every resource in it is
 * still planned under the same URN with the same inputs (tags aside), parent, provider, protection,
 * ignored changes and dependencies. Later layers may add resources; none may move or change one.
 */
class NothingMovesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COMPARED = List.of("type", "name", "parent", "provider", "inputs", "protect",
            "retainOnDelete", "ignoreChanges", "custom", "read");

    @Test
    void everyDeployedResourceKeepsItsUrnAndInputs(@TempDir Path tmp) throws Exception {
        var fixture = JSON.readTree(PROJECT.resolve("src/test/resources/fixtures/shipped-plan-v1.json").toFile());
        // through text, as the fixture was written, so numbers compare by value
        var current = JSON.readTree(JSON.writeValueAsString(Snapshot.toJson(planAll(shippedProject(tmp)).values())));
        var now = byStack(current);
        var changes = new ArrayList<String>();
        int compared = 0;
        for (var stack : fixture.get("stacks")) {
            var name = stack.get("stack").asText();
            var planned = now.get(name);
            assertTrue(planned != null, "stack " + name + " is no longer planned");
            var byUrn = new HashMap<String, JsonNode>();
            planned.get("resources").forEach(r -> byUrn.put(r.get("urn").asText(), r));
            for (var was : stack.get("resources")) {
                var urn = was.get("urn").asText();
                var is = byUrn.get(urn);
                if (is == null) {
                    changes.add("gone (would be deleted): " + urn);
                    continue;
                }
                compared++;
                for (var field : COMPARED) {
                    if (!withoutTags(was.get(field)).equals(withoutTags(is.get(field)))) {
                        changes.add(field + " changed: " + urn + "\n      was " + was.get(field) + "\n      is  " + is.get(field));
                    }
                }
                if (!deps(was).equals(deps(is))) {
                    changes.add("dependencies changed: " + urn);
                }
            }
            for (var it = stack.get("outputs").fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().equals(planned.get("outputs").get(e.getKey()))) {
                    changes.add("output " + name + "." + e.getKey() + " changed (later stacks read it)");
                }
            }
        }
        assertEquals(List.of(), changes, "deployed resources would move or change");
        assertEquals(125, compared, "every resource of the fixture was compared");
    }

    private static Map<String, JsonNode> byStack(JsonNode snapshot) {
        var out = new HashMap<String, JsonNode>();
        snapshot.get("stacks").forEach(s -> out.put(s.get("stack").asText(), s));
        return out;
    }

    private static TreeSet<String> deps(JsonNode r) {
        var out = new TreeSet<String>();
        r.get("dependencies").forEach(d -> out.add(d.asText()));
        return out;
    }

    /** Tags may change without moving anything (an in-place update); everything else must not. */
    private static JsonNode withoutTags(JsonNode node) {
        if (node instanceof ObjectNode o && (o.has("tags") || o.has("tagsAll"))) {
            var copy = o.deepCopy();
            copy.remove(List.of("tags", "tagsAll"));
            return copy;
        }
        return node == null ? JSON.nullNode() : node;
    }
}
