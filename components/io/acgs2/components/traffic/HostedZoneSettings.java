package io.acgs2.components.traffic;

import java.util.Optional;

/**
 * The public hosted zone the front door's records live in.
 *
 * @param domain the zone's domain, e.g. acgs2.example.com (every hostname is in it)
 * @param zoneId an existing public hosted zone of that domain (the usual case: the zone belongs to
 *               the DNS team); empty when {@code create}
 * @param create the founding region creates the zone (protected) and exports its id and name
 *               servers, which must then be delegated from the parent domain before the first
 *               certificate validates
 */
public record HostedZoneSettings(String domain, Optional<String> zoneId, boolean create) {
}
