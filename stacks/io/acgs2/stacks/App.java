package io.acgs2.stacks;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.acgs2.stacks.config.ConfigSource;
import io.acgs2.stacks.config.FleetLoader;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Pulumi program: one stack per AWS region. `pulumi up --stack us-east-1` runs {@link #main}
 * in the project directory; the offline plan ({@code bin/acgs2 plan}) runs {@link #program} under
 * the mock engine. Both read the whole fleet from the stack files first and stop with every
 * configuration problem before registering anything.
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(program(Path.of("").toAbsolutePath()));
    }

    /** The program for the stack the engine runs, reading peer stack files from {@code projectDir}. */
    public static Consumer<Context> program(Path projectDir) {
        return ctx -> {
            var fleet = FleetLoader.load(projectDir, ctx.stackName(), engineConfig(ctx));
            RegionStack.build(ctx, fleet, fleet.requireStack(ctx.stackName()));
        };
    }

    /** The engine's configuration as a {@link ConfigSource}: "ns:key" read through ctx.config(ns). */
    static ConfigSource engineConfig(Context ctx) {
        return key -> {
            int colon = key.indexOf(':');
            return colon < 0 ? Optional.empty() : ctx.config(key.substring(0, colon)).get(key.substring(colon + 1));
        };
    }
}
