package io.acgs2.components.mesh;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.tls.TlsProvider;
import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeshCertificateAuthorityTest {

    static StackPlan ca(String region, Consumer<MeshCertificateAuthorityArgs.Builder> source) {
        return runInRegion(region, r -> {
            var args = MeshCertificateAuthorityArgs.builder().clusterName("acgs2-" + region).cluster(MeshFixtures.core(r, region));
            source.accept(args);
            new MeshCertificateAuthority("ca", args.build(), ComponentResourceOptions.builder()
                    .providers(r.provider(), new TlsProvider("tls", CustomResourceOptions.builder().build())).build());
        });
    }

    @Test
    void theGeneratingRegionMakesAProtectedRootAndAnIntermediateAsIstiosToolingDoes() {
        var plan = ca("us-east-1", a -> a.generateRoot(true));
        var rootKey = one(plan, "tls:index/privateKey:PrivateKey", "ca-root-key");
        var root = one(plan, "tls:index/selfSignedCert:SelfSignedCert", "ca-root");
        assertTrue(rootKey.protect() && root.protect(), "replacing the root breaks trust across the mesh");
        assertEquals("RSA", rootKey.inputs().get("algorithm"));
        assertEquals(4096, ((Number) rootKey.inputs().get("rsaBits")).intValue());
        assertEquals(true, root.inputs().get("isCaCertificate"));
        assertEquals(3650 * 24, ((Number) root.inputs().get("validityPeriodHours")).intValue());
        var intermediate = one(plan, "tls:index/locallySignedCert:LocallySignedCert", "ca-intermediate");
        assertFalse(intermediate.protect(), "intermediates renew by themselves");
        assertEquals(true, intermediate.inputs().get("isCaCertificate"));
        assertEquals(0, ((Number) intermediate.inputs().get("maxPathLength")).intValue(), "path length 0");
        assertEquals(List.of("digital_signature", "content_commitment", "key_encipherment", "cert_signing"),
                intermediate.inputs().get("allowedUses"));
        assertEquals(365 * 24, ((Number) intermediate.inputs().get("validityPeriodHours")).intValue());
        assertEquals(30 * 24, ((Number) intermediate.inputs().get("earlyRenewalHours")).intValue());
        assertEquals("[secret]", intermediate.inputs().get("caPrivateKeyPem"), "the root key only ever travels as a secret");
        var request = one(plan, "tls:index/certRequest:CertRequest", "ca-intermediate-request");
        assertEquals(List.of("istiod.istio-system.svc"), request.inputs().get("dnsNames"));
        var cacerts = one(plan, "kubernetes:core/v1:Secret", "ca-cacerts");
        assertEquals("cacerts", MeshFixtures.map(cacerts.inputs().get("metadata")).get("name"));
        assertEquals("istio-system", MeshFixtures.map(cacerts.inputs().get("metadata")).get("namespace"));
        assertEquals("[secret]", cacerts.inputs().get("stringData"));
    }

    @Test
    void anotherRegionSignsWithTheGivenRootAndAProvidedIntermediateNeedsNoKeys() {
        var signed = ca("eu-west-1", a -> a.root(new MeshCertificateAuthorityArgs.Root(Output.of("ROOT PEM"), Output.ofSecret("ROOT KEY"))));
        assertEquals(0, signed.count("tls:index/selfSignedCert:SelfSignedCert"), "the root is made once");
        assertEquals(1, signed.count("tls:index/privateKey:PrivateKey"), "only the intermediate's key");
        assertEquals("ROOT PEM", one(signed, "tls:index/locallySignedCert:LocallySignedCert", "ca-intermediate").inputs().get("caCertPem"));
        var provided = ca("eu-west-1", a -> a.provided(new MeshCertificateAuthorityArgs.Provided(Output.of("INT"),
                Output.ofSecret("KEY"), Output.of("ROOT"))));
        assertEquals(0, provided.resources().stream().filter(r -> r.type().startsWith("tls:index")).count(),
                "the root stays offline: nothing is generated");
        assertEquals(1, provided.count("kubernetes:core/v1:Secret"));
    }

    @Test
    void exactlyOneSourceAndSaneLifetimes() {
        var e = assertThrows(IllegalArgumentException.class, () -> MeshCertificateAuthorityArgs.builder()
                .settings(new MeshCaSettings("offline", 365, 400, 500)).build());
        var m = e.getMessage();
        assertTrue(m.contains("root: no CA source is given"), m);
        assertTrue(m.contains("settings.root: 'offline' is not a root source"), m);
        assertTrue(m.contains("settings.intermediateValidityDays: 400 days (root: 365)"), m);
        assertTrue(m.contains("settings.earlyRenewalDays: is 500"), m);
        assertTrue(m.contains("cluster: is required"), m);
    }
}
