package io.acgs2.components.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.acgs2.components.common.ArgsProblems;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link SelfSignedCert}, as pulumi-tls's schema names them. Required: {@code allowedUses},
 * {@code privateKeyPem} and {@code validityPeriodHours}. {@code build()} rejects every bad field at
 * once, naming it and the fix; values given as {@link Output}s are checked for presence only.
 */
public final class SelfSignedCertArgs extends ResourceArgs {

    public static final SelfSignedCertArgs Empty = new SelfSignedCertArgs();

    /** Key usages and extended key usages, in the provider's snake_case ({@link TlsRules#ALLOWED_USES}). Required. */
    @Import(name = "allowedUses", required = true)
    private Output<List<String>> allowedUses;

    @Import(name = "dnsNames")
    private Output<List<String>> dnsNames;

    /** Hours before expiry from which the certificate is due for renewal. Provider default: 0. */
    @Import(name = "earlyRenewalHours")
    private Output<Integer> earlyRenewalHours;

    @Import(name = "ipAddresses")
    private Output<List<String>> ipAddresses;

    /** Whether the certificate is a CA. Provider default: false. */
    @Import(name = "isCaCertificate")
    private Output<Boolean> isCaCertificate;

    /** How many intermediates may follow a CA certificate in a path (-1: no limit). Ignored unless a CA. */
    @Import(name = "maxPathLength")
    private Output<Integer> maxPathLength;

    /** The key the certificate belongs to and is signed with, in PEM. Required; always sent as a secret. */
    @Import(name = "privateKeyPem", required = true)
    private Output<String> privateKeyPem;

    /** Whether to include an authority key identifier (the subject key id, for a self-signed certificate). */
    @Import(name = "setAuthorityKeyId")
    private Output<Boolean> setAuthorityKeyId;

    /** Whether to include a subject key identifier. */
    @Import(name = "setSubjectKeyId")
    private Output<Boolean> setSubjectKeyId;

    @Import(name = "subject")
    private Output<CertSubjectArgs> subject;

    @Import(name = "uris")
    private Output<List<String>> uris;

    /** Hours the certificate is valid after issuing. Required. */
    @Import(name = "validityPeriodHours", required = true)
    private Output<Integer> validityPeriodHours;

    // the values given as plain values, checked by build()
    private List<String> allowedUsesValue;
    private Integer earlyRenewalHoursValue;
    private Integer maxPathLengthValue;
    private Integer validityPeriodHoursValue;

    private SelfSignedCertArgs() {
    }

    private SelfSignedCertArgs(SelfSignedCertArgs $) {
        this.allowedUses = $.allowedUses;
        this.dnsNames = $.dnsNames;
        this.earlyRenewalHours = $.earlyRenewalHours;
        this.ipAddresses = $.ipAddresses;
        this.isCaCertificate = $.isCaCertificate;
        this.maxPathLength = $.maxPathLength;
        this.privateKeyPem = $.privateKeyPem;
        this.setAuthorityKeyId = $.setAuthorityKeyId;
        this.setSubjectKeyId = $.setSubjectKeyId;
        this.subject = $.subject;
        this.uris = $.uris;
        this.validityPeriodHours = $.validityPeriodHours;
        this.allowedUsesValue = $.allowedUsesValue;
        this.earlyRenewalHoursValue = $.earlyRenewalHoursValue;
        this.maxPathLengthValue = $.maxPathLengthValue;
        this.validityPeriodHoursValue = $.validityPeriodHoursValue;
    }

    public Output<List<String>> allowedUses() {
        return allowedUses;
    }

    public Optional<Output<List<String>>> dnsNames() {
        return Optional.ofNullable(dnsNames);
    }

    public Optional<Output<Integer>> earlyRenewalHours() {
        return Optional.ofNullable(earlyRenewalHours);
    }

    public Optional<Output<List<String>>> ipAddresses() {
        return Optional.ofNullable(ipAddresses);
    }

    public Optional<Output<Boolean>> isCaCertificate() {
        return Optional.ofNullable(isCaCertificate);
    }

    public Optional<Output<Integer>> maxPathLength() {
        return Optional.ofNullable(maxPathLength);
    }

    public Output<String> privateKeyPem() {
        return privateKeyPem;
    }

    public Optional<Output<Boolean>> setAuthorityKeyId() {
        return Optional.ofNullable(setAuthorityKeyId);
    }

    public Optional<Output<Boolean>> setSubjectKeyId() {
        return Optional.ofNullable(setSubjectKeyId);
    }

    public Optional<Output<CertSubjectArgs>> subject() {
        return Optional.ofNullable(subject);
    }

    public Optional<Output<List<String>>> uris() {
        return Optional.ofNullable(uris);
    }

