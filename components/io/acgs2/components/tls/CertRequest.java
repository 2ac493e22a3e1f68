package io.acgs2.components.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Optional;

/**
 * A certificate signing request (pulumi-tls's {@code CertRequest}), to be signed by a
 * {@link LocallySignedCert} (or an external CA). Hand-written in the shape of generated SDK code, like
 * {@link PrivateKey}: the plugin is pinned to {@link TlsProvider#PLUGIN_VERSION} and
 * {@code privateKeyPem} is a secret output. The optional {@code subject} is not echoed as an output.
 */
@ResourceType(type = CertRequest.TYPE)
public class CertRequest extends CustomResource {

    public static final String TYPE = "tls:index/certRequest:CertRequest";
    /**
     * The outputs the provider's schema marks secret (as the 5.6 SDKs declare them; the write-only
     * {@code privateKeyPemWo} input is not bound here).
     */
    public static final List<String> SECRET_OUTPUTS = List.of("privateKeyPem", "privateKeyPemWo");

    @Export(name = "certRequestPem", refs = {String.class}, tree = "[0]")
    private Output<String> certRequestPem;

    @Export(name = "dnsNames", refs = {List.class, String.class}, tree = "[0,1]")
    private Output</* @Nullable */ List<String>> dnsNames;

    @Export(name = "ipAddresses", refs = {List.class, String.class}, tree = "[0,1]")
    private Output</* @Nullable */ List<String>> ipAddresses;

    @Export(name = "keyAlgorithm", refs = {String.class}, tree = "[0]")
    private Output<String> keyAlgorithm;

    @Export(name = "privateKeyPem", refs = {String.class}, tree = "[0]")
    private Output</* @Nullable */ String> privateKeyPem;

    @Export(name = "uris", refs = {List.class, String.class}, tree = "[0,1]")
    private Output</* @Nullable */ List<String>> uris;

    public CertRequest(String name, CertRequestArgs args) {
        this(name, args, null);
    }

    public CertRequest(String name, CertRequestArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, makeResourceOptions(options));
    }

    /** {@code options} merged with the pinned plugin version and the secret outputs (the caller's win where set). */
    static CustomResourceOptions makeResourceOptions(CustomResourceOptions options) {
        return TlsProvider.resourceOptions(options, SECRET_OUTPUTS);
    }

    /** The request in PEM (RFC 1421) format. */
    public Output<String> certRequestPem() {
        return certRequestPem;
    }

    public Output<Optional<List<String>>> dnsNames() {
        return dnsNames.applyValue(Optional::ofNullable);
    }

    public Output<Optional<List<String>>> ipAddresses() {
        return ipAddresses.applyValue(Optional::ofNullable);
    }

    /** The algorithm of the key in {@code privateKeyPem}: RSA, ECDSA or ED25519. */
    public Output<String> keyAlgorithm() {
        return keyAlgorithm;
    }

    /** Secret. */
    public Output<Optional<String>> privateKeyPem() {
        return privateKeyPem.applyValue(Optional::ofNullable);
    }

    public Output<Optional<List<String>>> uris() {
        return uris.applyValue(Optional::ofNullable);
    }
}
