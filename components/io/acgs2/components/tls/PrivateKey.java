package io.acgs2.components.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;

/**
 * A generated private key, held only in state (pulumi-tls's {@code PrivateKey}). There is no Java SDK
 * of the tls provider on Maven Central, so this binding has the shape of generated SDK code: the
 * provider's own type token, {@code @Export} outputs, and options merged with defaults that pin the
 * plugin ({@link TlsProvider#PLUGIN_VERSION}) and mark the private-key outputs secret, as the
 * provider's schema does.
 *
 * <p>Any change of an input replaces the resource and generates a new key (and so replaces every
 * certificate made from it).
 */
@ResourceType(type = PrivateKey.TYPE)
public class PrivateKey extends CustomResource {

    public static final String TYPE = "tls:index/privateKey:PrivateKey";
    /** The outputs the provider's schema marks secret. */
    public static final List<String> SECRET_OUTPUTS = List.of("privateKeyOpenssh", "privateKeyPem", "privateKeyPemPkcs8");

    @Export(name = "algorithm", refs = {String.class}, tree = "[0]")
    private Output<String> algorithm;

    @Export(name = "ecdsaCurve", refs = {String.class}, tree = "[0]")
    private Output<String> ecdsaCurve;

    @Export(name = "privateKeyOpenssh", refs = {String.class}, tree = "[0]")
    private Output<String> privateKeyOpenssh;

    @Export(name = "privateKeyPem", refs = {String.class}, tree = "[0]")
    private Output<String> privateKeyPem;

    @Export(name = "privateKeyPemPkcs8", refs = {String.class}, tree = "[0]")
    private Output<String> privateKeyPemPkcs8;

    @Export(name = "publicKeyFingerprintMd5", refs = {String.class}, tree = "[0]")
    private Output<String> publicKeyFingerprintMd5;

    @Export(name = "publicKeyFingerprintSha256", refs = {String.class}, tree = "[0]")
    private Output<String> publicKeyFingerprintSha256;

    @Export(name = "publicKeyOpenssh", refs = {String.class}, tree = "[0]")
    private Output<String> publicKeyOpenssh;

    @Export(name = "publicKeyPem", refs = {String.class}, tree = "[0]")
    private Output<String> publicKeyPem;

    @Export(name = "rsaBits", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> rsaBits;

    public PrivateKey(String name, PrivateKeyArgs args) {
        this(name, args, null);
    }

    public PrivateKey(String name, PrivateKeyArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, makeResourceOptions(options));
    }

    /** {@code options} merged with the pinned plugin version and the secret outputs (the caller's win where set). */
    static CustomResourceOptions makeResourceOptions(CustomResourceOptions options) {
        return TlsProvider.resourceOptions(options, SECRET_OUTPUTS);
    }

    public Output<String> algorithm() {
        return algorithm;
    }

    /** The curve of an ECDSA key (the provider sets it, P224 by default, whatever the algorithm). */
    public Output<String> ecdsaCurve() {
        return ecdsaCurve;
    }

    /** The private key in OpenSSH PEM (RFC 4716) format. Secret. */
    public Output<String> privateKeyOpenssh() {
        return privateKeyOpenssh;
    }

    /** The private key in PEM (RFC 1421) format. Secret. */
    public Output<String> privateKeyPem() {
        return privateKeyPem;
    }

    /** The private key in PKCS#8 PEM (RFC 5208) format. Secret. */
    public Output<String> privateKeyPemPkcs8() {
        return privateKeyPemPkcs8;
    }

    /** OpenSSH MD5 fingerprint, e.g. aa:bb:cc:...; not populated for ECDSA keys on P224. */
    public Output<String> publicKeyFingerprintMd5() {
        return publicKeyFingerprintMd5;
    }

    /** OpenSSH SHA256 fingerprint, e.g. SHA256:...; not populated for ECDSA keys on P224. */
    public Output<String> publicKeyFingerprintSha256() {
        return publicKeyFingerprintSha256;
    }

    /** The public key in OpenSSH authorized_keys format; not populated for ECDSA keys on P224. */
    public Output<String> publicKeyOpenssh() {
        return publicKeyOpenssh;
    }

    /** The public key in PEM (RFC 1421) format. */
    public Output<String> publicKeyPem() {
        return publicKeyPem;
    }

    /** The size of an RSA key (the provider sets it, 2048 by default, whatever the algorithm). */
    public Output<Integer> rsaBits() {
        return rsaBits;
    }
}
