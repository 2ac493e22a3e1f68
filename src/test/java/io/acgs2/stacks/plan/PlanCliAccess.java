package io.acgs2.stacks.plan;

import java.io.PrintStream;

/** Lets tests run the CLI in-process with captured streams (PlanCli's constructor is package-private). */
public final class PlanCliAccess {

    private PlanCliAccess() {
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        return new PlanCli(out, err).run(args);
    }
}
