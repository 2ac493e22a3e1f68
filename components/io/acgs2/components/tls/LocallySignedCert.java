package io.acgs2.components.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Optional;

/**
 * A certificate signed by a CA whose key is at hand (pulumi-tls's {@code LocallySignedCert}): signs a
 * {@link CertRequest} with a {@link SelfSignedCert} root (or another locally signed CA); an
 * intermediate CA when {@code isCaCertificate} is set. Hand-written in the shape of generated SDK code,
 * like {@link PrivateKey}: the plugin is pinned to {@link TlsProvider#PLUGIN_VERSION} and
 * {@code caPrivateKeyPem} is a secret output.
 *
 * <p>Any change of an input replaces the certificate. Past {@code validityPeriodHours} less
 * {@code earlyRenewalHours}, {@link #readyForRenewal()} turns true and the next update replaces it.
 */
@ResourceType(type = LocallySignedCert.TYPE)
public class LocallySignedCert extends CustomResource {

    public static final String TYPE = "tls:index/locallySignedCert:LocallySignedCert";
    /**
     * The outputs the provider's schema marks secret (as the 5.6 SDKs declare them; the write-only
     * {@code caPrivateKeyPemWo} input is not bound here).
     */
    public static final List<String> SECRET_OUTPUTS = List.of("caPrivateKeyPem", "caPrivateKeyPemWo");

    @Export(name = "allowedUses", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> allowedUses;

    @Export(name = "caCertPem", refs = {String.class}, tree = "[0]")
    private Output<String> caCertPem;

    @Export(name = "caKeyAlgorithm", refs = {String.class}, tree = "[0]")
    private Output<String> caKeyAlgorithm;

    @Export(name = "caPrivateKeyPem", refs = {String.class}, tree = "[0]")
    private Output</* @Nullable */ String> caPrivateKeyPem;

    @Export(name = "certPem", refs = {String.class}, tree = "[0]")
    private Output<String> certPem;

    @Export(name = "certRequestPem", refs = {String.class}, tree = "[0]")
    private Output<String> certRequestPem;

    @Export(name = "earlyRenewalHours", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> earlyRenewalHours;

    @Export(name = "isCaCertificate", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> isCaCertificate;

    @Export(name = "maxPathLength", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> maxPathLength;

    @Export(name = "readyForRenewal", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> readyForRenewal;

    @Export(name = "setSubjectKeyId", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> setSubjectKeyId;

    @Export(name = "validityEndTime", refs = {String.class}, tree = "[0]")
    private Output<String> validityEndTime;

    @Export(name = "validityPeriodHours", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> validityPeriodHours;

    @Export(name = "validityStartTime", refs = {String.class}, tree = "[0]")
    private Output<String> validityStartTime;

    public LocallySignedCert(String name, LocallySignedCertArgs args) {
        this(name, args, null);
    }

    public LocallySignedCert(String name, LocallySignedCertArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, makeResourceOptions(options));
    }

    /** {@code options} merged with the pinned plugin version and the secret outputs (the caller's win where set). */
    static CustomResourceOptions makeResourceOptions(CustomResourceOptions options) {
        return TlsProvider.resourceOptions(options, SECRET_OUTPUTS);
    }

    public Output<List<String>> allowedUses() {
        return allowedUses;
    }

    public Output<String> caCertPem() {
        return caCertPem;
    }

    /** The algorithm of the CA's key: RSA, ECDSA or ED25519. */
    public Output<String> caKeyAlgorithm() {
        return caKeyAlgorithm;
    }

    /** Secret. */
    public Output<Optional<String>> caPrivateKeyPem() {
        return caPrivateKeyPem.applyValue(Optional::ofNullable);
    }

    /** The certificate in PEM (RFC 1421) format, with a trailing newline. */
    public Output<String> certPem() {
        return certPem;
    }

    public Output<String> certRequestPem() {
        return certRequestPem;
    }

    public Output<Integer> earlyRenewalHours() {
        return earlyRenewalHours;
    }

    public Output<Boolean> isCaCertificate() {
        return isCaCertificate;
    }

    public Output<Integer> maxPathLength() {
        return maxPathLength;
    }

    /** Whether the certificate has expired or is within {@code earlyRenewalHours} of expiry. */
    public Output<Boolean> readyForRenewal() {
        return readyForRenewal;
    }

    public Output<Boolean> setSubjectKeyId() {
        return setSubjectKeyId;
    }

    /** The end of the validity period (RFC 3339). */
    public Output<String> validityEndTime() {
        return validityEndTime;
    }

    public Output<Integer> validityPeriodHours() {
        return validityPeriodHours;
    }

    /** The start of the validity period (RFC 3339). */
    public Output<String> validityStartTime() {
        return validityStartTime;
    }
}
