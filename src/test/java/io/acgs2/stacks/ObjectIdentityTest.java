package io.acgs2.stacks;

import io.acgs2.stacks.plan.StackPlan;
import io.acgs2.testing.ClusterObjects;
import io.acgs2.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An API server keys an object by (group, kind, namespace, name) and Helm a release by (namespace,
 * name): two registrations of one key in one cluster fail on `up` with AlreadyExists (or fight over
 * the object), whichever stacks make them. Checked across every stack of the shipped fleet and of
 * the fleet after a region-add in each kind of zone, with the objects an operator makes from ours
 * (a KafkaUser's credentials Secret, named like the user) counted as registered.
 */
class ObjectIdentityTest {

    static Map<String, List<String>> duplicates(Map<String, StackPlan> plans) {
        var byKey = new TreeMap<String, List<String>>();
        for (var o : ClusterObjects.objects(plans)) {
            byKey.computeIfAbsent(o.identity(), k -> new ArrayList<>()).add(o.stack() + ":" + o.resource().name());
            if ("KafkaUser".equals(o.kind())) {
                // the User Operator writes the user's credentials to a Secret of the user's name
                byKey.computeIfAbsent(o.cluster() + " core/Secret " + o.namespace() + "/" + o.name(), k -> new ArrayList<>())
                        .add(o.stack() + ":" + o.resource().name() + " (its credentials Secret)");
            }
        }
        for (var r : ClusterObjects.releases(plans)) {
            byKey.computeIfAbsent("helm " + r.identity(), k -> new ArrayList<>()).add(r.stack() + ":" + r.resource().name());
        }
        byKey.values().removeIf(v -> v.size() < 2);
        return byKey;
    }

    @Test
    void noObjectOrReleaseRepeatsWithinAClusterOfTheShippedFleet() {
        var plans = Fixtures.shippedPlans();
        assertTrue(ClusterObjects.objects(plans).size() > 100, "the fleet's objects are all seen");
        assertEquals(Map.of(), duplicates(plans));
    }

    @Test
    void noObjectOrReleaseRepeatsAfterARegionJoinsTheUsZone() {
        assertEquals(Map.of(), duplicates(Fixtures.grownFleet("us-west-2")));
    }

    @Test
    void noObjectOrReleaseRepeatsAfterARegionJoinsTheRestrictedZone() {
        var plans = Fixtures.grownFleet("eu-central-1");
        // the GDPR domain now has two regions: its topic is mirrored both ways between them
        assertTrue(ClusterObjects.objects(plans).stream().anyMatch(o -> "KafkaMirrorMaker2".equals(o.kind())
                && "eu-central-1".equals(o.stack()) && "eu-west-1".equals(o.cluster())));
        assertEquals(Map.of(), duplicates(plans));
    }

    @Test
    void theCheckSeesARepeatedNameAcrossStacks() {
        // the old mirror naming (a user named for the other region only) repeated in the earlier cluster:
        // both edges of a pair registering one name there must be reported
        var plans = Fixtures.shippedPlans();
        var objects = ClusterObjects.objects(plans);
        var users = objects.stream().filter(o -> "KafkaUser".equals(o.kind()) && o.name().startsWith("mm2-")).toList();
        assertEquals(4, users.size(), "two edges, each with a user in both clusters");
        var clusters = users.stream().map(ClusterObjects.ClusterObject::cluster).distinct().sorted().toList();
        assertEquals(List.of("eu-west-1", "us-east-1"), clusters);
        var names = users.stream().map(o -> o.cluster() + "/" + o.name()).distinct().count();
        assertEquals(4, names, "every user is unique in its cluster");
        assertFalse(duplicates(Map.of("a", plans.get("us-east-1"), "b", plans.get("us-east-1"))).isEmpty(),
                "the same stack planned twice repeats every object");
    }
}
