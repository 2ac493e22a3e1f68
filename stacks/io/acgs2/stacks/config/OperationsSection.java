package io.acgs2.stacks.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.acgs2.components.operations.AlertThresholds;
import io.acgs2.components.operations.BackupSettings;
import io.acgs2.components.operations.ComplianceSettings;
import io.acgs2.components.operations.OperationsSettings;

import java.util.Set;

/**
 * {@code acgs2-infra:operations} (project): {@code {alerts: {mirrorLagWarningSeconds, mirrorLagCriticalSeconds, checkpointAgeSeconds, availabilityTarget,
 * latencySeconds, crossRegionFactor, pendingMinutes, certificateDays}, backup: {retentionDays,
 * schedule, vaultLock, restoreTesting}, compliance: {daily, weekly}}}}. Optional: every field has the
 * ACGS-2 guides' value by default.
 */
public final class OperationsSection extends BaseSection<OperationsSettings> {

    public static final OperationsSection SECTION = new OperationsSection();
    public static final String KEY = ConfigParser.PROJECT + ":operations";
    static final Set<String> ALERTS = Set.of("mirrorLagWarningSeconds", "mirrorLagCriticalSeconds",
            "checkpointAgeSeconds", "availabilityTarget", "latencySeconds", "crossRegionFactor", "pendingMinutes", "certificateDays");

    private OperationsSection() {
        super(KEY, Scope.PROJECT);
    }

    @Override
    public OperationsSettings parse(SectionInput in) {
        var node = in.object(KEY, false, "");
        if (node.isEmpty()) {
            return OperationsSettings.defaults();
        }
        var o = node.get();
        in.unknownFields(o, Set.of("alerts", "backup", "compliance"), KEY);
        var a = AlertThresholds.defaults();
        var an = child(in, o, "alerts");
        in.unknownFields(an, ALERTS, KEY + ".alerts");
        var alerts = new AlertThresholds(
                whole(in, an, "mirrorLagWarningSeconds", a.mirrorLagWarningSeconds()),
                whole(in, an, "mirrorLagCriticalSeconds", a.mirrorLagCriticalSeconds()),
                whole(in, an, "checkpointAgeSeconds", a.checkpointAgeSeconds()),
                number(in, an, "availabilityTarget", a.availabilityTarget()), number(in, an, "latencySeconds", a.latencySeconds()),
                number(in, an, "crossRegionFactor", a.crossRegionFactor()), whole(in, an, "pendingMinutes", a.pendingMinutes()),
                whole(in, an, "certificateDays", a.certificateDays()));
        alerts.validate().forEach(f -> in.add(KEY + ".alerts." + f.field(), f.finding()));
        var b = BackupSettings.defaults();
        var bn = child(in, o, "backup");
        in.unknownFields(bn, Set.of("retentionDays", "schedule", "vaultLock", "restoreTesting"), KEY + ".backup");
        var backup = new BackupSettings(in.integer(bn.get("retentionDays"), KEY + ".backup.retentionDays", "write days, e.g. 30")
                .orElse(b.retentionDays()), SectionInput.text(bn.get("schedule")).orElse(b.schedule()),
                SectionInput.text(bn.get("vaultLock")).orElse(b.vaultLock()), in.bool(bn.get("restoreTesting"), b.restoreTesting(),
                KEY + ".backup.restoreTesting"));
        backup.validate().forEach(f -> in.add(KEY + ".backup." + f.field(), f.finding()));
        var c = ComplianceSettings.defaults();
        var cn = child(in, o, "compliance");
        in.unknownFields(cn, Set.of("daily", "weekly"), KEY + ".compliance");
        var compliance = new ComplianceSettings(SectionInput.text(cn.get("daily")).orElse(c.daily()),
                SectionInput.text(cn.get("weekly")).orElse(c.weekly()));
        compliance.validate().forEach(f -> in.add(KEY + ".compliance." + f.field(), f.finding()));
        return new OperationsSettings(alerts, backup, compliance);
    }

    private static JsonNode child(SectionInput in, JsonNode o, String field) {
        var n = o.get(field);
        if (n == null || n.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!n.isObject()) {
            in.add(KEY + "." + field, "must be a mapping", "write " + field + ": {...}");
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        return n;
    }

    private static int whole(SectionInput in, JsonNode n, String field, int dflt) {
        return in.integer(n.get(field), KEY + ".alerts." + field, "write a whole number").orElse(dflt);
    }

    private static double number(SectionInput in, JsonNode n, String field, double dflt) {
        var v = n.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        try {
            return Double.parseDouble(v.asText());
        } catch (NumberFormatException e) {
            in.add(KEY + ".alerts." + field, "'" + v.asText() + "' is not a number", "write e.g. " + AlertThresholds.format(dflt));
            return dflt;
        }
    }
}