    public Output<Integer> validityPeriodHours() {
        return validityPeriodHours;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(SelfSignedCertArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private final SelfSignedCertArgs $;

        public Builder() {
            $ = new SelfSignedCertArgs();
        }

        public Builder(SelfSignedCertArgs defaults) {
            $ = new SelfSignedCertArgs(Objects.requireNonNull(defaults));
        }

        public Builder allowedUses(Output<List<String>> allowedUses) {
            $.allowedUses = allowedUses;
            $.allowedUsesValue = null;
            return this;
        }

        public Builder allowedUses(List<String> allowedUses) {
            $.allowedUses = allowedUses == null ? null : Output.of(allowedUses);
            $.allowedUsesValue = allowedUses;
            return this;
        }

        public Builder allowedUses(String... allowedUses) {
            return allowedUses(List.of(allowedUses));
        }

        public Builder dnsNames(Output<List<String>> dnsNames) {
            $.dnsNames = dnsNames;
            return this;
        }

        public Builder dnsNames(List<String> dnsNames) {
            return dnsNames(Output.of(dnsNames));
        }

        public Builder dnsNames(String... dnsNames) {
            return dnsNames(List.of(dnsNames));
        }

        public Builder earlyRenewalHours(Output<Integer> earlyRenewalHours) {
            $.earlyRenewalHours = earlyRenewalHours;
            $.earlyRenewalHoursValue = null;
            return this;
        }

        public Builder earlyRenewalHours(Integer earlyRenewalHours) {
            $.earlyRenewalHours = earlyRenewalHours == null ? null : Output.of(earlyRenewalHours);
            $.earlyRenewalHoursValue = earlyRenewalHours;
            return this;
        }

        public Builder ipAddresses(Output<List<String>> ipAddresses) {
            $.ipAddresses = ipAddresses;
            return this;
        }

        public Builder ipAddresses(List<String> ipAddresses) {
            return ipAddresses(Output.of(ipAddresses));
        }

        public Builder ipAddresses(String... ipAddresses) {
            return ipAddresses(List.of(ipAddresses));
        }

        public Builder isCaCertificate(Output<Boolean> isCaCertificate) {
            $.isCaCertificate = isCaCertificate;
            return this;
        }

        public Builder isCaCertificate(Boolean isCaCertificate) {
            return isCaCertificate(Output.of(isCaCertificate));
        }

        public Builder maxPathLength(Output<Integer> maxPathLength) {
            $.maxPathLength = maxPathLength;
            $.maxPathLengthValue = null;
            return this;
        }

        public Builder maxPathLength(Integer maxPathLength) {
            $.maxPathLength = maxPathLength == null ? null : Output.of(maxPathLength);
            $.maxPathLengthValue = maxPathLength;
            return this;
        }

        /** Sent as a secret, whether or not {@code privateKeyPem} already is one. */
        public Builder privateKeyPem(Output<String> privateKeyPem) {
            $.privateKeyPem = privateKeyPem == null ? null : privateKeyPem.asSecret();
            return this;
        }

        public Builder privateKeyPem(String privateKeyPem) {
            return privateKeyPem(privateKeyPem == null ? null : Output.of(privateKeyPem));
        }

        public Builder setAuthorityKeyId(Output<Boolean> setAuthorityKeyId) {
            $.setAuthorityKeyId = setAuthorityKeyId;
            return this;
        }

        public Builder setAuthorityKeyId(Boolean setAuthorityKeyId) {
            return setAuthorityKeyId(Output.of(setAuthorityKeyId));
        }

        public Builder setSubjectKeyId(Output<Boolean> setSubjectKeyId) {
            $.setSubjectKeyId = setSubjectKeyId;
            return this;
        }

        public Builder setSubjectKeyId(Boolean setSubjectKeyId) {
            return setSubjectKeyId(Output.of(setSubjectKeyId));
        }

        public Builder subject(Output<CertSubjectArgs> subject) {
            $.subject = subject;
            return this;
        }

        public Builder subject(CertSubjectArgs subject) {
            return subject(Output.of(subject));
        }

        public Builder uris(Output<List<String>> uris) {
            $.uris = uris;
            return this;
        }

        public Builder uris(List<String> uris) {
            return uris(Output.of(uris));
        }

        public Builder uris(String... uris) {
            return uris(List.of(uris));
        }

        public Builder validityPeriodHours(Output<Integer> validityPeriodHours) {
            $.validityPeriodHours = validityPeriodHours;
            $.validityPeriodHoursValue = null;
            return this;
        }

        public Builder validityPeriodHours(Integer validityPeriodHours) {
            $.validityPeriodHours = validityPeriodHours == null ? null : Output.of(validityPeriodHours);
            $.validityPeriodHoursValue = validityPeriodHours;
            return this;
        }

        public SelfSignedCertArgs build() {
            var p = new ArgsProblems("SelfSignedCertArgs");
            TlsRules.allowedUses(p, $.allowedUses, $.allowedUsesValue);
            TlsRules.privateKeyPem(p, "privateKeyPem", $.privateKeyPem);
            TlsRules.validity(p, $.validityPeriodHours, $.validityPeriodHoursValue, $.earlyRenewalHoursValue,
                    $.maxPathLengthValue);
            p.throwIfAny();
            return $;
        }
    }
}
