package io.acgs2.stacks.config;

/** {@code acgs2-infra:zone} (stack): the region's sovereignty zone, which must allow the region. Required. */
public final class ZoneSection extends BaseSection<String> {

    public static final ZoneSection SECTION = new ZoneSection();
    public static final String KEY = ConfigParser.PROJECT + ":zone";

    private ZoneSection() {
        super(KEY, Scope.STACK);
    }

    @Override
    public String parse(SectionInput in) {
        var zones = in.settings().zones();
        var zone = in.raw(KEY);
        var region = in.parsed(AwsRegionSection.SECTION);
        if (zone.isEmpty()) {
            in.add(KEY, "is missing", "set the sovereignty zone of the region, one of " + zones.keySet());
            return null;
        }
        if (!zones.containsKey(zone.get())) {
            in.add(KEY, "zone '" + zone.get() + "' is not defined in " + ConfigParser.PROJECT_FILE,
                    "use one of " + zones.keySet() + " or add the zone under " + ZonesSection.KEY);
        } else if (region.isPresent() && !zones.get(zone.get()).allows(region.get())) {
            in.add(KEY, "zone '" + zone.get() + "' does not allow region " + region.get(),
                    "pick the zone that allows " + region.get() + " or add the region to " + ZonesSection.KEY + "."
                            + zone.get() + ".regions (only if the law of that zone allows it)");
        }
        return zone.get();
    }
}
