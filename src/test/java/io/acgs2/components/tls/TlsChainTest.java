package io.acgs2.components.tls;

import com.pulumi.resources.CustomResourceOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A root CA and an intermediate CA under it, built as a program would, under the plan's mocks. */
class TlsChainTest {

    private static final List<String> CA_USES = List.of("cert_signing", "crl_signing", "digital_signature");

    @Test
    void aRootCaSignsAnIntermediateThatMaySignOnlyEndEntities() {
        var plan = runInRegion("eu-west-1", r -> {
            var tls = new TlsProvider("tls", null);
            var opts = CustomResourceOptions.builder().provider(tls).build();
            var rootKey = new PrivateKey("root-ca-key", PrivateKeyArgs.builder().algorithm("ECDSA").ecdsaCurve("P384").build(), opts);
            var root = new SelfSignedCert("root-ca", SelfSignedCertArgs.builder()
                    .privateKeyPem(rootKey.privateKeyPem())
                    .isCaCertificate(true)
                    .setSubjectKeyId(true)
                    .setAuthorityKeyId(true)
                    .allowedUses(CA_USES)
                    .validityPeriodHours(87600)
                    .earlyRenewalHours(8760)
                    .subject(CertSubjectArgs.builder()
                            .commonName("acgs2 root CA")
                            .organization("ACGS2")
                            .organizationalUnit("platform")
                            .country("IE")
                            .locality("Dublin")
                            .streetAddresses("1 Main Street")
                            .build())
                    .build(), opts);
            var intermediateKey = new PrivateKey("intermediate-ca-key", PrivateKeyArgs.builder().algorithm("RSA").rsaBits(4096).build(), opts);
            var request = new CertRequest("intermediate-ca-csr", CertRequestArgs.builder()
                    .privateKeyPem(intermediateKey.privateKeyPem())
                    .subject(CertSubjectArgs.builder().commonName("acgs2 intermediate CA eu-west-1").organization("ACGS2").build())
                    .build(), opts);
            var intermediate = new LocallySignedCert("intermediate-ca", LocallySignedCertArgs.builder()
                    .certRequestPem(request.certRequestPem())
                    .caCertPem(root.certPem())
                    .caPrivateKeyPem(rootKey.privateKeyPem())
                    .isCaCertificate(true)
                    .maxPathLength(0)
                    .setSubjectKeyId(true)
                    .allowedUses(CA_USES)
                    .validityPeriodHours(43800)
                    .earlyRenewalHours(720)
                    .build(), opts);
            r.ctx().export("rootCertPem", root.certPem());
            r.ctx().export("rootKeyAlgorithm", root.keyAlgorithm());
            r.ctx().export("requestKeyAlgorithm", request.keyAlgorithm());
            r.ctx().export("intermediateCertPem", intermediate.certPem());
            r.ctx().export("intermediateCaKeyAlgorithm", intermediate.caKeyAlgorithm());
            r.ctx().export("intermediateValidityEndTime", intermediate.validityEndTime());
            r.ctx().export("intermediateMaxPathLength", intermediate.maxPathLength());
        });
        var rootKey = one(plan, PrivateKey.TYPE, "root-ca-key");
        var root = one(plan, SelfSignedCert.TYPE, "root-ca");
        var intermediateKey = one(plan, PrivateKey.TYPE, "intermediate-ca-key");
        var request = one(plan, CertRequest.TYPE, "intermediate-ca-csr");
        var intermediate = one(plan, LocallySignedCert.TYPE, "intermediate-ca");
        var raw = plan.rawOutputs();

        assertEquals(Map.of("algorithm", "ECDSA", "ecdsaCurve", "P384"), rootKey.inputs());
        assertEquals(Map.of("algorithm", "RSA", "rsaBits", 4096L), intermediateKey.inputs());

        // the root: self-signed with its own key, a CA with no path limit set
        assertEquals(true, root.inputs().get("isCaCertificate"));
        assertEquals(CA_USES, root.inputs().get("allowedUses"));
        assertEquals(87600L, root.inputs().get("validityPeriodHours"));
        assertEquals(8760L, root.inputs().get("earlyRenewalHours"));
        assertEquals(true, root.inputs().get("setSubjectKeyId"));
        assertEquals(true, root.inputs().get("setAuthorityKeyId"));
        assertNull(root.inputs().get("maxPathLength"));
        assertEquals("[secret]", root.inputs().get("privateKeyPem"));
        assertEquals(Map.of("commonName", "acgs2 root CA", "organization", "ACGS2", "organizationalUnit", "platform",
                "country", "IE", "locality", "Dublin", "streetAddresses", List.of("1 Main Street")), root.inputs().get("subject"));
        assertTrue(root.dependencies().contains(rootKey.urn()));

        // the request: for the intermediate's own key
        assertEquals("[secret]", request.inputs().get("privateKeyPem"));
        assertEquals(Map.of("commonName", "acgs2 intermediate CA eu-west-1", "organization", "ACGS2"), request.inputs().get("subject"));
        assertTrue(request.dependencies().contains(intermediateKey.urn()));

        // the intermediate: the request signed with the root's certificate and key; signs end entities only
        assertEquals(true, intermediate.inputs().get("isCaCertificate"));
        assertEquals(0L, intermediate.inputs().get("maxPathLength"));
        assertEquals(true, intermediate.inputs().get("setSubjectKeyId"));
        assertEquals(CA_USES, intermediate.inputs().get("allowedUses"));
        assertEquals(43800L, intermediate.inputs().get("validityPeriodHours"));
        assertEquals(720L, intermediate.inputs().get("earlyRenewalHours"));
        assertEquals(raw.get("rootCertPem"), intermediate.inputs().get("caCertPem"));
        assertTrue(String.valueOf(intermediate.inputs().get("certRequestPem")).startsWith("-----BEGIN CERTIFICATE REQUEST-----\n"));
        assertEquals("[secret]", intermediate.inputs().get("caPrivateKeyPem"));
        assertTrue(intermediate.dependencies().containsAll(List.of(request.urn(), root.urn(), rootKey.urn())),
                intermediate.dependencies().toString());
        assertEquals(0, ((Number) raw.get("intermediateMaxPathLength")).intValue());

        // the plan's outputs follow the keys: the root and the intermediate's signer are ECDSA, the request RSA
        assertEquals("ECDSA", raw.get("rootKeyAlgorithm"));
        assertEquals("ECDSA", raw.get("intermediateCaKeyAlgorithm"));
        assertEquals("RSA", raw.get("requestKeyAlgorithm"));
        assertNotEquals(raw.get("rootCertPem"), raw.get("intermediateCertPem"));
        assertEquals("2030-12-31T00:00:00Z", raw.get("intermediateValidityEndTime"));
    }
}
