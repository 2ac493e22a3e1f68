package io.acgs2.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * promtool and amtool, from Debian's prometheus and prometheus-alertmanager packages (.ci/run
 * downloads and unpacks them, without installing a service, into ~/.cache/acgs2/prometheus and
 * sets ACGS2_PROMETHEUS_TOOLS): Prometheus's own PromQL parser, rule evaluator and Alertmanager
 * config checker.
 */
public final class PrometheusTools {

    private PrometheusTools() {
    }

    public static Optional<Path> tool(String name) {
        var env = System.getenv("ACGS2_PROMETHEUS_TOOLS");
        var dirs = new java.util.ArrayList<Path>();
        if (env != null && !env.isBlank()) {
            dirs.add(Path.of(env));
        }
        dirs.add(Path.of(System.getProperty("user.home"), ".cache", "acgs2", "prometheus", "usr", "bin"));
        dirs.add(Path.of("/usr/bin"));
        return dirs.stream().map(d -> d.resolve(name)).filter(Files::isExecutable).findFirst();
    }

    public static boolean available() {
        return tool("promtool").isPresent() && tool("amtool").isPresent();
    }
}
