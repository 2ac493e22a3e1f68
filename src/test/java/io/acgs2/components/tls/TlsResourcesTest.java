package io.acgs2.components.tls;

import com.pulumi.Context;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import io.acgs2.stacks.plan.PlanMocks;
import io.acgs2.stacks.plan.Planner;
import org.junit.jupiter.api.Test;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TlsResourcesTest {

    private static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIplan\n-----END RSA PRIVATE KEY-----\n";

    /** One of each resource, through an explicit tls provider. */
    private static void oneOfEach(Context ctx) {
        var tls = new TlsProvider("tls", null);
        var opts = CustomResourceOptions.builder().provider(tls).build();
        var key = new PrivateKey("key", PrivateKeyArgs.builder().algorithm("RSA").rsaBits(4096).build(), opts);
        var self = new SelfSignedCert("self", SelfSignedCertArgs.builder()
                .privateKeyPem(key.privateKeyPem())
                .allowedUses("digital_signature", "key_encipherment", "server_auth")
                .dnsNames("api.acgs2.example")
                .ipAddresses("10.0.0.1")
                .uris("spiffe://acgs2/api")
                .validityPeriodHours(720)
                .earlyRenewalHours(72)
                .setAuthorityKeyId(true)
                .setSubjectKeyId(true)
                .build(), opts);
        var csr = new CertRequest("csr", CertRequestArgs.builder()
                .privateKeyPem(key.privateKeyPem())
                .dnsNames("worker.acgs2.example")
                .subject(CertSubjectArgs.builder().commonName("worker").build())
                .build(), opts);
        var signed = new LocallySignedCert("signed", LocallySignedCertArgs.builder()
                .certRequestPem(csr.certRequestPem())
                .caCertPem(self.certPem())
                .caPrivateKeyPem(key.privateKeyPem())
                .allowedUses("client_auth")
                .validityPeriodHours(24)
                .build(), opts);
        ctx.export("privateKeyPem", key.privateKeyPem());
        ctx.export("privateKeyPemPkcs8", key.privateKeyPemPkcs8());
        ctx.export("privateKeyOpenssh", key.privateKeyOpenssh());
        ctx.export("publicKeyPem", key.publicKeyPem());
        ctx.export("publicKeyFingerprintSha256", key.publicKeyFingerprintSha256());
        ctx.export("rsaBits", key.rsaBits());
        ctx.export("selfPrivateKeyPem", self.privateKeyPem().applyValue(o -> o.orElse("")));
        ctx.export("selfCertPem", self.certPem());
        ctx.export("selfKeyAlgorithm", self.keyAlgorithm());
        ctx.export("selfReadyForRenewal", self.readyForRenewal());
        ctx.export("selfDnsNames", self.dnsNames().applyValue(o -> o.orElse(List.of())));
        ctx.export("selfValidityStartTime", self.validityStartTime());
        ctx.export("selfValidityEndTime", self.validityEndTime());
        ctx.export("csrPrivateKeyPem", csr.privateKeyPem().applyValue(o -> o.orElse("")));
        ctx.export("certRequestPem", csr.certRequestPem());
        ctx.export("signedCaPrivateKeyPem", signed.caPrivateKeyPem().applyValue(o -> o.orElse("")));
        ctx.export("signedCertPem", signed.certPem());
        ctx.export("signedCaKeyAlgorithm", signed.caKeyAlgorithm());
    }

    @Test
    void registersUnderTheProvidersTypeTokensThroughTheGivenProvider() {
        var plan = runInRegion("eu-west-1", r -> oneOfEach(r.ctx()));
        assertEquals("tls:index/privateKey:PrivateKey", PrivateKey.TYPE);
        assertEquals("tls:index/selfSignedCert:SelfSignedCert", SelfSignedCert.TYPE);
        assertEquals("tls:index/certRequest:CertRequest", CertRequest.TYPE);
        assertEquals("tls:index/locallySignedCert:LocallySignedCert", LocallySignedCert.TYPE);
        var provider = one(plan, TlsProvider.TYPE, "tls");
        for (var r : List.of(one(plan, PrivateKey.TYPE, "key"), one(plan, SelfSignedCert.TYPE, "self"),
                one(plan, CertRequest.TYPE, "csr"), one(plan, LocallySignedCert.TYPE, "signed"))) {
            assertTrue(r.custom(), r.urn());
            assertEquals(provider.urn(), r.providerUrn(), r.urn());
        }
        var key = one(plan, PrivateKey.TYPE, "key");
        assertEquals(Map.of("algorithm", "RSA", "rsaBits", 4096L), key.inputs());
        var self = one(plan, SelfSignedCert.TYPE, "self");
        assertEquals(List.of("digital_signature", "key_encipherment", "server_auth"), self.inputs().get("allowedUses"));
        assertEquals(List.of("api.acgs2.example"), self.inputs().get("dnsNames"));
        assertEquals(List.of("10.0.0.1"), self.inputs().get("ipAddresses"));
        assertEquals(List.of("spiffe://acgs2/api"), self.inputs().get("uris"));
        assertEquals(720L, self.inputs().get("validityPeriodHours"));
        assertEquals(72L, self.inputs().get("earlyRenewalHours"));
        assertEquals(true, self.inputs().get("setAuthorityKeyId"));
        assertEquals(true, self.inputs().get("setSubjectKeyId"));
        assertTrue(self.dependencies().contains(key.urn()), "the certificate waits for its key");
        assertEquals(Map.of("commonName", "worker"), one(plan, CertRequest.TYPE, "csr").inputs().get("subject"));

        // the offline plan's outputs look like the provider's
        var raw = plan.rawOutputs();
        assertTrue(String.valueOf(raw.get("privateKeyPem")).startsWith("-----BEGIN RSA PRIVATE KEY-----\n"), raw.toString());
        assertTrue(String.valueOf(raw.get("privateKeyPemPkcs8")).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(String.valueOf(raw.get("publicKeyPem")).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertTrue(String.valueOf(raw.get("publicKeyPem")).endsWith("-----END PUBLIC KEY-----\n"));
        assertTrue(String.valueOf(raw.get("publicKeyFingerprintSha256")).startsWith("SHA256:"));
        assertEquals(4096, ((Number) raw.get("rsaBits")).intValue());
        assertTrue(String.valueOf(raw.get("selfCertPem")).startsWith("-----BEGIN CERTIFICATE-----\n"));
        assertTrue(String.valueOf(raw.get("signedCertPem")).startsWith("-----BEGIN CERTIFICATE-----\n"));
        assertNotEquals(raw.get("selfCertPem"), raw.get("signedCertPem"), "each certificate is its own");
        assertTrue(String.valueOf(raw.get("certRequestPem")).startsWith("-----BEGIN CERTIFICATE REQUEST-----\n"));
        assertEquals("RSA", raw.get("selfKeyAlgorithm"));
        assertEquals("RSA", raw.get("signedCaKeyAlgorithm"));
        assertEquals(false, raw.get("selfReadyForRenewal"));
        assertEquals(List.of("api.acgs2.example"), raw.get("selfDnsNames"));
        var start = java.time.Instant.parse(String.valueOf(raw.get("selfValidityStartTime")));
        assertEquals(start.plus(java.time.Duration.ofHours(720)), java.time.Instant.parse(String.valueOf(raw.get("selfValidityEndTime"))));
        // and are the same on every run
        assertEquals(raw, runInRegion("eu-west-1", r -> oneOfEach(r.ctx())).rawOutputs());
    }

    @Test
    void privateKeysAreSecretWhereverTheyFlow() {
        var plan = runInRegion("eu-west-1", r -> oneOfEach(r.ctx()));
        var secret = Set.of("privateKeyPem", "privateKeyPemPkcs8", "privateKeyOpenssh", "selfPrivateKeyPem",
                "csrPrivateKeyPem", "signedCaPrivateKeyPem");
        for (var name : secret) {
            assertEquals("[secret]", plan.outputs().get(name), name);
        }
        assertEquals(secret, plan.secretOutputNames());
        // what is public stays readable
        assertTrue(String.valueOf(plan.outputs().get("publicKeyPem")).contains("BEGIN PUBLIC KEY"));
        assertTrue(String.valueOf(plan.outputs().get("selfCertPem")).contains("BEGIN CERTIFICATE"));
        // the key sent to the certificates is a secret input too
        assertEquals("[secret]", one(plan, SelfSignedCert.TYPE, "self").inputs().get("privateKeyPem"));
        assertEquals("[secret]", one(plan, CertRequest.TYPE, "csr").inputs().get("privateKeyPem"));
        assertEquals("[secret]", one(plan, LocallySignedCert.TYPE, "signed").inputs().get("caPrivateKeyPem"));
    }

    @Test
    void aKeyGivenAsPlainTextIsSentAsASecret() {
        var plan = runInRegion("eu-west-1", r -> {
            var opts = CustomResourceOptions.builder().provider(new TlsProvider("tls", null)).build();
            new SelfSignedCert("self", SelfSignedCertArgs.builder().privateKeyPem(PEM).allowedUses("server_auth")
                    .validityPeriodHours(1).build(), opts);
            new CertRequest("csr", CertRequestArgs.builder().privateKeyPem(PEM).build(), opts);
            new LocallySignedCert("signed", LocallySignedCertArgs.builder().caPrivateKeyPem(PEM).caCertPem("ca")
                    .certRequestPem("csr").allowedUses("server_auth").validityPeriodHours(1).build(), opts);
        });
        assertEquals("[secret]", one(plan, SelfSignedCert.TYPE, "self").inputs().get("privateKeyPem"));
        assertEquals("[secret]", one(plan, CertRequest.TYPE, "csr").inputs().get("privateKeyPem"));
        assertEquals("[secret]", one(plan, LocallySignedCert.TYPE, "signed").inputs().get("caPrivateKeyPem"));
        assertEquals("ca", one(plan, LocallySignedCert.TYPE, "signed").inputs().get("caCertPem"));
    }

    @Test
    void everyResourceAndTheProviderAskForThePinnedPlugin() {
        assertEquals("5.6.1", TlsProvider.PLUGIN_VERSION);
        var versions = registeredVersions(TlsResourcesTest::oneOfEach);
        var tls = versions.entrySet().stream().filter(e -> e.getKey().startsWith("tls:")
                || e.getKey().startsWith(TlsProvider.TYPE + "::")).toList();
        assertEquals(5, tls.size(), versions.toString());
        tls.forEach(e -> assertEquals(TlsProvider.PLUGIN_VERSION, e.getValue(), e.getKey()));
        assertEquals(TlsProvider.PLUGIN_VERSION, versions.get(TlsProvider.TYPE + "::tls"));
    }

    @Test
    void optionsPinThePluginAndDeclareTheSecretOutputsWithoutDroppingTheCallers() {
        var callers = CustomResourceOptions.builder().protect(true).build();
        var byResource = List.of(
                Map.entry(PrivateKey.SECRET_OUTPUTS, PrivateKey.makeResourceOptions(callers)),
                Map.entry(SelfSignedCert.SECRET_OUTPUTS, SelfSignedCert.makeResourceOptions(callers)),
                Map.entry(CertRequest.SECRET_OUTPUTS, CertRequest.makeResourceOptions(callers)),
                Map.entry(LocallySignedCert.SECRET_OUTPUTS, LocallySignedCert.makeResourceOptions(callers)));
        byResource.forEach(e -> {
            assertEquals(Optional.of("5.6.1"), e.getValue().getVersion());
            assertTrue(e.getValue().getAdditionalSecretOutputs().containsAll(e.getKey()), e.getKey().toString());
            assertTrue(e.getValue().isProtect());
        });
        assertEquals(Set.of("privateKeyPem", "privateKeyPemPkcs8", "privateKeyOpenssh"), Set.copyOf(PrivateKey.SECRET_OUTPUTS));
        assertTrue(SelfSignedCert.SECRET_OUTPUTS.contains("privateKeyPem"));
        assertTrue(CertRequest.SECRET_OUTPUTS.contains("privateKeyPem"));
        assertTrue(LocallySignedCert.SECRET_OUTPUTS.contains("caPrivateKeyPem"));
        assertEquals(Optional.of("5.6.1"), PrivateKey.makeResourceOptions(null).getVersion());
        // the caller may pin another version (e.g. while trying an upgrade)
        assertEquals(Optional.of("5.7.0"), SelfSignedCert.makeResourceOptions(
                CustomResourceOptions.builder().version("5.7.0").build()).getVersion());
    }

    @Test
    void pluginDiscoveryListsTheTlsPluginAtThePinnedVersion() throws Exception {
        try (var in = TlsProvider.class.getClassLoader().getResourceAsStream("com/pulumi/tls/plugin.json")) {
            assertNotNull(in, "plugin.json is on the classpath");
            var manifest = json(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertEquals("tls", manifest.get("name").asText());
            assertEquals("5.6.1", manifest.get("version").asText());
            assertEquals(TlsProvider.PLUGIN_VERSION, manifest.get("version").asText());
            assertTrue(manifest.get("resource").asBoolean());
        }
        // what the language host runs for plugin discovery:
        // exec:java -DmainClass=com.pulumi.bootstrap.internal.Main -DmainArgs=packages
        var listing = discoveredPlugins();
        var tls = new java.util.ArrayList<com.fasterxml.jackson.databind.JsonNode>();
        listing.forEach(p -> {
            if ("tls".equals(p.path("name").asText())) {
                tls.add(p);
            }
        });
        assertEquals(1, tls.size(), "plugins: " + listing);
        assertEquals(TlsProvider.PLUGIN_VERSION, tls.get(0).path("version").asText());
        assertTrue(tls.get(0).path("resource").asBoolean());
        assertFalse(listing.toString().isEmpty());
    }

    /** Runs {@code program} under the plan's mocks and returns the plugin version of every registration, by type::name. */
    private static Map<String, String> registeredVersions(Consumer<Context> program) {
        var versions = new ConcurrentHashMap<String, String>();
        var logger = PulumiTestInternal.logger(Level.WARNING);
        var log = PulumiTestInternal.mockLog(logger);
        var mocks = new PlanMocks("test", "eu-west-1", Map.of());
        var test = PulumiTestInternal.builder()
                .options(TestOptions.builder().organizationName(Planner.OFFLINE_ORGANIZATION).projectName("acgs2-infra")
                        .stackName("test").preview(false).build())
                .mocks(mocks)
                .standardLogger(logger)
                .monitorDecorator(m -> new MockMonitor(mocks, log) {
                    @Override
                    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource,
                                                                                             RegisterResourceRequest request) {
                        versions.put(request.getType() + "::" + request.getName(), request.getVersion());
                        return super.registerResourceAsync(resource, request);
                    }
                })
                .build();
        try {
            var result = test.runTest(program);
            assertTrue(result.exceptions().isEmpty(), () -> "the program failed: " + result.exceptions());
        } finally {
            PulumiTestInternal.cleanup();
        }
        return Map.copyOf(versions);
    }

    /** Runs the SDK's discovery entry point and parses what it prints. */
    private static synchronized com.fasterxml.jackson.databind.JsonNode discoveredPlugins() throws Exception {
        var original = System.out;
        var captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            com.pulumi.bootstrap.internal.Main.main(new String[]{"packages"});
        } finally {
            System.setOut(original);
        }
        var text = captured.toString(StandardCharsets.UTF_8).trim();
        return json(text.substring(text.indexOf('[')));
    }
}
