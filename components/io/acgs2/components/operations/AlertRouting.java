package io.acgs2.components.operations;

import io.acgs2.components.common.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The managed Prometheus's alert manager definition: a route per severity to the region's SNS topic
 * of that severity (SigV4 in the region), grouped by alert and region, critical repeated hourly and
 * warning every 12 hours. AMP takes {@code alertmanager_config} as a string inside the definition.
 */
public final class AlertRouting {

    private AlertRouting() {
    }

    /** The Alertmanager configuration (what {@code amtool check-config} checks). */
    public static Map<String, Object> config(String region, Map<String, String> topicArns) {
        var receivers = new java.util.ArrayList<Object>();
        var routes = new java.util.ArrayList<Object>();
        for (var severity : PagingSettings.SEVERITIES) {
            var sns = new LinkedHashMap<String, Object>();
            sns.put("topic_arn", topicArns.get(severity));
            sns.put("sigv4", Map.of("region", region));
            sns.put("subject", "[" + severity + "] {{ .CommonLabels.alertname }} in " + region);
            sns.put("attributes", Map.of("severity", severity, "region", region));
            receivers.add(Map.of("name", severity, "sns_configs", List.of(sns)));
            routes.add(Map.of("receiver", severity, "matchers", List.of("severity=\"" + severity + "\""),
                    "repeat_interval", severity.equals(PagingSettings.CRITICAL) ? "1h" : "12h"));
        }
        var route = new LinkedHashMap<String, Object>();
        // anything without a known severity still reaches someone
        route.put("receiver", PagingSettings.CRITICAL);
        route.put("group_by", List.of("alertname", "region"));
        route.put("group_wait", "30s");
        route.put("group_interval", "5m");
        route.put("repeat_interval", "4h");
        route.put("routes", routes);
        var config = new LinkedHashMap<String, Object>();
        config.put("route", route);
        config.put("receivers", receivers);
        // a critical alert silences the warning of the same alert and region
        config.put("inhibit_rules", List.of(Map.of("source_matchers", List.of("severity=\"critical\""),
                "target_matchers", List.of("severity=\"warning\""), "equal", List.of("alertname", "region"))));
        return config;
    }

    /** The definition AMP takes: {@code alertmanager_config: |} and the configuration as text. */
    public static String definition(String region, Map<String, String> topicArns) {
        return Json.yaml(Map.of("alertmanager_config", Json.yaml(config(region, topicArns))));
    }

    /** The configuration alone, as amtool reads it. */
    public static String configYaml(String region, Map<String, String> topicArns) {
        return Json.yaml(config(region, topicArns));
    }
}
