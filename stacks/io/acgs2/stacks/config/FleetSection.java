package io.acgs2.stacks.config;

import java.util.Set;

/**
 * {@code acgs2-infra:fleet} (stack): the region's place in the fleet. Required.
 * Fields: {@code joinOrder} (required, unique, 0 for the founding region; later regions own the
 * links to earlier ones), {@code founding} (exactly one region; default false).
 */
public final class FleetSection extends BaseSection<FleetSection.Placement> {

    public static final FleetSection SECTION = new FleetSection();
    public static final String KEY = ConfigParser.PROJECT + ":fleet";
    /** Keeps the derived Transit Gateway ASN (64512 + order) private. */
    static final int MAX_JOIN_ORDER = 1022;

    /**
     * @param founding  whether this is the founding region
     * @param joinOrder the order in which the region joined the fleet
     */
    public record Placement(boolean founding, int joinOrder) {
    }

    private FleetSection() {
        super(KEY, Scope.STACK);
    }

    @Override
    public Placement parse(SectionInput in) {
        var fleet = in.object(KEY, true, "add " + KEY + ": {joinOrder: N} (and founding: true for the first region)");
        if (fleet.isEmpty()) {
            return null;
        }
        in.unknownFields(fleet.get(), Set.of("founding", "joinOrder"), KEY);
        boolean founding = in.bool(fleet.get().get("founding"), false, KEY + ".founding");
        var jo = fleet.get().get("joinOrder");
        if (jo == null) {
            in.add(KEY + ".joinOrder", "is missing", "set the order the region joined the fleet (0 for the founding region)");
            return null;
        }
        if (!jo.canConvertToInt() || !jo.isIntegralNumber() || jo.asInt() < 0 || jo.asInt() > MAX_JOIN_ORDER) {
            in.add(KEY + ".joinOrder", "'" + jo.asText() + "' is not a whole number from 0 to " + MAX_JOIN_ORDER,
                    "use the next free number after the last region's");
            return null;
        }
        return new Placement(founding, jo.asInt());
    }
}
