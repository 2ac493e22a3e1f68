package io.acgs2.stacks.plan;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the policy pack's offline gate (policies/, Node) on a snapshot, through {@code bin/acgs2 gate}. */
final class Gate {

    private Gate() {
    }

    /** The directory holding bin/acgs2 and policies/: -Dacgs2.home, else the working directory. */
    static Path home() {
        var home = System.getProperty("acgs2.home");
        return (home == null ? Path.of("") : Path.of(home)).toAbsolutePath();
    }

    /** Runs the project's pack with {@code packConfig} (see {@link PackConfig}) on {@code snapshot}. */
    static int run(Path snapshot, Path packConfig, PrintStream out, PrintStream err) throws Exception {
        var script = home().resolve("bin").resolve("acgs2");
        if (!Files.isExecutable(script)) {
            err.println("error: cannot run the policy gate: " + script + " not found; run from the project directory "
                    + "or pass --no-policy");
            return 1;
        }
        var process = new ProcessBuilder(script.toString(), "gate", "--pack-config", packConfig.toAbsolutePath().toString(),
                snapshot.toAbsolutePath().toString())
                .directory(home().toFile())
                .redirectErrorStream(false)
                .start();
        process.getOutputStream().close();
        var stdout = new Thread(() -> copy(process.getInputStream(), out));
        var stderr = new Thread(() -> copy(process.getErrorStream(), err));
        stdout.start();
        stderr.start();
        int code = process.waitFor();
        stdout.join();
        stderr.join();
        return code;
    }

    private static void copy(java.io.InputStream in, PrintStream to) {
        try (in) {
            in.transferTo(to);
            to.flush();
        } catch (java.io.IOException e) {
            // the child went away; its exit code says what happened
        }
    }
}
