package io.acgs2.components.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Optional;

/**
 * A self-signed certificate (pulumi-tls's {@code SelfSignedCert}): a root CA when
 * {@code isCaCertificate} is set. Hand-written in the shape of generated SDK code, like
 * {@link PrivateKey}: the plugin is pinned to {@link TlsProvider#PLUGIN_VERSION} and
 * {@code privateKeyPem} is a secret output.
 *
 * <p>Any change of an input replaces the certificate. Past {@code validityPeriodHours} less
 * {@code earlyRenewalHours}, {@link #readyForRenewal()} turns true and the next update replaces it.
 * The optional {@code subject} is not echoed as an output (the provider does; read it from the args).
 */
@ResourceType(type = SelfSignedCert.TYPE)
public class SelfSignedCert extends CustomResource {

    public static final String TYPE = "tls:index/selfSignedCert:SelfSignedCert";
    /**
     * The outputs the provider's schema marks secret (as the 5.6 SDKs declare them; the write-only
     * {@code privateKeyPemWo} input is not bound here).
     */
    public static final List<String> SECRET_OUTPUTS = List.of("privateKeyPem", "privateKeyPemWo");

    @Export(name = "allowedUses", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> allowedUses;

    @Export(name = "certPem", refs = {String.class}, tree = "[0]")
    private Output<String> certPem;

    @Export(name = "dnsNames", refs = {List.class, String.class}, tree = "[0,1]")
    private Output</* @Nullable */ List<String>> dnsNames;

    @Export(name = "earlyRenewalHours", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> earlyRenewalHours;

    @Export(name = "ipAddresses", refs = {List.class, String.class}, tree = "[0,1]")
    private Output</* @Nullable */ List<String>> ipAddresses;

    @Export(name = "isCaCertificate", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> isCaCertificate;

    @Export(name = "keyAlgorithm", refs = {String.class}, tree = "[0]")
    private Output<String> keyAlgorithm;

    @Export(name = "maxPathLength", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> maxPathLength;

    @Export(name = "privateKeyPem", refs = {String.class}, tree = "[0]")
    private Output</* @Nullable */ String> privateKeyPem;

    @Export(name = "readyForRenewal", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> readyForRenewal;

    @Export(name = "setAuthorityKeyId", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> setAuthorityKeyId;

    @Export(name = "setSubjectKeyId", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> setSubjectKeyId;

    @Export(name = "uris", refs = {List.class, String.class}, tree = "[0,1]")
    private Output</* @Nullable */ List<String>> uris;

    @Export(name = "validityEndTime", refs = {String.class}, tree = "[0]")
    private Output<String> validityEndTime;

    @Export(name = "validityPeriodHours", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> validityPeriodHours;

    @Export(name = "validityStartTime", refs = {String.class}, tree = "[0]")
    private Output<String> validityStartTime;

    public SelfSignedCert(String name, SelfSignedCertArgs args) {
        this(name, args, null);
    }

    public SelfSignedCert(String name, SelfSignedCertArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, makeResourceOptions(options));
    }

    /** {@code options} merged with the pinned plugin version and the secret outputs (the caller's win where set). */
    static CustomResourceOptions makeResourceOptions(CustomResourceOptions options) {
        return TlsProvider.resourceOptions(options, SECRET_OUTPUTS);
    }

    public Output<List<String>> allowedUses() {
        return allowedUses;
    }

    /** The certificate in PEM (RFC 1421) format, with a trailing newline. */
    public Output<String> certPem() {
        return certPem;
    }

    public Output<Optional<List<String>>> dnsNames() {
        return dnsNames.applyValue(Optional::ofNullable);
    }

    public Output<Integer> earlyRenewalHours() {
        return earlyRenewalHours;
    }

    public Output<Optional<List<String>>> ipAddresses() {
        return ipAddresses.applyValue(Optional::ofNullable);
    }

    public Output<Boolean> isCaCertificate() {
        return isCaCertificate;
    }

    /** The algorithm of the key in {@code privateKeyPem}: RSA, ECDSA or ED25519. */
    public Output<String> keyAlgorithm() {
        return keyAlgorithm;
    }

    public Output<Integer> maxPathLength() {
        return maxPathLength;
    }

    /** Secret. */
    public Output<Optional<String>> privateKeyPem() {
        return privateKeyPem.applyValue(Optional::ofNullable);
    }

    /** Whether the certificate has expired or is within {@code earlyRenewalHours} of expiry. */
    public Output<Boolean> readyForRenewal() {
        return readyForRenewal;
    }

    public Output<Boolean> setAuthorityKeyId() {
        return setAuthorityKeyId;
    }

    public Output<Boolean> setSubjectKeyId() {
        return setSubjectKeyId;
    }

    public Output<Optional<List<String>>> uris() {
        return uris.applyValue(Optional::ofNullable);
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
