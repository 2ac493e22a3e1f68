package io.acgs2.stacks.config;

import java.util.List;

/**
 * A sovereignty zone: the AWS regions a tenant's data may live in.
 *
 * @param name       the zone id used in config and tags (us, gdpr, pipl, ...)
 * @param regions    the AWS regions the zone allows
 * @param restricted whether data of the zone may never be replicated outside it (GDPR, PIPL).
 *                   Default: true, the safe choice.
 */
public record ZoneSpec(String name, List<String> regions, boolean restricted) {
    public ZoneSpec {
        regions = List.copyOf(regions);
    }

    public boolean allows(String region) {
        return regions.contains(region);
    }
}
