package io.acgs2.components.tls;

import com.pulumi.core.Output;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TlsArgsTest {

    private static final Output<String> PEM = Output.of("-----BEGIN EC PRIVATE KEY-----\n...\n-----END EC PRIVATE KEY-----\n");

    /** The message of the rejection, after checking that every expected piece is in it. */
    private static String rejected(Executable build, String... expected) {
        var m = assertThrows(IllegalArgumentException.class, build).getMessage();
        for (var e : expected) {
            assertTrue(m.contains(e), "missing '" + e + "' in " + m);
        }
        return m;
    }

    @Test
    void theAllowedUsesAreTheProvidersSnakeCaseKeyUsages() {
        assertEquals(23, TlsRules.ALLOWED_USES.size());
        assertTrue(TlsRules.ALLOWED_USES.containsAll(List.of("digital_signature", "content_commitment", "key_encipherment",
                "data_encipherment", "key_agreement", "cert_signing", "crl_signing", "encipher_only", "decipher_only",
                "any_extended", "server_auth", "client_auth", "code_signing", "email_protection", "ipsec_end_system",
                "ipsec_tunnel", "ipsec_user", "timestamping", "ocsp_signing", "microsoft_server_gated_crypto",
                "netscape_server_gated_crypto", "microsoft_commercial_code_signing", "microsoft_kernel_code_signing")));
        // every one of them builds
        assertDoesNotThrow(() -> SelfSignedCertArgs.builder().privateKeyPem(PEM)
                .allowedUses(List.copyOf(TlsRules.ALLOWED_USES)).validityPeriodHours(1).build());
        assertDoesNotThrow(() -> LocallySignedCertArgs.builder().caPrivateKeyPem(PEM).caCertPem("ca").certRequestPem("csr")
                .allowedUses(List.copyOf(TlsRules.ALLOWED_USES)).validityPeriodHours(1).build());
    }

    @Test
    void selfSignedCertReportsEveryBadFieldTogether() {
        var m = rejected(() -> SelfSignedCertArgs.builder()
                        .allowedUses("certSigning", "server_auth", "signing")
                        .validityPeriodHours(0)
                        .earlyRenewalHours(-1)
                        .maxPathLength(-2)
                        .build(),
                "SelfSignedCertArgs: 6 problems",
                "privateKeyPem: is required. Fix: pass the signing key's PEM, e.g. privateKey.privateKeyPem()",
                "allowedUses: 'certSigning' is not a key usage the tls provider accepts. Fix: write the provider's snake_case value 'cert_signing'",
                "allowedUses: 'signing' is not a key usage the tls provider accepts. Fix: use one of any_extended, cert_signing,",
                "validityPeriodHours: is 0",
                "earlyRenewalHours: is -1, a negative number of hours",
                "maxPathLength: is -2");
        assertFalse(m.contains("'server_auth'"), m);
    }

    @Test
    void requiredFieldsAreNamedWithTheirFix() {
        rejected(() -> SelfSignedCertArgs.builder().build(), "SelfSignedCertArgs: 3 problems",
                "allowedUses: is required. Fix: list the certificate's key usages", "privateKeyPem: is required",
                "validityPeriodHours: is required. Fix: pass how many hours");
        rejected(() -> LocallySignedCertArgs.builder().build(), "LocallySignedCertArgs: 5 problems",
                "allowedUses: is required", "caCertPem: is required. Fix: pass the signing CA's certificate",
                "caPrivateKeyPem: is required", "certRequestPem: is required. Fix: pass the request to sign",
                "validityPeriodHours: is required");
        rejected(() -> CertRequestArgs.builder().dnsNames("x.example").build(), "CertRequestArgs: 1 problem:",
                "privateKeyPem: is required");
        rejected(() -> PrivateKeyArgs.builder().rsaBits(2048).build(), "PrivateKeyArgs: 1 problem:",
                "algorithm: is required. Fix: pass RSA, ECDSA or ED25519");
        // a null is a missing value, not a NullPointerException
        rejected(() -> CertRequestArgs.builder().privateKeyPem((String) null).build(), "privateKeyPem: is required");
    }

    @Test
    void privateKeyChecksTheAlgorithmTheCurveAndTheSize() {
        rejected(() -> PrivateKeyArgs.builder().algorithm("rsa").ecdsaCurve("P192").rsaBits(0).build(),
                "PrivateKeyArgs: 3 problems",
                "algorithm: 'rsa' is not an algorithm the tls provider supports. Fix: use one of RSA, ECDSA, ED25519",
                "ecdsaCurve: 'P192' is not a curve the tls provider supports. Fix: use one of P224, P256, P384, P521",
                "rsaBits: is 0");
        for (var algorithm : TlsRules.ALGORITHMS) {
            assertDoesNotThrow(() -> PrivateKeyArgs.builder().algorithm(algorithm).build());
        }
        for (var curve : TlsRules.ECDSA_CURVES) {
            assertDoesNotThrow(() -> PrivateKeyArgs.builder().algorithm("ECDSA").ecdsaCurve(curve).build());
        }
    }

    @Test
    void earlyRenewalMustComeBeforeExpiry() {
        rejected(() -> LocallySignedCertArgs.builder().caPrivateKeyPem(PEM).caCertPem("ca").certRequestPem("csr")
                        .allowedUses("server_auth").validityPeriodHours(24).earlyRenewalHours(24).build(),
                "LocallySignedCertArgs: 1 problem:",
                "earlyRenewalHours: is 24, not less than validityPeriodHours (24)");
        assertDoesNotThrow(() -> LocallySignedCertArgs.builder().caPrivateKeyPem(PEM).caCertPem("ca").certRequestPem("csr")
                .allowedUses("server_auth").validityPeriodHours(24).earlyRenewalHours(23).maxPathLength(-1).build());
    }

    @Test
    void anEmptyListOfUsesIsRejected() {
        rejected(() -> SelfSignedCertArgs.builder().privateKeyPem(PEM).allowedUses(List.of()).validityPeriodHours(1).build(),
                "allowedUses: is empty");
    }

    @Test
    void valuesKnownOnlyAtDeploymentAreCheckedForPresenceOnly() {
        assertDoesNotThrow(() -> SelfSignedCertArgs.builder().privateKeyPem(PEM)
                .allowedUses(Output.of(List.of("whatever"))).validityPeriodHours(Output.of(0))
                .earlyRenewalHours(Output.of(5)).build());
        assertDoesNotThrow(() -> PrivateKeyArgs.builder().algorithm(Output.of("dsa")).build());
    }

    @Test
    void aCopyKeepsTheValuesItChecks() {
        var base = SelfSignedCertArgs.builder().privateKeyPem(PEM).allowedUses("cert_signing")
                .validityPeriodHours(8760).earlyRenewalHours(720).build();
        rejected(() -> SelfSignedCertArgs.builder(base).validityPeriodHours(48).build(),
                "earlyRenewalHours: is 720, not less than validityPeriodHours (48)");
        rejected(() -> SelfSignedCertArgs.builder(base).allowedUses("serverAuth").build(),
                "write the provider's snake_case value 'server_auth'");
        assertDoesNotThrow(() -> SelfSignedCertArgs.builder(base).validityPeriodHours(1000).build());
    }
}
