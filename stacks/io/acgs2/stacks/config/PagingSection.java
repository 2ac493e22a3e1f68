package io.acgs2.stacks.config;

import io.acgs2.components.operations.PagingSettings;

import java.util.Set;
import java.util.TreeMap;

/**
 * {@code acgs2-infra:paging} (stack): who is paged in this region, {@code {production: bool,
 * subscriptions: {name: {protocol: email|https, severities: [critical, warning]}}}}; the endpoints
 * are the secret {@code acgs2-infra:pagingEndpoints} ({@link PagingEndpointsSection}). A production
 * stack needs a subscription for each severity (checked here, before anything is registered).
 */
public final class PagingSection extends BaseSection<PagingSettings> {

    public static final PagingSection SECTION = new PagingSection();
    public static final String KEY = ConfigParser.PROJECT + ":paging";

    private PagingSection() {
        super(KEY, Scope.STACK);
    }

    @Override
    public PagingSettings parse(SectionInput in) {
        var node = in.object(KEY, false, "");
        if (node.isEmpty()) {
            return PagingSettings.none();
        }
        var p = node.get();
        in.unknownFields(p, Set.of("production", "subscriptions"), KEY);
        var production = in.bool(p.get("production"), false, KEY + ".production");
        var subs = new TreeMap<String, PagingSettings.Subscription>();
        var sn = p.get("subscriptions");
        if (sn != null && sn.isObject()) {
            sn.fields().forEachRemaining(e -> {
                var key = KEY + ".subscriptions." + e.getKey();
                var s = e.getValue();
                if (!e.getKey().matches("^[a-z0-9][a-z0-9-]{0,39}$")) {
                    in.add(key, "'" + e.getKey() + "' is not a lower-case name of at most 40 characters", "rename it, e.g. oncall");
                }
                if (!s.isObject()) {
                    in.add(key, "must be a mapping", "write {protocol: https, severities: [critical]}");
                    return;
                }
                in.unknownFields(s, Set.of("protocol", "severities"), key);
                var protocol = SectionInput.text(s.get("protocol")).orElse("");
                if (!PagingSettings.PROTOCOLS.contains(protocol)) {
                    in.add(key + ".protocol", protocol.isEmpty() ? "is missing" : "is '" + protocol + "'",
                            "use email, or https (e.g. the PagerDuty Events API integration URL)");
                }
                var severities = s.has("severities") ? in.stringList(s.get("severities"), key + ".severities", "list critical, warning")
                        : PagingSettings.SEVERITIES;
                severities.stream().filter(v -> !PagingSettings.SEVERITIES.contains(v)).forEach(v ->
                        in.add(key + ".severities", "'" + v + "' is not a severity", "use critical and/or warning"));
                subs.put(e.getKey(), new PagingSettings.Subscription(e.getKey(), protocol, severities));
            });
        } else if (sn != null && !sn.isNull()) {
            in.add(KEY + ".subscriptions", "must be a mapping", "write subscriptions: {oncall: {protocol: https}}");
        }
        var settings = new PagingSettings(production, subs);
        if (production) {
            for (var severity : PagingSettings.SEVERITIES) {
                if (!settings.covers(severity)) {
                    in.add(KEY + ".subscriptions", "this production stack pages nobody for " + severity + " alerts",
                            "add a subscription receiving " + severity + " (e.g. oncall: {protocol: https}) and its endpoint with: "
                                    + "pulumi config set --secret " + PagingEndpointsSection.KEY + " '{\"oncall\": \"https://events.pagerduty.com/...\"}'");
                }
            }
        }
        return settings;
    }
}
