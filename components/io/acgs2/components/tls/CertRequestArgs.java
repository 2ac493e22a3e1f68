package io.acgs2.components.tls;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.acgs2.components.common.ArgsProblems;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link CertRequest}, as pulumi-tls's schema names them. Required: {@code privateKeyPem}.
 * {@code build()} rejects every bad field at once, naming it and the fix.
 */
public final class CertRequestArgs extends ResourceArgs {

    public static final CertRequestArgs Empty = new CertRequestArgs();

    @Import(name = "dnsNames")
    private Output<List<String>> dnsNames;

    @Import(name = "ipAddresses")
    private Output<List<String>> ipAddresses;

    /** The key the request is for and is signed with, in PEM. Required; always sent as a secret. */
    @Import(name = "privateKeyPem", required = true)
    private Output<String> privateKeyPem;

    @Import(name = "subject")
    private Output<CertSubjectArgs> subject;

    @Import(name = "uris")
    private Output<List<String>> uris;

    private CertRequestArgs() {
    }

    private CertRequestArgs(CertRequestArgs $) {
        this.dnsNames = $.dnsNames;
        this.ipAddresses = $.ipAddresses;
        this.privateKeyPem = $.privateKeyPem;
        this.subject = $.subject;
        this.uris = $.uris;
    }

    public Optional<Output<List<String>>> dnsNames() {
        return Optional.ofNullable(dnsNames);
    }

    public Optional<Output<List<String>>> ipAddresses() {
        return Optional.ofNullable(ipAddresses);
    }

    public Output<String> privateKeyPem() {
        return privateKeyPem;
    }

    public Optional<Output<CertSubjectArgs>> subject() {
        return Optional.ofNullable(subject);
    }

    public Optional<Output<List<String>>> uris() {
        return Optional.ofNullable(uris);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(CertRequestArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private final CertRequestArgs $;

        public Builder() {
            $ = new CertRequestArgs();
        }

        public Builder(CertRequestArgs defaults) {
            $ = new CertRequestArgs(Objects.requireNonNull(defaults));
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

        /** Sent as a secret, whether or not {@code privateKeyPem} already is one. */
        public Builder privateKeyPem(Output<String> privateKeyPem) {
            $.privateKeyPem = privateKeyPem == null ? null : privateKeyPem.asSecret();
            return this;
        }

        public Builder privateKeyPem(String privateKeyPem) {
            return privateKeyPem(privateKeyPem == null ? null : Output.of(privateKeyPem));
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

        public CertRequestArgs build() {
            var p = new ArgsProblems("CertRequestArgs");
            TlsRules.privateKeyPem(p, "privateKeyPem", $.privateKeyPem);
            p.throwIfAny();
            return $;
        }
    }
}
