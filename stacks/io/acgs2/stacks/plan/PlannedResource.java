package io.acgs2.stacks.plan;

import java.util.List;
import java.util.Map;

/**
 * One resource as the offline plan saw it registered: exactly what the program sent the engine.
 *
 * @param providerUrn    the explicit provider, or null (components, providers, the stack)
 * @param providerRegion that provider's region, or null
 * @param custom         a cloud resource (true) or a component/stack (false)
 * @param read           a read (StackReference), not a registration
 */
public record PlannedResource(String urn, String type, String name, String parent, String providerUrn,
                              String providerRegion, Map<String, Object> inputs, List<String> dependencies,
                              boolean protect, boolean retainOnDelete, List<String> ignoreChanges,
                              boolean custom, boolean read) {
}
