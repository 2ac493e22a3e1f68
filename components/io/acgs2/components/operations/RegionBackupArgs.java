package io.acgs2.components.operations;

import com.pulumi.core.Output;
import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.common.AwsFacts;

import java.util.ArrayList;
import java.util.List;

/** Inputs of {@link RegionBackup}. Build with {@link #builder()}. */
public final class RegionBackupArgs {

    /**
     * One data domain's stores in this region.
     *
     * @param domain       the domain
     * @param zone         its zone
     * @param database     its Aurora cluster's ARN, where this is the domain's writer region (a point is taken
     *                     from the primary)
     * @param bucket       its bucket's ARN here
     * @param copyTo       the vault of another region of the domain to copy each point to (this region is later
     *                     than the domain's owner: it copies into the owner's vault); empty for none
     */
    public record Domain(String domain, String zone, java.util.Optional<Output<String>> database, java.util.Optional<Output<String>> bucket,
                         java.util.Optional<Output<String>> copyTo) {

        /** What is backed up, database first. */
        public List<Output<String>> resourceArns() {
            var all = new ArrayList<Output<String>>();
            database.ifPresent(all::add);
            bucket.ifPresent(all::add);
            return all;
        }
    }

    private String region;
    private AwsFacts facts;
    private BackupSettings settings;
    private List<Domain> domains;
    private Output<String> alarmTopicArn;

    private RegionBackupArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public String region() {
        return region;
    }

    public AwsFacts facts() {
        return facts;
    }

    public BackupSettings settings() {
        return settings;
    }

    public List<Domain> domains() {
        return domains;
    }

    /** Where failed backup, copy and restore-test jobs alarm. Required. */
    public Output<String> alarmTopicArn() {
        return alarmTopicArn;
    }

    public static final class Builder {
        private final RegionBackupArgs a = new RegionBackupArgs();
        private final List<Domain> domains = new ArrayList<>();

        private Builder() {
        }

        public Builder region(String v) {
            a.region = v;
            return this;
        }

        public Builder facts(AwsFacts v) {
            a.facts = v;
            return this;
        }

        public Builder settings(BackupSettings v) {
            a.settings = v;
            return this;
        }

        public Builder domain(Domain v) {
            domains.add(v);
            return this;
        }

        public Builder alarmTopicArn(Output<String> v) {
            a.alarmTopicArn = v;
            return this;
        }

        public RegionBackupArgs build() {
            var p = new ArgsProblems("RegionBackupArgs");
            p.require("region", a.region, "pass the region");
            p.require("facts", a.facts, "pass the region's AwsFacts");
            p.require("alarmTopicArn", a.alarmTopicArn, "pass the region's warning topic");
            if (a.settings == null) {
                a.settings = BackupSettings.defaults();
            }
            p.addAll("settings", a.settings.validate().stream().map(f -> f.finding()).toList());
            domains.stream().filter(d -> d.resourceArns().isEmpty()).forEach(d ->
                    p.add("domains", "domain " + d.domain() + " has nothing to back up here", "leave it out"));
            p.throwIfAny();
            a.domains = List.copyOf(domains);
            return a;
        }
    }
}
