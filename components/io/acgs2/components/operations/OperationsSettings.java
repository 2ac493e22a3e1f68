package io.acgs2.components.operations;

/**
 * The operations layer's project settings (config {@code acgs2-infra:operations}).
 *
 * @param alerts     alert thresholds
 * @param backup     AWS Backup of the data stores
 * @param compliance the compliance jobs' schedules
 */
public record OperationsSettings(AlertThresholds alerts, BackupSettings backup, ComplianceSettings compliance) {

    public static OperationsSettings defaults() {
        return new OperationsSettings(AlertThresholds.defaults(), BackupSettings.defaults(), ComplianceSettings.defaults());
    }
}
