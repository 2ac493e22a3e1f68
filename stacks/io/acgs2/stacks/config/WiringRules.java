package io.acgs2.stacks.config;

import io.acgs2.components.data.DomainPlacement;
import io.acgs2.components.wiring.WiringPlanner;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a service's {@code data} declaration needs from the fleet: domains that exist, stores the
 * domain has, topics of the domain, and for every region the service runs in, the domain placed
 * there or the region (or its zone) in {@code exceptIn}. Checked once placements are known.
 */
final class WiringRules {

    private WiringRules() {
    }

    static void check(ProjectSettings settings, List<RegionSpec> regions, Map<String, DomainPlacement> placements, Problems p) {
        ServicesSection.Config services = settings.section(ServicesSection.SECTION);
        if (services == null) {
            return;
        }
        EventsSection.Config events = settings.section(EventsSection.SECTION);
        var topicDomain = new TreeMap<String, String>();
        if (events != null) {
            events.topics().forEach((t, spec) -> topicDomain.put(t, spec.domain()));
        }
        var zones = new TreeMap<String, List<String>>();
        settings.zones().forEach((z, spec) -> zones.put(z, spec.regions()));
        var fleet = new Fleet(settings, regions, placements);
        for (var app : services.apps().values()) {
            var runsIn = regions.stream().filter(r -> fleet.runs(app, r))
                    .map(r -> new WiringPlanner.Region(r.region(), r.zone())).toList();
            var key = ServicesSection.KEY + ".apps." + app.name() + ".data.";
            WiringPlanner.check(app.data(), runsIn, placements, topicDomain, zones)
                    .forEach(f -> p.add(ConfigParser.PROJECT_FILE, key + f.field(), f.finding().problem(), f.finding().fix()));
        }
    }
}
