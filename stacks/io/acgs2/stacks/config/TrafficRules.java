package io.acgs2.stacks.config;

import io.acgs2.components.traffic.FrontDoorSettings;

import java.util.List;
import java.util.TreeSet;

/**
 * What the front door ({@code acgs2-infra:traffic}) needs from the rest of the fleet: a hostname
 * for every zone that has a region (and none for a zone that does not exist), its services, and
 * regions in one partition with the hosted zone (Route 53 aliases and health checks cannot cross
 * into aws-cn, and a public endpoint in China needs an ICP-recorded domain: not supported yet).
 */
final class TrafficRules {

    private TrafficRules() {
    }

    static void check(ProjectSettings settings, List<RegionSpec> regions, Problems p) {
        java.util.Optional<FrontDoorSettings> configured = settings.section(TrafficSection.SECTION);
        if (configured == null || configured.isEmpty()) {
            return;
        }
        var traffic = configured.get();
        var key = TrafficSection.KEY;
        var file = ConfigParser.PROJECT_FILE;
        traffic.hostnames().keySet().stream().filter(z -> !settings.zones().containsKey(z)).forEach(z ->
                p.add(file, key + ".hostnames." + z, "'" + z + "' is not a zone", "use one of " + settings.zones().keySet()));
        var served = new TreeSet<String>();
        for (var r : regions) {
            if (!r.partition().equals("aws")) {
                p.add(r.file(), AwsRegionSection.KEY, "region " + r.region() + " is in partition " + r.partition()
                        + ", which the front door does not serve yet (Route 53 records and health checks cannot cross "
                        + "partitions, and a public endpoint in China needs an ICP-recorded domain)",
                        "remove " + key + " from " + file + ", or deploy this region as a fleet of its own partition");
            }
            if (!r.zone().isEmpty() && traffic.hostnameOf(r.zone()).isEmpty() && served.add(r.zone())) {
                p.add(file, key + ".hostnames." + r.zone(), "zone " + r.zone() + " has region " + r.region() + " but no hostname",
                        "give it one, e.g. " + r.zone() + ".api." + traffic.hostedZone().domain());
            }
        }
        ServicesSection.Config services = settings.section(ServicesSection.SECTION);
        var apps = services == null ? java.util.Map.<String, io.acgs2.components.mesh.ServiceSpec>of() : services.apps();
        var health = traffic.healthCheck().service();
        if (health != null && !apps.containsKey(health)) {
            p.add(file, key + ".healthCheck.service", "'" + health + "' is not a service", "use one of " + apps.keySet());
        } else if (health != null && apps.get(health).tenant().isPresent()) {
            p.add(file, key + ".healthCheck.service", "'" + health + "' is a tenant's own service, not in every region",
                    "name a shared service");
        }
        traffic.routes().forEach((prefix, app) -> {
            if (!apps.containsKey(app)) {
                p.add(file, key + ".routes." + prefix, "'" + app + "' is not a service", "use one of " + apps.keySet());
            }
        });
    }
}
