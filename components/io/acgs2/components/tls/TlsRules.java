package io.acgs2.components.tls;

import com.pulumi.core.Output;
import io.acgs2.components.common.ArgsProblems;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The values the tls provider accepts, and the rules the args builders of this package share. Values
 * given as plain Java values are checked in {@code build()}; values given as {@link Output}s are known
 * only at deployment, and only their presence is checked.
 */
public final class TlsRules {

    /**
     * The values of {@code allowedUses}: the provider's key usages and extended key usages, in its own
     * snake_case spelling (terraform-provider-tls, {@code internal/provider/common_cert.go}). The
     * provider rejects any other value at preview; Pulumi's generated docs show them camelCased, but
     * the values are passed through untranslated.
     */
    public static final SortedSet<String> ALLOWED_USES = Collections.unmodifiableSortedSet(new TreeSet<>(List.of(
            // key usages (RFC 5280 4.2.1.3)
            "digital_signature", "content_commitment", "key_encipherment", "data_encipherment", "key_agreement",
            "cert_signing", "crl_signing", "encipher_only", "decipher_only",
            // extended key usages (RFC 5280 4.2.1.12)
            "any_extended", "server_auth", "client_auth", "code_signing", "email_protection", "ipsec_end_system",
            "ipsec_tunnel", "ipsec_user", "timestamping", "ocsp_signing", "microsoft_server_gated_crypto",
            "netscape_server_gated_crypto", "microsoft_commercial_code_signing", "microsoft_kernel_code_signing")));

    /** The values of {@link PrivateKeyArgs#algorithm()}. */
    public static final List<String> ALGORITHMS = List.of("RSA", "ECDSA", "ED25519");

    /** The values of {@link PrivateKeyArgs#ecdsaCurve()} (provider default: P224). */
    public static final List<String> ECDSA_CURVES = List.of("P224", "P256", "P384", "P521");

    private TlsRules() {
    }

    static void allowedUses(ArgsProblems p, Output<List<String>> allowedUses, List<String> known) {
        if (p.require("allowedUses", allowedUses, "list the certificate's key usages, e.g. [digital_signature, "
                + "key_encipherment, server_auth] for a server, [cert_signing, crl_signing] for a CA") == null || known == null) {
            return;
        }
        if (known.isEmpty()) {
            p.add("allowedUses", "is empty", "list at least one key usage, e.g. digital_signature");
        }
        for (var use : known) {
            if (use == null || !ALLOWED_USES.contains(use)) {
                var snake = use == null ? null : use.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
                p.add("allowedUses", "'" + use + "' is not a key usage the tls provider accepts",
                        snake != null && ALLOWED_USES.contains(snake)
                                ? "write the provider's snake_case value '" + snake + "'"
                                : "use one of " + String.join(", ", ALLOWED_USES));
            }
        }
    }

    static void privateKeyPem(ArgsProblems p, String field, Output<String> pem) {
        p.require(field, pem, "pass the signing key's PEM, e.g. privateKey.privateKeyPem()");
    }

    /** validityPeriodHours, earlyRenewalHours and maxPathLength of a certificate. */
    static void validity(ArgsProblems p, Output<Integer> validityPeriodHours, Integer validity, Integer earlyRenewal,
                         Integer maxPathLength) {
        p.require("validityPeriodHours", validityPeriodHours,
                "pass how many hours the certificate is valid after issuing, e.g. 8760 (a year)");
        if (validity != null && validity <= 0) {
            p.add("validityPeriodHours", "is " + validity + ": the certificate would never be valid",
                    "pass a positive number of hours, e.g. 8760 (a year)");
        }
        if (earlyRenewal != null && earlyRenewal < 0) {
            p.add("earlyRenewalHours", "is " + earlyRenewal + ", a negative number of hours",
                    "pass 0 (renew at expiry) or how many hours before expiry to renew");
        } else if (earlyRenewal != null && validity != null && validity > 0 && earlyRenewal >= validity) {
            p.add("earlyRenewalHours", "is " + earlyRenewal + ", not less than validityPeriodHours (" + validity
                            + "): the certificate would be due for renewal as soon as it is issued",
                    "renew fewer hours before expiry than the certificate is valid, e.g. 720 (30 days) for a year");
        }
        if (maxPathLength != null && maxPathLength < -1) {
            p.add("maxPathLength", "is " + maxPathLength,
                    "pass -1 (no limit), 0 (may sign only end-entity certificates) or the number of intermediates allowed below");
        }
    }
}
