package io.acgs2.stacks.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A planned stack: its resources (sorted by URN) and outputs.
 *
 * @param outputs           outputs as a user sees them (secrets shown as "[secret]")
 * @param rawOutputs        outputs with secret values, for answering later stacks' StackReferences
 * @param secretOutputNames names of the secret outputs
 */
public record StackPlan(String stack, String project, List<PlannedResource> resources, Map<String, Object> outputs,
                        Map<String, Object> rawOutputs, Set<String> secretOutputNames) {

    public long count(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).count();
    }

    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }
}
