package io.acgs2.components.operations;

import io.acgs2.components.common.FieldFinding;

import java.util.ArrayList;
import java.util.List;

/**
 * The compliance jobs' schedules (config {@code operations.compliance}), Kubernetes cron in UTC, the
 * guides' by default.
 *
 * @param daily  the daily verification. Default "0 2 * * *" (02:00 UTC; alert ComplianceVerificationFailed)
 * @param weekly the weekly audit. Default "0 3 * * 0" (Sunday 03:00 UTC; alert WeeklyComplianceAuditMissed)
 */
public record ComplianceSettings(String daily, String weekly) {

    static final String CRON_FIELD = "(\\*|\\d{1,2}(-\\d{1,2})?(,\\d{1,2})*)(/\\d{1,2})?";
    static final String CRON = "^" + CRON_FIELD + "( " + CRON_FIELD + "){4}$";

    public static ComplianceSettings defaults() {
        return new ComplianceSettings("0 2 * * *", "0 3 * * 0");
    }

    public List<FieldFinding> validate() {
        var p = new ArrayList<FieldFinding>();
        for (var e : List.of(List.of("daily", daily), List.of("weekly", weekly))) {
            if (!e.get(1).matches(CRON)) {
                p.add(FieldFinding.of(e.get(0), "'" + e.get(1) + "' is not a five-field cron schedule", "write e.g. 0 2 * * *"));
            }
        }
        return p;
    }
}
