package io.acgs2.components.data;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.command.CommandProvider;
import io.acgs2.components.command.LocalCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretReplicaTest {

    static final String PRIMARY = "arn:aws:secretsmanager:us-east-1:123456789012:secret:acgs2/data/platform/aurora/master-AbCdEf";
    static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    static SecretReplicaArgs.Builder args() {
        return SecretReplicaArgs.builder().primarySecretArn(Output.of(PRIMARY)).primaryRegion("us-east-1")
                .region("eu-west-1").kmsKeyArn(Output.of(KEY));
    }

    @Test
    void theLaterRegionReplicatesTheOwnersSecretWithItsOwnKeyAndProtectsIt() {
        var plan = runInRegion("eu-west-1", r -> {
            var command = new CommandProvider("command-eu-west-1", CustomResourceOptions.builder().build());
            var replica = new SecretReplica("replica", args().build(),
                    ComponentResourceOptions.builder().providers(r.provider(), command).build());
            r.ctx().export("arn", replica.arn);
        });
        var cmd = one(plan, LocalCommand.TYPE, "replica-replicate");
        assertEquals(Map.of("SECRET_ARN", PRIMARY, "PRIMARY_REGION", "us-east-1", "REPLICA_REGION", "eu-west-1",
                "KMS_KEY_ARN", KEY), map(cmd.inputs().get("environment")));
        // values reach the script only through the environment, never spliced into it
        for (var script : List.of("create", "update", "delete")) {
            var text = String.valueOf(cmd.inputs().get(script));
            assertFalse(text.contains(PRIMARY) || text.contains("eu-west-1") || text.contains(KEY), script + ": " + text);
        }
        assertEquals(SecretReplica.CREATE, cmd.inputs().get("update"), "an update re-runs the idempotent create");
        assertTrue(cmd.protect(), "the region's copy of the master credentials is removed only on purpose");
        assertTrue(cmd.providerUrn().contains("pulumi:providers:command::command-eu-west-1"), cmd.providerUrn());
        assertEquals(PRIMARY.replace(":us-east-1:", ":eu-west-1:"), plan.outputs().get("arn"));
    }

    @Test
    void aReplicaIsNeverInThePrimarysRegion() {
        var e = assertThrows(IllegalArgumentException.class, () -> args().region("us-east-1").build());
        assertTrue(e.getMessage().contains("region: 'us-east-1' is the primary's region"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SecretReplica.replicaArn("arn:aws:s3:::bucket", "us-east-1", "eu-west-1"));
    }

    // ---- the scripts, run against a stand-in for the AWS CLI that keeps the replica's status in a file ----

    static final String FAKE_AWS = """
            #!/bin/sh
            echo "$*" >> "$FAKE_LOG"
            case "$2" in
              describe-secret) if [ -f "$FAKE_STATE" ]; then cat "$FAKE_STATE"; else echo None; fi ;;
              replicate-secret-to-regions) echo "$FAKE_AFTER_REPLICATE" > "$FAKE_STATE" ;;
              remove-regions-from-replication) rm -f "$FAKE_STATE" ;;
              *) echo "unexpected: $*" >&2; exit 2 ;;
            esac
            """;

    record Run(int exit, String stderr, List<String> calls) {
    }

    static Run run(Path dir, String script, String afterReplicate) throws IOException, InterruptedException {
        var bin = dir.resolve("bin");
        Files.createDirectories(bin);
        var aws = bin.resolve("aws");
        Files.writeString(aws, FAKE_AWS);
        aws.toFile().setExecutable(true);
        var log = dir.resolve("calls.log");
        Files.deleteIfExists(log);
        Files.createFile(log);
        var pb = new ProcessBuilder("/bin/sh", "-c", script);
        pb.environment().putAll(Map.of("PATH", bin + ":" + System.getenv("PATH"), "FAKE_LOG", log.toString(),
                "FAKE_STATE", dir.resolve("state").toString(), "FAKE_AFTER_REPLICATE", afterReplicate,
                "SECRET_ARN", PRIMARY, "PRIMARY_REGION", "us-east-1", "REPLICA_REGION", "eu-west-1", "KMS_KEY_ARN", KEY));
        var p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8),
                Files.readAllLines(log));
    }

    static long count(Run run, String operation) {
        return run.calls().stream().filter(c -> c.startsWith("secretsmanager " + operation)).count();
    }

    @Test
    void createReplicatesOnceWaitsForTheReplicaAndIsIdempotent(@TempDir Path dir) throws Exception {
        var first = run(dir, SecretReplica.CREATE, "InSync");
        assertEquals(0, first.exit(), first.stderr());
        assertEquals(1, count(first, "replicate-secret-to-regions"));
        var call = first.calls().stream().filter(c -> c.contains("replicate-secret-to-regions")).findFirst().orElseThrow();
        assertTrue(call.contains("--region us-east-1 --secret-id " + PRIMARY), call);
        assertTrue(call.contains("--add-replica-regions Region=eu-west-1,KmsKeyId=" + KEY), call);
        assertTrue(call.contains("--force-overwrite-replica-secret"), "an earlier per-region copy of the name becomes the replica");
        assertTrue(first.calls().stream().anyMatch(c -> c.contains("--query ReplicationStatus[?Region=='eu-west-1'].Status | [0]")),
                first.calls().toString());
        // again (an update, a re-run after a failure): nothing to do
        var again = run(dir, SecretReplica.CREATE, "InSync");
        assertEquals(0, again.exit(), again.stderr());
        assertEquals(0, count(again, "replicate-secret-to-regions"));
    }

    @Test
    void aFailedReplicaFailsTheStepSayingWhere(@TempDir Path dir) throws Exception {
        var run = run(dir, SecretReplica.CREATE, "Failed");
        assertEquals(1, run.exit());
        assertTrue(run.stderr().contains("replica of " + PRIMARY + " in eu-west-1 failed"), run.stderr());
    }

    @Test
    void deleteRemovesOnlyThisRegionAndOnlyWhenItIsThere(@TempDir Path dir) throws Exception {
        assertEquals(0, run(dir, SecretReplica.CREATE, "InSync").exit());
        var delete = run(dir, SecretReplica.DELETE, "InSync");
        assertEquals(0, delete.exit(), delete.stderr());
        assertEquals(List.of("secretsmanager remove-regions-from-replication --region us-east-1 --secret-id " + PRIMARY
                + " --remove-replica-regions eu-west-1"), delete.calls().stream().filter(c -> c.contains("remove")).toList());
        var again = run(dir, SecretReplica.DELETE, "InSync");
        assertEquals(0, again.exit(), again.stderr());
        assertEquals(0, count(again, "remove-regions-from-replication"));
    }
}
