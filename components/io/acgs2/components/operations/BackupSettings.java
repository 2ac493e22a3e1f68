package io.acgs2.components.operations;

import io.acgs2.components.common.FieldFinding;

import java.util.ArrayList;
import java.util.List;

/**
 * AWS Backup of the data stores (config {@code operations.backup}).
 *
 * @param retentionDays   days a recovery point (and its copies) is kept. Default 30 (the guides')
 * @param schedule        the daily backup's cron expression (UTC). Default cron(0 3 * * ? *)
 * @param vaultLock       governance (default: the lock can be lifted by an authorised admin) or compliance
 *                        (after 3 days nobody, root included, can lift it or delete a recovery point early)
 * @param restoreTesting  whether a restore-testing plan restores the latest points weekly. Default true
 */
public record BackupSettings(int retentionDays, String schedule, String vaultLock, boolean restoreTesting) {

    public static final String GOVERNANCE = "governance";
    public static final String COMPLIANCE = "compliance";
    /** Compliance mode's cooling-off period: the lock can be changed for these days, then never. */
    public static final int COMPLIANCE_CHANGEABLE_DAYS = 3;

    public static BackupSettings defaults() {
        return new BackupSettings(30, "cron(0 3 * * ? *)", GOVERNANCE, true);
    }

    public List<FieldFinding> validate() {
        var p = new ArrayList<FieldFinding>();
        if (retentionDays < 7 || retentionDays > 36500) {
            p.add(FieldFinding.of("retentionDays", "is " + retentionDays, "use 7 to 36500 days (the guides keep 30)"));
        }
        if (!schedule.matches("^cron\\(\\S+ \\S+ \\S+ \\S+ \\S+ \\S+\\)$")) {
            p.add(FieldFinding.of("schedule", "'" + schedule + "' is not an AWS cron expression", "write cron(minute hour day month weekday year), e.g. cron(0 3 * * ? *)"));
        }
        if (!vaultLock.equals(GOVERNANCE) && !vaultLock.equals(COMPLIANCE)) {
            p.add(FieldFinding.of("vaultLock", "is '" + vaultLock + "'", "use governance or compliance"));
        }
        return p;
    }
}
