package io.acgs2.components.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.acgs2.components.common.ArgsProblems;

import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link PrivateKey}, as pulumi-tls's schema names them. Only {@code algorithm} is required;
 * the provider's defaults apply to the rest (RSA keys of 2048 bits, ECDSA keys on P224).
 * {@code build()} rejects every bad field at once, naming it and the fix.
 */
public final class PrivateKeyArgs extends ResourceArgs {

    public static final PrivateKeyArgs Empty = new PrivateKeyArgs();

    /** RSA, ECDSA or ED25519. Required. */
    @Import(name = "algorithm", required = true)
    private Output<String> algorithm;

    /** When algorithm is ECDSA: P224, P256, P384 or P521. Provider default: P224. */
    @Import(name = "ecdsaCurve")
    private Output<String> ecdsaCurve;

    /** When algorithm is RSA: the key size in bits. Provider default: 2048. */
    @Import(name = "rsaBits")
    private Output<Integer> rsaBits;

    // the values given as plain values, checked by build()
    private String algorithmValue;
    private String ecdsaCurveValue;
    private Integer rsaBitsValue;

    private PrivateKeyArgs() {
    }

    private PrivateKeyArgs(PrivateKeyArgs $) {
        this.algorithm = $.algorithm;
        this.ecdsaCurve = $.ecdsaCurve;
        this.rsaBits = $.rsaBits;
        this.algorithmValue = $.algorithmValue;
        this.ecdsaCurveValue = $.ecdsaCurveValue;
        this.rsaBitsValue = $.rsaBitsValue;
    }

    public Output<String> algorithm() {
        return algorithm;
    }

    public Optional<Output<String>> ecdsaCurve() {
        return Optional.ofNullable(ecdsaCurve);
    }

    public Optional<Output<Integer>> rsaBits() {
        return Optional.ofNullable(rsaBits);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(PrivateKeyArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private final PrivateKeyArgs $;

        public Builder() {
            $ = new PrivateKeyArgs();
        }

        public Builder(PrivateKeyArgs defaults) {
            $ = new PrivateKeyArgs(Objects.requireNonNull(defaults));
        }

        public Builder algorithm(Output<String> algorithm) {
            $.algorithm = algorithm;
            $.algorithmValue = null;
            return this;
        }

        public Builder algorithm(String algorithm) {
            $.algorithm = algorithm == null ? null : Output.of(algorithm);
            $.algorithmValue = algorithm;
            return this;
        }

        public Builder ecdsaCurve(Output<String> ecdsaCurve) {
            $.ecdsaCurve = ecdsaCurve;
            $.ecdsaCurveValue = null;
            return this;
        }

        public Builder ecdsaCurve(String ecdsaCurve) {
            $.ecdsaCurve = ecdsaCurve == null ? null : Output.of(ecdsaCurve);
            $.ecdsaCurveValue = ecdsaCurve;
            return this;
        }

        public Builder rsaBits(Output<Integer> rsaBits) {
            $.rsaBits = rsaBits;
            $.rsaBitsValue = null;
            return this;
        }

        public Builder rsaBits(Integer rsaBits) {
            $.rsaBits = rsaBits == null ? null : Output.of(rsaBits);
            $.rsaBitsValue = rsaBits;
            return this;
        }

        public PrivateKeyArgs build() {
            var p = new ArgsProblems("PrivateKeyArgs");
            if (p.require("algorithm", $.algorithm, "pass RSA, ECDSA or ED25519") != null
                    && $.algorithmValue != null && !TlsRules.ALGORITHMS.contains($.algorithmValue)) {
                p.add("algorithm", "'" + $.algorithmValue + "' is not an algorithm the tls provider supports",
                        "use one of " + String.join(", ", TlsRules.ALGORITHMS) + " (upper case)");
            }
            if ($.ecdsaCurveValue != null && !TlsRules.ECDSA_CURVES.contains($.ecdsaCurveValue)) {
                p.add("ecdsaCurve", "'" + $.ecdsaCurveValue + "' is not a curve the tls provider supports",
                        "use one of " + String.join(", ", TlsRules.ECDSA_CURVES));
            }
            if ($.rsaBitsValue != null && $.rsaBitsValue <= 0) {
                p.add("rsaBits", "is " + $.rsaBitsValue, "pass the RSA key size in bits, e.g. 2048 or 4096");
            }
            p.throwIfAny();
            return $;
        }
    }
}
