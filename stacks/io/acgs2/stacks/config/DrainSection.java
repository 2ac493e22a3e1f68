package io.acgs2.stacks.config;

/**
 * {@code acgs2-infra:drain} (stack): {@code true} takes the region out of DNS (its health check is
 * inverted, so its latency records stop answering, and its alarm stops paging) for maintenance or a
 * manual failover; nothing else changes and nothing is replaced. A key of its own, beside the
 * project's {@code traffic}: Pulumi replaces a project setting with a stack's of the same key, it
 * does not merge them. Default: false.
 */
public final class DrainSection extends BaseSection<Boolean> {

    public static final DrainSection SECTION = new DrainSection();
    public static final String KEY = ConfigParser.PROJECT + ":drain";

    private DrainSection() {
        super(KEY, Scope.STACK);
    }

    @Override
    public Boolean parse(SectionInput in) {
        var raw = in.raw(KEY);
        if (raw.isEmpty()) {
            return false;
        }
        var v = raw.get().trim();
        if (!v.equals("true") && !v.equals("false")) {
            in.add(KEY, "'" + v + "' is not true or false", "write acgs2-infra:drain: true to take the region out of DNS, or remove it");
            return false;
        }
        return Boolean.parseBoolean(v);
    }
}
