package io.acgs2.stacks.failover;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.acgs2.stacks.config.ConfigException;
import io.acgs2.stacks.config.Fleet;
import io.acgs2.stacks.config.FleetLoader;
import io.acgs2.stacks.config.RegionSpec;
import io.acgs2.stacks.plan.Planner;
import io.acgs2.stacks.plan.Snapshot;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code bin/acgs2 failover}, {@code failback} and {@code topology}: the fleet's configuration and its
 * stacks' outputs (a plan snapshot with {@code --snapshot}, the files of {@code pulumi stack output
 * --json} with {@code --outputs DIR}, or else the offline plan, run here) turned into a failover
 * plan ({@link FailoverPlanner}), run with {@code --execute} ({@link FailoverExecutor}), or a
 * diagram ({@link Topology}). Exit codes: 0 done (or printed), 2 configuration errors, 1 anything
 * else (a refused domain on --execute, a failed step).
 */
public final class OpsCli {

    public static final String USAGE = """
            usage: acgs2 failover --from REGION [--to REGION] (--planned | --unplanned) [--execute] [--allow-data-loss]
                                  [--json] [--snapshot FILE | --outputs DIR] [--timeline FILE] [--project-dir DIR]
                   acgs2 failback --to REGION [--execute] [--json] [--snapshot FILE | --outputs DIR] [--timeline FILE]
                   acgs2 topology [--format mermaid|dot] [--snapshot FILE] [--project-dir DIR]
            """;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<Map<String, Object>> OUTPUTS = new TypeReference<>() {
    };

    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<AwsApi> aws;

    public OpsCli(PrintStream out, PrintStream err, Supplier<AwsApi> aws) {
        this.out = out;
        this.err = err;
        this.aws = aws;
    }

    public int run(String[] args) {
        var command = args[0];
        var opts = new TreeMap<String, String>();
        for (int i = 1; i < args.length; i++) {
            var a = args[i];
            if (List.of("--planned", "--unplanned", "--execute", "--allow-data-loss", "--json").contains(a)) {
                opts.put(a, "true");
            } else if (List.of("--from", "--to", "--snapshot", "--outputs", "--timeline", "--project-dir", "--format").contains(a)) {
                if (++i >= args.length) {
                    return usage(a + " needs a value");
                }
                opts.put(a, args[i]);
            } else {
                return usage("unknown argument " + a);
            }
        }
        var projectDir = Path.of(opts.getOrDefault("--project-dir", "")).toAbsolutePath();
        try {
            var files = FleetLoader.read(projectDir);
            var project = new Project(projectDir, files, FleetLoader.load(files));
            return switch (command) {
                case "failover" -> failover(project, opts);
                case "failback" -> failback(project, opts);
                case "topology" -> topology(project, opts);
                default -> usage("unknown command " + command);
            };
        } catch (ConfigException e) {
            err.println("error: the fleet configuration in " + projectDir + " is invalid.");
            e.problems().forEach(p -> err.println("  - " + p));
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (FailoverExecutor.StepFailed e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("error: " + Planner.rootMessage(e));
            return 1;
        }
    }

    /** The project directory, its files and the fleet they make: read once per command. */
    private record Project(Path dir, FleetLoader.ProjectFiles files, Fleet fleet) {
    }

    private int failover(Project project, Map<String, String> opts) throws Exception {
        if (!opts.containsKey("--from")) {
            return usage("failover needs --from REGION");
        }
        if (opts.containsKey("--planned") == opts.containsKey("--unplanned")) {
            return usage("say --planned (a switchover, no data loss) or --unplanned (the region is down)");
        }
        var plan = FailoverPlanner.failover(project.fleet(), outputs(project, opts), opts.get("--from"), Optional.ofNullable(opts.get("--to")),
                opts.containsKey("--planned"));
        return show(plan, false, opts);
    }

    private int failback(Project project, Map<String, String> opts) throws Exception {
        if (!opts.containsKey("--to")) {
            return usage("failback needs --to REGION");
        }
        return show(FailoverPlanner.failback(project.fleet(), outputs(project, opts), opts.get("--to")), true, opts);
    }

    private int show(FailoverPlan plan, boolean failback, Map<String, String> opts) throws Exception {
        if (opts.containsKey("--json")) {
            out.println(JSON.writeValueAsString(FailoverPlanner.json(plan)));
        } else {
            out.print(FailoverPlanner.text(plan, failback));
        }
        if (!opts.containsKey("--execute")) {
            return 0;
        }
        var timeline = Path.of(opts.getOrDefault("--timeline", "failover-" + plan.from() + ".jsonl"));
        out.println("executing; timeline " + timeline + " (run the same command again to resume)");
        try (var api = aws.get()) {
            new FailoverExecutor(api, timeline, out, Duration.ofSeconds(10), Duration.ZERO, opts.containsKey("--allow-data-loss"),
                    Clock.systemUTC()).run(plan);
        }
        if (!plan.refusals().isEmpty()) {
            err.println("error: done, but " + plan.refusals().size() + " domain(s) could not move (see refused above)");
            return 1;
        }
        out.println("done: now make the configuration changes above and pulumi up in rollout order");
        return 0;
    }

    private int topology(Project project, Map<String, String> opts) throws Exception {
        var fleet = project.fleet();
        var snapshot = snapshot(project, opts);
        var zones = new LinkedHashMap<String, List<String>>();
        fleet.settings().zones().keySet().forEach(z -> {
            var regions = fleet.regionsOf(z).stream().map(RegionSpec::region).toList();
            if (!regions.isEmpty()) {
                zones.put(z, regions);
            }
        });
        var links = Topology.links(snapshot);
        out.print("dot".equals(opts.get("--format")) ? Topology.dot(zones, links) : Topology.mermaid(zones, links));
        return 0;
    }

    /** The stacks' outputs: from a snapshot, a directory of `pulumi stack output --json` files, or the offline plan. */
    private FailoverPlanner.Outputs outputs(Project project, Map<String, String> opts) throws Exception {
        var byStack = new LinkedHashMap<String, Map<String, Object>>();
        if (opts.containsKey("--outputs")) {
            for (var r : project.fleet().regions()) {
                var f = Path.of(opts.get("--outputs")).resolve(r.stack() + ".json");
                if (Files.exists(f)) {
                    byStack.put(r.stack(), JSON.readValue(f.toFile(), OUTPUTS));
                }
            }
            return new FailoverPlanner.Outputs(byStack);
        }
        for (var s : snapshot(project, opts).path("stacks")) {
            byStack.put(s.path("stack").asText(), JSON.convertValue(s.path("outputs"), OUTPUTS));
        }
        return new FailoverPlanner.Outputs(byStack);
    }

    private JsonNode snapshot(Project project, Map<String, String> opts) throws Exception {
        if (opts.containsKey("--snapshot")) {
            return JSON.readTree(Path.of(opts.get("--snapshot")).toFile());
        }
        var plans = Planner.planWithDependencies(project.dir(), project.files(), project.fleet(),
                project.fleet().regions().stream().map(RegionSpec::stack).toList());
        return JSON.valueToTree(Snapshot.toJson(plans.values()));
    }

    private int usage(String problem) {
        err.println("error: " + problem);
        err.print(USAGE);
        return 1;
    }
}
