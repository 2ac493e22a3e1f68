package io.acgs2.components.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.acgs2.components.common.ArgsProblems;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link LocallySignedCert}, as pulumi-tls's schema names them. Required: {@code allowedUses},
 * {@code caCertPem}, {@code caPrivateKeyPem}, {@code certRequestPem} and {@code validityPeriodHours}.
 * {@code build()} rejects every bad field at once, naming it and the fix; values given as
 * {@link Output}s are checked for presence only.
 */
public final class LocallySignedCertArgs extends ResourceArgs {

    public static final LocallySignedCertArgs Empty = new LocallySignedCertArgs();

    /** Key usages and extended key usages, in the provider's snake_case ({@link TlsRules#ALLOWED_USES}). Required. */
    @Import(name = "allowedUses", required = true)
    private Output<List<String>> allowedUses;

    /** The signing CA's certificate, in PEM. Required. */
    @Import(name = "caCertPem", required = true)
    private Output<String> caCertPem;

    /** The signing CA's private key, in PEM. Required; always sent as a secret. */
    @Import(name = "caPrivateKeyPem", required = true)
    private Output<String> caPrivateKeyPem;

    /** The request to sign, in PEM (a {@link CertRequest}'s {@code certRequestPem}). Required. */
    @Import(name = "certRequestPem", required = true)
    private Output<String> certRequestPem;

    /** Hours before expiry from which the certificate is due for renewal. Provider default: 0. */
    @Import(name = "earlyRenewalHours")
    private Output<Integer> earlyRenewalHours;

    /** Whether the certificate is a CA (an intermediate). Provider default: false. */
    @Import(name = "isCaCertificate")
    private Output<Boolean> isCaCertificate;

    /** How many intermediates may follow a CA certificate in a path (-1: no limit). Ignored unless a CA. */
    @Import(name = "maxPathLength")
    private Output<Integer> maxPathLength;

    /** Whether to include a subject key identifier. */
    @Import(name = "setSubjectKeyId")
    private Output<Boolean> setSubjectKeyId;

    /** Hours the certificate is valid after issuing. Required. */
    @Import(name = "validityPeriodHours", required = true)
    private Output<Integer> validityPeriodHours;

    // the values given as plain values, checked by build()
    private List<String> allowedUsesValue;
    private Integer earlyRenewalHoursValue;
    private Integer maxPathLengthValue;
    private Integer validityPeriodHoursValue;

    private LocallySignedCertArgs() {
    }

    private LocallySignedCertArgs(LocallySignedCertArgs $) {
        this.allowedUses = $.allowedUses;
        this.caCertPem = $.caCertPem;
        this.caPrivateKeyPem = $.caPrivateKeyPem;
        this.certRequestPem = $.certRequestPem;
        this.earlyRenewalHours = $.earlyRenewalHours;
        this.isCaCertificate = $.isCaCertificate;
        this.maxPathLength = $.maxPathLength;
        this.setSubjectKeyId = $.setSubjectKeyId;
        this.validityPeriodHours = $.validityPeriodHours;
        this.allowedUsesValue = $.allowedUsesValue;
        this.earlyRenewalHoursValue = $.earlyRenewalHoursValue;
        this.maxPathLengthValue = $.maxPathLengthValue;
        this.validityPeriodHoursValue = $.validityPeriodHoursValue;
    }

    public Output<List<String>> allowedUses() {
        return allowedUses;
    }

    public Output<String> caCertPem() {
        return caCertPem;
    }

    public Output<String> caPrivateKeyPem() {
        return caPrivateKeyPem;
    }

    public Output<String> certRequestPem() {
        return certRequestPem;
    }

    public Optional<Output<Integer>> earlyRenewalHours() {
        return Optional.ofNullable(earlyRenewalHours);
    }

    public Optional<Output<Boolean>> isCaCertificate() {
        return Optional.ofNullable(isCaCertificate);
    }

    public Optional<Output<Integer>> maxPathLength() {
        return Optional.ofNullable(maxPathLength);
    }

    public Optional<Output<Boolean>> setSubjectKeyId() {
        return Optional.ofNullable(setSubjectKeyId);
    }

    public Output<Integer> validityPeriodHours() {
        return validityPeriodHours;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(LocallySignedCertArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private final LocallySignedCertArgs $;

        public Builder() {
            $ = new LocallySignedCertArgs();
        }

        public Builder(LocallySignedCertArgs defaults) {
            $ = new LocallySignedCertArgs(Objects.requireNonNull(defaults));
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

        public Builder caCertPem(Output<String> caCertPem) {
            $.caCertPem = caCertPem;
            return this;
        }

        public Builder caCertPem(String caCertPem) {
            return caCertPem(caCertPem == null ? null : Output.of(caCertPem));
        }

        /** Sent as a secret, whether or not {@code caPrivateKeyPem} already is one. */
        public Builder caPrivateKeyPem(Output<String> caPrivateKeyPem) {
            $.caPrivateKeyPem = caPrivateKeyPem == null ? null : caPrivateKeyPem.asSecret();
            return this;
        }

        public Builder caPrivateKeyPem(String caPrivateKeyPem) {
            return caPrivateKeyPem(caPrivateKeyPem == null ? null : Output.of(caPrivateKeyPem));
        }

        public Builder certRequestPem(Output<String> certRequestPem) {
            $.certRequestPem = certRequestPem;
            return this;
        }

        public Builder certRequestPem(String certRequestPem) {
            return certRequestPem(certRequestPem == null ? null : Output.of(certRequestPem));
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

        public Builder setSubjectKeyId(Output<Boolean> setSubjectKeyId) {
            $.setSubjectKeyId = setSubjectKeyId;
            return this;
        }

        public Builder setSubjectKeyId(Boolean setSubjectKeyId) {
            return setSubjectKeyId(Output.of(setSubjectKeyId));
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

        public LocallySignedCertArgs build() {
            var p = new ArgsProblems("LocallySignedCertArgs");
            TlsRules.allowedUses(p, $.allowedUses, $.allowedUsesValue);
            p.require("caCertPem", $.caCertPem, "pass the signing CA's certificate, e.g. rootCa.certPem()");
            TlsRules.privateKeyPem(p, "caPrivateKeyPem", $.caPrivateKeyPem);
            p.require("certRequestPem", $.certRequestPem, "pass the request to sign, e.g. certRequest.certRequestPem()");
            TlsRules.validity(p, $.validityPeriodHours, $.validityPeriodHoursValue, $.earlyRenewalHoursValue,
                    $.maxPathLengthValue);
            p.throwIfAny();
            return $;
        }
    }
}
