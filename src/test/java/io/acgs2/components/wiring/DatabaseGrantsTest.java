package io.acgs2.components.wiring;

import io.acgs2.testing.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database users' SQL and the Job's scripts, run for real: on a PostgreSQL primary (where it
 * makes and grants the users) and on a hot standby streamed from it (in recovery, as an Aurora
 * secondary is: there it only checks). {@code rds_iam} is a plain role here, as Aurora's is.
 */
@EnabledIf("io.acgs2.testing.LocalPostgres#available")
class DatabaseGrantsTest {

    @TempDir
    static Path tmp;
    static LocalPostgres pg;

    @BeforeAll
    static void start() throws Exception {
        pg = LocalPostgres.start(tmp.resolve("pg"));
        sql("postgres", "CREATE DATABASE acgs2");
        sql("postgres", "CREATE ROLE rds_iam NOLOGIN");
        // tables the master made before the users existed
        sql("acgs2", "CREATE TABLE agents (id serial PRIMARY KEY, name text)");
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @Test
    void thePrimaryMakesEachUserWithOnlyItsAccessAndAgainChangesNothing() throws Exception {
        var users = new TreeMap<String, StoreAccess>(Map.of("svc_writer", StoreAccess.READ_WRITE, "svc_reader", StoreAccess.READ));
        var first = run(pg.primarySocket(), DatabaseGrants.sql(users));
        assertEquals(0, first.code(), first.output());
        assertTrue(first.output().contains("users {svc_reader,svc_writer} made and granted"), first.output());
        // a table the master makes later is covered by the default privileges
        sql("acgs2", "CREATE TABLE events (id bigserial PRIMARY KEY, body text)");
        for (var table : List.of("agents", "events")) {
            assertEquals("t|t|t|t|f", privileges("svc_writer", table), table);
            assertEquals("t|f|f|f|f", privileges("svc_reader", table), table);
        }
        assertEquals("t", query("SELECT has_sequence_privilege('svc_writer', 'events_id_seq', 'USAGE')"));
        assertEquals("f", query("SELECT has_sequence_privilege('svc_reader', 'events_id_seq', 'USAGE')"));
        // IAM authentication only (rds_iam), able to log in, nothing more
        for (var u : users.keySet()) {
            assertEquals("t|f|f|f|t", query("SELECT pg_has_role('" + u + "', 'rds_iam', 'MEMBER'), rolsuper, rolcreaterole, rolcreatedb, "
                    + "rolcanlogin FROM pg_roles WHERE rolname = '" + u + "'"));
            assertEquals("", query("SELECT rolpassword FROM pg_authid WHERE rolname = '" + u + "' AND rolpassword IS NOT NULL"));
        }
        var again = run(pg.primarySocket(), DatabaseGrants.sql(users));
        assertEquals(0, again.code(), again.output());
        assertEquals("t|t|t|t|f", privileges("svc_writer", "agents"));
    }

    @Test
    void aUserMovedToReadLosesItsWritesOnEveryTableNowAndLater() throws Exception {
        assertEquals(0, run(pg.primarySocket(), DatabaseGrants.sql(Map.of("svc_mover", StoreAccess.READ_WRITE))).code());
        assertEquals("t|t|t|t|f", privileges("svc_mover", "agents"));
        var down = run(pg.primarySocket(), DatabaseGrants.sql(Map.of("svc_mover", StoreAccess.READ)));
        assertEquals(0, down.code(), down.output());
        assertEquals("t|f|f|f|f", privileges("svc_mover", "agents"));
        sql("acgs2", "CREATE TABLE later (id int)");
        assertEquals("t|f|f|f|f", privileges("svc_mover", "later"));
    }

    @Test
    void aSecondaryOnlyChecksAndNamesTheUsersItDoesNotHaveYet() throws Exception {
        assertEquals(0, run(pg.primarySocket(), DatabaseGrants.sql(Map.of("svc_both", StoreAccess.READ))).code());
        pg.startStandby();
        pg.awaitStandby();
        assertEquals("t", pg.psql(pg.standbySocket(), "acgs2", "-Atc", "SELECT pg_is_in_recovery()").output().trim());
        var replicated = run(pg.standbySocket(), DatabaseGrants.sql(Map.of("svc_both", StoreAccess.READ)));
        assertEquals(0, replicated.code(), replicated.output());
        assertTrue(replicated.output().contains("a secondary: every user exists"), replicated.output());
        var early = run(pg.standbySocket(), DatabaseGrants.sql(Map.of("svc_both", StoreAccess.READ, "svc_new", StoreAccess.READ_WRITE)));
        assertNotEquals(0, early.code());
        assertTrue(early.output().contains("database users {svc_new} do not exist here yet"), early.output());
        assertTrue(early.output().contains("run pulumi up of that region first"), early.output());
    }

    @Test
    void theJobReadsTheMasterSecretAndRunsOnTheFirstEndpointThatAnswers() throws Exception {
        var job = Files.createDirectories(tmp.resolve("job"));
        var secretDir = Files.createDirectories(job.resolve("secret"));
        var sqlDir = Files.createDirectories(job.resolve("sql"));
        var bin = Files.createDirectories(job.resolve("bin"));
        Files.writeString(sqlDir.resolve("users.sql"), DatabaseGrants.sql(Map.of("svc_job", StoreAccess.READ_WRITE)));
        Files.writeString(sqlDir.resolve("run.sh"), DatabaseUsers.script());
        Files.writeString(sqlDir.resolve("fetch.sh"), DatabaseUsers.fetchScript());
        // the AWS CLI as the init container calls it: the secret's JSON on stdout
        var secret = "{\"engine\":\"postgres\",\"host\":\"x\",\"username\":\"postgres\",\"password\":\"Ab1!#(x)-_=+[]{}<>:?\",\"dbname\":\"acgs2\","
                + "\"port\":5432,\"ssl\":true}";
        var aws = bin.resolve("aws");
        Files.writeString(aws, "#!/bin/sh\n[ \"$*\" = \"secretsmanager get-secret-value --region eu-west-1 --secret-id arn:secret "
                + "--query SecretString --output text\" ] || { echo \"unexpected: $*\" >&2; exit 9; }\necho '" + secret + "'\n");
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
        var fetch = LocalPostgres.exec(List.of("/bin/sh", sqlDir.resolve("fetch.sh").toString()), Map.of(
                "PATH", bin + ":" + System.getenv("PATH"), "AWS_REGION", "eu-west-1", "MASTER_SECRET_ARN", "arn:secret",
                "SECRET_DIR", secretDir.toString()));
        assertEquals(0, fetch.code(), fetch.output());
        assertEquals(secret, Files.readString(secretDir.resolve("secret.json")).trim());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secretDir.resolve("secret.json"))));

        var env = new TreeMap<String, String>(Map.of("SECRET_DIR", secretDir.toString(), "SQL_DIR", sqlDir.toString(),
                "PGDATABASE", "acgs2", "PGPORT", "5432", "PGCONNECT_TIMEOUT", "2",
                // a Unix socket takes no TLS; the Job's PGSSLMODE=require applies to the TCP endpoints
                "PGSSLMODE", "disable"));
        // a secondary's cluster endpoint does not answer: the reader endpoint does
        env.put("WRITER_HOST", tmp.resolve("nothing-here").toString());
        env.put("READER_HOST", pg.primarySocket().toString());
        var ran = LocalPostgres.exec(List.of("/bin/sh", sqlDir.resolve("run.sh").toString()), env);
        assertEquals(0, ran.code(), ran.output());
        assertTrue(ran.output().contains("running the users' SQL on " + pg.primarySocket()), ran.output());
        assertEquals("t|t|t|t|f", privileges("svc_job", "agents"));

        env.put("READER_HOST", tmp.resolve("nothing-either").toString());
        var none = LocalPostgres.exec(List.of("/bin/sh", sqlDir.resolve("run.sh").toString()), env);
        assertEquals(1, none.code(), none.output());
        assertTrue(none.output().contains("accepts the master user"), none.output());

        Files.writeString(secretDir.resolve("secret.json"), "{\"username\":\"postgres\"}");
        var noPassword = LocalPostgres.exec(List.of("/bin/sh", sqlDir.resolve("run.sh").toString()), env);
        assertEquals(2, noPassword.code(), noPassword.output());
    }

    @Test
    void onlyPlainIdentifiersAndAtLeastOneUser() {
        assertThrows(IllegalArgumentException.class, () -> DatabaseGrants.sql(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> DatabaseGrants.sql(Map.of("svc_x; DROP TABLE agents", StoreAccess.READ)));
        assertThrows(IllegalArgumentException.class, () -> DatabaseGrants.sql(Map.of("Svc", StoreAccess.READ)));
    }

    /** SELECT, INSERT, UPDATE, DELETE, TRUNCATE on a table. */
    private static String privileges(String user, String table) throws Exception {
        return query("SELECT " + String.join(", ", List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE").stream()
                .map(p -> "has_table_privilege('" + user + "', '" + table + "', '" + p + "')").toList()));
    }

    private static String query(String q) throws Exception {
        var r = pg.psql(pg.primarySocket(), "acgs2", "-Atc", q);
        assertEquals(0, r.code(), r.output());
        return r.output().trim();
    }

    private static void sql(String db, String statement) throws Exception {
        var r = pg.psql(pg.primarySocket(), db, "-c", statement);
        assertEquals(0, r.code(), r.output());
    }

    private static LocalPostgres.Result run(Path socket, String sql) throws Exception {
        var file = Files.createTempFile(tmp, "users", ".sql");
        Files.writeString(file, sql);
        file.toFile().setReadable(true, false);
        return pg.psql(socket, "acgs2", "-f", file.toString());
    }
}
