package io.acgs2.stacks.plan;

import io.acgs2.stacks.config.ConfigException;
import io.acgs2.stacks.config.FleetLoader;
import io.acgs2.stacks.config.RegionSpec;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/acgs2}: the offline plan and the fleet checks. Exit codes (a contract CI reads):
 * 0 success, 2 configuration errors (nothing planned), 1 anything else (including policy violations).
 */
public final class PlanCli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int CONFIG_ERROR = 2;

    static final String USAGE = """
            usage: acgs2 plan [--stack NAME]... [--all] [--project-dir DIR] [--json FILE] [--no-policy]
                   acgs2 validate [--project-dir DIR]
                   acgs2 rollout-order [--project-dir DIR]
                   acgs2 pack-config [--project-dir DIR] [--out FILE]
                   acgs2 bootstrap-targets --stack NAME [--project-dir DIR]
                   acgs2 gate [--pack DIR [--pack-config FILE]]... [--pack-config FILE] FILE.json
                   acgs2 failover | failback | topology ... (acgs2 --help lists their options)
                   acgs2 --help
            exit codes: 0 success, 2 configuration errors (nothing planned), 1 anything else
            """;

    private final PrintStream out;
    private final PrintStream err;

    PlanCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int code = new PlanCli(System.out, System.err).run(args);
        System.out.flush();
        System.exit(code);
    }

    int run(String[] args) {
        if (args.length == 0) {
            err.print(USAGE);
            return FAILED;
        }
        var command = args[0];
        if (List.of("--help", "-h", "help").contains(command)) {
            out.print(USAGE);
            out.print(io.acgs2.stacks.failover.OpsCli.USAGE);
            return OK;
        }
        if (List.of("failover", "failback", "topology").contains(command)) {
            return new io.acgs2.stacks.failover.OpsCli(out, err, io.acgs2.stacks.failover.AwsApi::real).run(args);
        }
        var stacks = new ArrayList<String>();
        boolean all = false;
        boolean policy = true;
        Path projectDir = Path.of("").toAbsolutePath();
        Path json = null;
        Path outFile = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--stack", "-s" -> {
                    if (++i >= args.length) {
                        return usage("--stack needs a stack name");
                    }
                    stacks.add(args[i]);
                }
                case "--all" -> all = true;
                case "--no-policy" -> policy = false;
                case "--project-dir" -> {
                    if (++i >= args.length) {
                        return usage("--project-dir needs a directory");
                    }
                    projectDir = Path.of(args[i]).toAbsolutePath();
                }
                case "--json" -> {
                    if (++i >= args.length) {
                        return usage("--json needs a file");
                    }
                    json = Path.of(args[i]);
                }
                case "--out" -> {
                    if (++i >= args.length) {
                        return usage("--out needs a file");
                    }
                    outFile = Path.of(args[i]);
                }
                default -> {
                    return usage("unknown argument " + args[i]);
                }
            }
        }
        try {
            return switch (command) {
                case "plan" -> plan(projectDir, stacks, all, json, policy);
                case "validate" -> validate(projectDir);
                case "rollout-order" -> rolloutOrder(projectDir);
                case "pack-config" -> packConfig(projectDir, outFile);
                case "bootstrap-targets" -> bootstrapTargets(projectDir, stacks);
                default -> usage("unknown command " + command);
            };
        } catch (ConfigException e) {
            err.println("error: the fleet configuration in " + projectDir + " is invalid; nothing was planned.");
            e.problems().forEach(p -> err.println("  - " + p));
            return CONFIG_ERROR;
        } catch (Planner.PlanFailure e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        } catch (Exception e) {
            err.println("error: " + Planner.rootMessage(e));
            return FAILED;
        }
    }

    private int usage(String problem) {
        err.println("error: " + problem);
        err.print(USAGE);
        return FAILED;
    }

    private int validate(Path projectDir) {
        var fleet = FleetLoader.load(projectDir);
        warn(fleet);
        out.printf("fleet configuration OK: %d region(s), %d zone(s), %d tenant(s)%n", fleet.regions().size(),
                fleet.settings().zones().size(), fleet.settings().tenants().size());
        for (var r : fleet.regions()) {
            out.printf("  %-16s %-16s zone=%-6s joinOrder=%d%s vpc=%s%n", r.stack(), r.region(), r.zone(), r.joinOrder(),
                    r.founding() ? " (founding)" : "", r.allCidrs());
        }
        if (!fleet.placements().isEmpty()) {
            out.printf("data domains: %d%n", fleet.placements().size());
            for (var p : fleet.placements().values()) {
                out.printf("  %-16s zone=%-6s regions=%s owner=%s writer=%s stores=%s%n", p.domain().name(), p.domain().zone(),
                        p.regions(), p.owner(), p.domain().writer(),
                        p.domain().stores().stream().map(s -> s.configValue()).sorted().toList());
            }
        }
        io.acgs2.stacks.config.EventsSection.Config events = fleet.settings().section(io.acgs2.stacks.config.EventsSection.SECTION);
        if (events != null && !events.topics().isEmpty()) {
            out.printf("topics: %d%n", events.topics().size());
            for (var t : events.topics().values()) {
                var placement = fleet.placements().get(t.domain());
                out.printf("  %-24s domain=%-14s regions=%s partitions=%d replicas=%d%n", t.name(), t.domain(),
                        placement == null ? List.of() : placement.regions(), t.partitions(), t.replicas());
            }
        }
        io.acgs2.stacks.config.ServicesSection.Config services = fleet.settings().section(io.acgs2.stacks.config.ServicesSection.SECTION);
        if (services != null && !services.apps().isEmpty()) {
            out.printf("services: %d (failover target %d s)%n", services.apps().size(), services.failoverTargetSeconds());
            for (var a : services.apps().values()) {
                out.printf("  %-16s image=%s failover-bound=%s s gpu=%s%n", a.name(), a.image(),
                        io.acgs2.components.mesh.TrafficPolicy.format(a.traffic().failoverBoundSeconds()), a.gpuRegions());
            }
            wiring(fleet, services);
        }
        java.util.Optional<io.acgs2.components.traffic.FrontDoorSettings> traffic =
                fleet.settings().section(io.acgs2.stacks.config.TrafficSection.SECTION);
        if (traffic != null && traffic.isPresent()) {
            frontDoor(fleet, traffic.get());
        }
        return OK;
    }

    /**
     * Per region and service, what it is wired to: each domain placed there with its stores (and
     * where a read-write database's writes go), its topics, and the declared domains it does without.
     */
    private void wiring(io.acgs2.stacks.config.Fleet fleet, io.acgs2.stacks.config.ServicesSection.Config services) {
        out.println("service wiring (each service reaches only the domains placed in its region):");
        for (var r : fleet.regions()) {
            for (var app : services.apps().values()) {
                if (!fleet.runs(app, r)) {
                    continue;
                }
                var plan = io.acgs2.components.wiring.WiringPlanner.plan(app.name(), app.data(),
                        new io.acgs2.components.wiring.WiringPlanner.Region(r.region(), r.zone()), fleet.placements());
                if (plan.isEmpty() && plan.without().isEmpty()) {
                    out.printf("  %-16s %-16s (no data)%n", r.region(), app.name());
                    continue;
                }
                var parts = new ArrayList<String>();
                for (var d : plan.domains()) {
                    var writer = fleet.placements().get(d.domain()).domain().writer();
                    var stores = new ArrayList<String>();
                    d.stores().forEach((store, access) -> {
                        var text = store.configValue() + "=" + access.configValue();
                        if (access.writes() && !writer.equals(r.region()) && store != io.acgs2.components.data.DataStore.BUCKET) {
                            text += store == io.acgs2.components.data.DataStore.DATABASE ? " (writes forwarded to " + writer + ")"
                                    : " (writable in " + writer + " only)";
                        }
                        stores.add(text);
                    });
                    d.topics().forEach((t, how) -> stores.add(t + "=" + how.stream().map(h -> h.configValue()).sorted().toList()));
                    parts.add(d.domain() + "[" + d.zone() + "]: " + String.join(", ", stores));
                }
                out.printf("  %-16s %-16s %s%s%n", r.region(), app.name(), String.join("; ", parts),
                        plan.without().isEmpty() ? "" : (parts.isEmpty() ? "" : "; ") + "without " + plan.without());
            }
        }
    }

    /**
     * Per hostname, the regions that answer for it and the DNS failover bound, next to the ACGS-2
     * guides' targets (the HA guide's RTO of 5 minutes, the runbook's application RTO of 60 s that the
     * mesh keeps, and its full-region RTO of 30 minutes).
     */
    private void frontDoor(io.acgs2.stacks.config.Fleet fleet, io.acgs2.components.traffic.FrontDoorSettings f) {
        var hc = f.healthCheck();
        out.printf("front door: zone %s%s, health check https://<region>.<hostname>:%d%s every %d s, %d failures (service %s)%n",
                f.hostedZone().domain(), f.hostedZone().zoneId().map(id -> " (" + id + ")").orElse(" (created by the founding region)"),
                hc.port(), hc.path(), hc.intervalSeconds(), hc.failureThreshold(), hc.service());
        out.printf("  DNS failover bound %d s = %d s x (%d + 1) + %d s alias TTL (target %d s; guides: region RTO 300 s, "
                        + "application RTO 60 s by the mesh, full-region RTO 1800 s); resolvers that ignore TTLs take longer%n",
                hc.failoverBoundSeconds(), hc.intervalSeconds(), hc.failureThreshold(),
                io.acgs2.components.traffic.HealthCheckSettings.ALIAS_TTL_SECONDS, f.failoverTargetSeconds());
        f.hostnames().forEach((zone, host) -> {
            var regions = fleet.regionsOf(zone).stream().map(r -> r.region()).toList();
            var drained = fleet.regionsOf(zone).stream().filter(r -> Boolean.TRUE.equals(r.section(io.acgs2.stacks.config.DrainSection.SECTION))).map(r -> r.region()).toList();
            out.printf("  %-28s zone=%-6s regions=%s%s failover-bound=%d s%s%n", host, zone, regions,
                    drained.isEmpty() ? "" : " drained=" + drained, hc.failoverBoundSeconds(),
                    regions.size() < 2 ? " (one region: no DNS failover)" : "");
        });
    }

    /** What plans but deserves attention, on stderr (stdout stays the plan). */
    private void warn(io.acgs2.stacks.config.Fleet fleet) {
        fleet.warnings().forEach(w -> err.println("warning: " + w));
    }

    /** The --target arguments of a new region's first up, run from outside its VPC (README, "CI runners"). */
    private int bootstrapTargets(Path projectDir, List<String> stacks) throws Exception {
        if (stacks.size() != 1) {
            return usage("bootstrap-targets needs exactly one --stack");
        }
        var files = FleetLoader.read(projectDir);
        var fleet = FleetLoader.load(files);
        fleet.requireStack(stacks.get(0));
        var plans = Planner.planWithDependencies(projectDir, files, fleet, stacks);
        for (var urn : BootstrapTargets.of(plans.get(stacks.get(0)))) {
            out.println("--target " + urn);
        }
        return OK;
    }

    private int rolloutOrder(Path projectDir) {
        FleetLoader.load(projectDir).regions().stream().map(RegionSpec::stack).forEach(out::println);
        return OK;
    }

    /** The policy pack's config from Pulumi.yaml, for `--policy-pack-config` and the offline gate. */
    private int packConfig(Path projectDir, Path outFile) throws Exception {
        var text = PackConfig.write(FleetLoader.load(projectDir).settings(), Gate.home().resolve("policies"));
        if (outFile == null) {
            out.println(text);
        } else {
            var parent = outFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(outFile, text + System.lineSeparator());
        }
        return OK;
    }

    /** Each service's worst-case failover time per region, from the stacks' meshFailoverBounds output. */
    private void failoverBounds(io.acgs2.stacks.config.Fleet fleet, List<StackPlan> plans) {
        io.acgs2.stacks.config.ServicesSection.Config services = fleet.settings().section(io.acgs2.stacks.config.ServicesSection.SECTION);
        int target = services == null ? io.acgs2.components.mesh.TrafficPolicy.DEFAULT_TARGET_SECONDS : services.failoverTargetSeconds();
        var lines = new java.util.ArrayList<String>();
        for (var p : plans) {
            if (p.outputs().get("meshFailoverBounds") instanceof java.util.Map<?, ?> bounds) {
                bounds.forEach((service, seconds) -> lines.add(String.format("    %-16s %-16s %s s", p.stack(), service, seconds)));
            }
        }
        if (!lines.isEmpty()) {
            out.printf("Failover bounds (worst case from a region's endpoints failing to traffic leaving them; target %d s):%n", target);
            lines.forEach(out::println);
            out.println();
        }
    }

    private int plan(Path projectDir, List<String> stacks, boolean all, Path json, boolean policy) throws Exception {
        var files = FleetLoader.read(projectDir);
        var fleet = FleetLoader.load(files);
        warn(fleet);
        var requested = all || stacks.isEmpty() ? fleet.regions().stream().map(RegionSpec::stack).toList() : List.copyOf(stacks);
        requested.forEach(fleet::requireStack);
        var plans = Planner.planWithDependencies(projectDir, files, fleet, requested);
        var shown = plans.values().stream().filter(p -> requested.contains(p.stack())).toList();
        for (var p : shown) {
            TreePrinter.print(p, out);
        }
        failoverBounds(fleet, shown);
        if (json != null) {
            Snapshot.write(shown, json);
            out.println("Snapshot written to " + json);
        }
        if (!policy) {
            out.println("Policies: skipped (--no-policy)");
            return OK;
        }
        out.flush();
        // The gate reads files: the snapshot and the pack config from this project's Pulumi.yaml.
        var work = Files.createTempDirectory("acgs2-gate-");
        try {
            var snapshot = json != null ? json : work.resolve("plan.json");
            if (json == null) {
                Snapshot.write(shown, snapshot);
            }
            var config = work.resolve("pack-config.json");
            Files.writeString(config, PackConfig.write(fleet.settings(), Gate.home().resolve("policies")));
            return Gate.run(snapshot, config, out, err) == 0 ? OK : FAILED;
        } finally {
            try (var left = Files.list(work)) {
                for (var f : left.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(work);
        }
    }
}
