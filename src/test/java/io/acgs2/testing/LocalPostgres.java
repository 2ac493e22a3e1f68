package io.acgs2.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server for a test: a primary (initdb, a Unix socket only, trust auth) and,
 * on demand, a hot standby streamed from it (pg_basebackup -R), which is in recovery as an Aurora
 * secondary is. Run as root (CI), the servers run as the {@code postgres} user. The binaries are
 * the machine's (Debian's postgresql package; .ci/run installs it where missing).
 */
public final class LocalPostgres implements AutoCloseable {

    static final Path BIN = findBin();

    private final Path dir;
    private final List<Path> dataDirs = new ArrayList<>();

    private LocalPostgres(Path dir) {
        this.dir = dir;
    }

    /** Whether the PostgreSQL server binaries are on this machine. */
    public static boolean available() {
        return BIN != null;
    }

    /** A running primary under {@code dir}; its socket directory is {@link #primarySocket()}. */
    public static LocalPostgres start(Path dir) throws IOException, InterruptedException {
        var pg = new LocalPostgres(dir);
        Files.createDirectories(dir);
        pg.own(dir);
        if (isRoot()) { // the servers run as postgres: it must reach the directory through the test's temp dir
            exec(List.of("chmod", "0755", dir.getParent().toString()), Map.of());
        }
        var data = dir.resolve("primary");
        pg.run(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres", "--no-sync"), null);
        Files.writeString(data.resolve("postgresql.conf"), "\nwal_level = replica\nmax_wal_senders = 4\nfsync = off\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(data.resolve("pg_hba.conf"), "\nlocal replication all trust\n", java.nio.file.StandardOpenOption.APPEND);
        pg.startServer(data, pg.primarySocket());
        return pg;
    }

    public Path primarySocket() {
        return dir;
    }

    public Path standbySocket() {
        return dir.resolve("standby-socket");
    }

    /** A hot standby of the primary, in recovery, with its own socket directory. */
    public void startStandby() throws IOException, InterruptedException {
        var data = dir.resolve("standby");
        Files.createDirectories(standbySocket());
        own(standbySocket());
        run(List.of(BIN.resolve("pg_basebackup").toString(), "-h", dir.toString(), "-U", "postgres", "-D", data.toString(), "-R",
                "-X", "stream", "-c", "fast", "--no-sync"), null);
        startServer(data, standbySocket());
    }

    /** psql against {@code socket} with {@code env}; returns exit code and combined output. */
    public Result psql(Path socket, String database, String... args) throws IOException, InterruptedException {
        var cmd = new ArrayList<>(List.of("psql", "-X", "-h", socket.toString(), "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1"));
        cmd.addAll(List.of(args));
        return exec(cmd, Map.of());
    }

    /** A command with extra environment, as this (root or not) user. */
    public static Result exec(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        var p = pb.start();
        var out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + cmd);
        }
        return new Result(p.exitValue(), out);
    }

    /** Waits until the standby has replayed everything the primary has written. */
    public void awaitStandby() throws IOException, InterruptedException {
        var lsn = psql(primarySocket(), "postgres", "-Atc", "SELECT pg_current_wal_lsn()").output().trim();
        for (int i = 0; i < 100; i++) {
            var caught = psql(standbySocket(), "postgres", "-Atc", "SELECT pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn").output().trim();
            if (caught.equals("t")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the standby did not catch up with " + lsn);
    }

    public record Result(int code, String output) {
    }

    private void startServer(Path data, Path socket) throws IOException, InterruptedException {
        dataDirs.add(data);
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l", data + ".log", "-o",
                "-k " + socket + " -c listen_addresses='' -c unix_socket_permissions=0777", "start"), null);
    }

    private void run(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        var full = new ArrayList<String>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(cmd);
        var r = exec(full, env == null ? Map.of() : env);
        if (r.code() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed (" + r.code() + "): " + r.output());
        }
    }

    private void own(Path path) throws IOException, InterruptedException {
        if (isRoot()) {
            exec(List.of("chown", "postgres", path.toString()), Map.of());
            exec(List.of("chmod", "0777", path.toString()), Map.of());
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Override
    public void close() throws Exception {
        for (int i = dataDirs.size() - 1; i >= 0; i--) {
            try {
                run(List.of(BIN.resolve("pg_ctl").toString(), "-D", dataDirs.get(i).toString(), "-m", "immediate", "stop"), null);
            } catch (RuntimeException ignored) {
                // already down
            }
        }
    }

    private static Path findBin() {
        var root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (var versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(java.util.Comparator.naturalOrder()).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
