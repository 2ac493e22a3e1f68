package io.acgs2.components.traffic;

import com.pulumi.core.Output;
import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static io.acgs2.testing.Fixtures.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicCertificateTest {

    static final String RECORD = "aws:route53/record:Record";

    static StackPlan plan(boolean owner) {
        return runInRegion("eu-west-1", r -> new PublicCertificate("cert", PublicCertificateArgs.builder()
                .hostname("eu.api.acgs2.example.com")
                .regionalHostname("eu-west-1.eu.api.acgs2.example.com")
                .zoneId(Output.of("Z0123456789ABCDEFGHIJ"))
                .ownsHostnameValidation(owner)
                .build(), r.opts()));
    }

    @Test
    void aDnsValidatedCertificateForBothNamesIssuedBeforeAnythingUsesIt() {
        var plan = plan(true);
        var cert = one(plan, "aws:acm/certificate:Certificate", "cert-cert");
        assertEquals("eu.api.acgs2.example.com", cert.inputs().get("domainName"));
        assertEquals(List.of("eu-west-1.eu.api.acgs2.example.com"), cert.inputs().get("subjectAlternativeNames"));
        assertEquals("DNS", cert.inputs().get("validationMethod"));
        assertEquals("RSA_2048", cert.inputs().get("keyAlgorithm"));
        assertEquals("eu-west-1", cert.providerRegion(), "an ALB serves a certificate of its own region");
        var records = where(plan, r -> r.type().equals(RECORD));
        assertEquals(2, records.size());
        records.forEach(r -> {
            assertEquals("CNAME", r.inputs().get("type"));
            assertEquals("Z0123456789ABCDEFGHIJ", r.inputs().get("zoneId"));
            assertEquals(300L, ((Number) r.inputs().get("ttl")).longValue());
            assertTrue(String.valueOf(r.inputs().get("name")).startsWith("_"), r.inputs().toString());
            assertTrue(String.valueOf(r.inputs().get("records")).contains("acm-validations.aws"), r.inputs().toString());
        });
        var validation = one(plan, "aws:acm/certificateValidation:CertificateValidation", "cert-validation");
        records.forEach(r -> assertTrue(validation.dependencies().contains(r.urn())));
        @SuppressWarnings("unchecked")
        var fqdns = (List<String>) validation.inputs().get("validationRecordFqdns");
        assertEquals(2, fqdns.size());
        fqdns.forEach(f -> assertTrue(!f.endsWith("."), "the provider compares FQDNs without the trailing dot: " + f));
    }

    @Test
    void aLaterRegionOfTheZoneWritesOnlyItsOwnNamesRecordAndValidatesAgainstTheEarliers() {
        var plan = plan(false);
        var records = where(plan, r -> r.type().equals(RECORD));
        assertEquals(1, records.size());
        assertTrue(String.valueOf(records.get(0).inputs().get("name")).endsWith(".eu-west-1.eu.api.acgs2.example.com."));
        @SuppressWarnings("unchecked")
        var fqdns = (List<String>) one(plan, "aws:acm/certificateValidation:CertificateValidation", "cert-validation")
                .inputs().get("validationRecordFqdns");
        assertEquals(2, fqdns.size(), "still waits for both names");
    }

    @Test
    void rejectsARegionalNameOutsideTheHostname() {
        var e = assertThrows(IllegalArgumentException.class, () -> PublicCertificateArgs.builder().hostname("api.a.com")
                .regionalHostname("eu-west-1.b.com").zoneId(Output.of("Z1")).build());
        assertTrue(e.getMessage().contains("regionalHostname"), e.getMessage());
    }
}
