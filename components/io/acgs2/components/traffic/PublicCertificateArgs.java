package io.acgs2.components.traffic;

import com.pulumi.core.Output;
import io.acgs2.components.common.ArgsProblems;

/**
 * Inputs of {@link PublicCertificate}. Build with {@link #builder()}: {@code build()} rejects every
 * bad field at once, naming it and the fix.
 */
public final class PublicCertificateArgs {

    private final String hostname;
    private final String regionalHostname;
    private final Output<String> zoneId;
    private final boolean ownsHostnameValidation;
    private final int recordTtlSeconds;

    private PublicCertificateArgs(Builder b) {
        this.hostname = b.hostname;
        this.regionalHostname = b.regionalHostname;
        this.zoneId = b.zoneId;
        this.ownsHostnameValidation = b.ownsHostnameValidation;
        this.recordTtlSeconds = b.recordTtlSeconds == null ? FrontDoorSettings.DEFAULT_RECORD_TTL_SECONDS : b.recordTtlSeconds;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The zone's API hostname (the certificate's name). Required. */
    public String hostname() {
        return hostname;
    }

    /** This region's own hostname (the certificate's other name). Required. */
    public String regionalHostname() {
        return regionalHostname;
    }

    /** The public hosted zone the validation records go in. Required. */
    public Output<String> zoneId() {
        return zoneId;
    }

    /**
     * Whether this region writes the validation record of the zone's hostname. ACM asks every
     * certificate of one name in one account for the same CNAME, in every region; one record serves
     * them all, so the zone's earliest region writes it and the later ones validate against it (a
     * later region never changes or deletes the earlier region's record). Default: false.
     */
    public boolean ownsHostnameValidation() {
        return ownsHostnameValidation;
    }

    /** TTL of the validation records. Default: {@value FrontDoorSettings#DEFAULT_RECORD_TTL_SECONDS}. */
    public int recordTtlSeconds() {
        return recordTtlSeconds;
    }

    public static final class Builder {
        private String hostname;
        private String regionalHostname;
        private Output<String> zoneId;
        private boolean ownsHostnameValidation;
        private Integer recordTtlSeconds;

        private Builder() {
        }

        public Builder hostname(String v) {
            this.hostname = v;
            return this;
        }

        public Builder regionalHostname(String v) {
            this.regionalHostname = v;
            return this;
        }

        public Builder zoneId(Output<String> v) {
            this.zoneId = v;
            return this;
        }

        public Builder ownsHostnameValidation(boolean v) {
            this.ownsHostnameValidation = v;
            return this;
        }

        public Builder recordTtlSeconds(int v) {
            this.recordTtlSeconds = v;
            return this;
        }

        public PublicCertificateArgs build() {
            var p = new ArgsProblems("PublicCertificateArgs");
            p.require("hostname", hostname, "pass the zone's API hostname");
            p.require("regionalHostname", regionalHostname, "pass the region's own hostname");
            p.require("zoneId", zoneId, "pass the public hosted zone");
            if (hostname != null && regionalHostname != null && !regionalHostname.endsWith("." + hostname)) {
                p.add("regionalHostname", "'" + regionalHostname + "' is not under " + hostname, "use <region>." + hostname);
            }
            if (recordTtlSeconds != null && (recordTtlSeconds < 30 || recordTtlSeconds > 86400)) {
                p.add("recordTtlSeconds", recordTtlSeconds + " is outside 30..86400", "use e.g. 300");
            }
            p.throwIfAny();
            return new PublicCertificateArgs(this);
        }
    }
}
