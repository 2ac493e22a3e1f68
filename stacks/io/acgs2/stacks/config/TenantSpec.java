package io.acgs2.stacks.config;

/**
 * A tenant and where its data lives.
 *
 * @param id         tenant id (lower-case, used in tags)
 * @param zone       the sovereignty zone its data never leaves
 * @param homeRegion the region that serves it; must be in the fleet and in the zone
 */
public record TenantSpec(String id, String zone, String homeRegion) {
}
