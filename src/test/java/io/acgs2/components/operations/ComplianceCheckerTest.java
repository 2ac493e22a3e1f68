package io.acgs2.components.operations;

import io.acgs2.testing.LocalPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compliance checker as the CronJob runs it ({@code java ComplianceChecker.java}, the JDK's
 * source launcher), on recorded API answers of eu-west-1 (src/test/resources/operations/compliance):
 * everything in its zone passes; each seeded residency breach fails its check with a finding that
 * names it.
 */
class ComplianceCheckerTest {

    static final String FIXTURES = "/operations/compliance/eu-west-1/";
    static final List<String> FILES = List.of("residency.json", "pods.json", "mirrors.json", "rds-clusters.json", "rds-global.json",
            "cache-groups.json", "cache-global.json", "buckets.json", "backup-copies.json");

    @TempDir
    Path tmp;
    Path input;

    @BeforeEach
    void record() throws Exception {
        input = Files.createDirectories(tmp.resolve("input"));
        for (var f : FILES) {
            try (var in = getClass().getResourceAsStream(FIXTURES + f)) {
                Files.write(input.resolve(f), in.readAllBytes());
            }
        }
    }

    @Test
    void theRecordedFleetPassesEveryCheck() throws Exception {
        var run = run();
        assertEquals(0, run.code(), run.output());
        assertEquals("passed", Files.readString(tmp.resolve("output/status")));
        var report = Files.readString(tmp.resolve("output/report.json"));
        for (var check : List.of("tenant-pods", "mirror-topics", "database-members", "cache-members", "bucket-placement", "backup-copies")) {
            assertTrue(report.contains("\"" + check + "\":{\"passed\":true,\"findings\":[]}"), report);
        }
        assertEquals("6 0", Files.readString(tmp.resolve("output/counts")));
    }

    @Test
    void aSeededOutOfZoneBackupCopyFails() throws Exception {
        seed("backup-copies.json", s -> s.replace("\"CopyJobs\": [", "\"CopyJobs\": [{\"CopyJobId\": \"bad-1\", \"ResourceArn\": "
                + "\"arn:aws:s3:::acgs2-gdpr-tenants-eu-west-1-123456789012\", \"DestinationBackupVaultArn\": "
                + "\"arn:aws:backup:us-east-1:123456789012:backup-vault:acgs2-us-east-1\"},"));
        var run = run();
        assertEquals("failed", Files.readString(tmp.resolve("output/status")), run.output());
        assertTrue(run.output().contains("backup-copies: backup copy bad-1 of arn:aws:s3:::acgs2-gdpr-tenants-eu-west-1-123456789012 "
                + "(zone gdpr) went to us-east-1, outside the zone"), run.output());
        assertEquals("5 1", Files.readString(tmp.resolve("output/counts")));
    }

    @Test
    void eachSeededBreachIsFoundByItsCheck() throws Exception {
        seed("pods.json", s -> s.replace("\"acgs2.io/tenant\": \"nordbank\"", "\"acgs2.io/tenant\": \"acme-health\""));
        seed("mirrors.json", s -> s.replace("{\\\"acgs.agent.events\\\":\\\"global\\\",", "{\\\"acgs.agent.events\\\":\\\"gdpr\\\","));
        seed("rds-global.json", s -> s.replace("{\"DBClusterArn\": \"arn:aws:rds:eu-west-1:123456789012:cluster:acgs2-gdpr-tenants-eu-west-1\", "
                + "\"IsWriter\": true}", "{\"DBClusterArn\": \"arn:aws:rds:eu-west-1:123456789012:cluster:acgs2-gdpr-tenants-eu-west-1\", "
                + "\"IsWriter\": true}, {\"DBClusterArn\": \"arn:aws:rds:us-east-1:123456789012:cluster:acgs2-gdpr-tenants-us-east-1\"}"));
        seed("cache-groups.json", s -> s.replace("\"Value\": \"global\"", "\"Value\": \"gdpr\""));
        seed("buckets.json", s -> s.replace("\"ReplicationRules\": []}", "\"ReplicationRules\": [{\"Destination\": "
                + "{\"Bucket\": \"arn:aws:s3:::acgs2-gdpr-tenants-us-east-1-123456789012\"}}]}"));
        var run = run();
        var out = run.output();
        assertEquals("failed", Files.readString(tmp.resolve("output/status")), out);
        assertTrue(out.contains("tenant-pods: pod acgs2/nordbank-agent-5d8f9-x2k4q of tenant acme-health (zone us) runs in eu-west-1"), out);
        assertTrue(out.contains("mirror-topics: mirror mm2-us-east-1-to-eu-west-1 moves topic acgs.agent.events (zone gdpr) through "
                + "us-east-1 in us-east-1, outside the zone"), out);
        assertTrue(out.contains("database-members: global database acgs2-gdpr-tenants (zone gdpr) has a member in us-east-1"), out);
        assertTrue(out.contains("cache-members: cache datastore ldgnf-acgs2-platform (zone gdpr) has a member in us-east-1"), out);
        assertTrue(out.contains("bucket-placement: bucket acgs2-gdpr-tenants-eu-west-1-123456789012 (zone gdpr) replicates to "
                + "arn:aws:s3:::acgs2-gdpr-tenants-us-east-1-123456789012 in us-east-1, outside the zone"), out);
        assertEquals("1 5", Files.readString(tmp.resolve("output/counts")));
    }

    @Test
    void theProgramShipsExactlyTheTestedSource() throws Exception {
        try (var in = getClass().getResourceAsStream(ComplianceJobs.CHECKER_RESOURCE)) {
            assertEquals(new String(in.readAllBytes()), ComplianceJobs.checkerSource());
        }
    }

    private void seed(String file, UnaryOperator<String> change) throws Exception {
        var before = Files.readString(input.resolve(file));
        var after = change.apply(before);
        assertTrue(!before.equals(after), "the seed changed nothing in " + file);
        Files.writeString(input.resolve(file), after);
    }

    private LocalPostgres.Result run() throws Exception {
        var source = tmp.resolve("ComplianceChecker.java");
        Files.writeString(source, ComplianceJobs.checkerSource());
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return LocalPostgres.exec(List.of(java, source.toString()), Map.of("INPUT_DIR", input.toString(), "KUBE_DIR", input.toString(),
                "OUTPUT_DIR", tmp.resolve("output").toString()));
    }
}
