package io.acgs2.stacks.plan;

import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import io.acgs2.stacks.App;
import io.acgs2.stacks.config.ConfigException;
import io.acgs2.stacks.config.Fleet;
import io.acgs2.stacks.config.FleetLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;

/**
 * Runs the real program ({@link App#program}) for one stack under the Pulumi mock engine, with
 * the stack's configuration exactly as the engine would pass it, and records what it registers.
 */
public final class Planner {

    /** The organization StackReferences resolve in offline (the self-managed backend's fixed name). */
    public static final String OFFLINE_ORGANIZATION = "organization";

    /** The program failed for a reason other than configuration. */
    public static final class PlanFailure extends RuntimeException {
        public PlanFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Planner() {
    }

    /** Plans {@code stacks} and, first, every stack they read through StackReferences; returns all plans by stack. */
    public static Map<String, StackPlan> planWithDependencies(Path projectDir, List<String> stacks) {
        var files = FleetLoader.read(projectDir);
        var fleet = FleetLoader.load(projectDir);
        var order = new LinkedHashSet<String>();
        for (var s : stacks) {
            addWithDependencies(fleet, s, order);
        }
        var sorted = order.stream()
                .sorted(Comparator.comparingInt(s -> fleet.requireStack(s).joinOrder()))
                .toList();
        var plans = new LinkedHashMap<String, StackPlan>();
        for (var s : sorted) {
            plans.put(s, plan(projectDir, files, fleet, s, plans));
        }
        return plans;
    }

    private static void addWithDependencies(Fleet fleet, String stack, LinkedHashSet<String> out) {
        var spec = fleet.requireStack(stack);
        fleet.dependencies(spec).forEach(d -> addWithDependencies(fleet, d, out));
        out.add(stack);
    }

    public static StackPlan plan(Path projectDir, FleetLoader.ProjectFiles files, Fleet fleet, String stack,
                                 Map<String, StackPlan> earlier) {
        var spec = fleet.requireStack(stack);
        var stackFile = files.stack(stack);
        var mocks = new PlanMocks(stack, spec.region(), Map.copyOf(earlier));
        var logger = PulumiTestInternal.logger(Level.WARNING);
        var log = PulumiTestInternal.mockLog(logger);
        var monitor = new AtomicReference<CapturingMonitor>();
        var test = PulumiTestInternal.builder()
                .options(TestOptions.builder()
                        .organizationName(OFFLINE_ORGANIZATION)
                        .projectName(files.project())
                        .stackName(stack)
                        .rootDirectory(projectDir.toString())
                        .preview(false)
                        .build())
                .mocks(mocks)
                .standardLogger(logger)
                .config(FleetLoader.engineConfig(files, stack), stackFile.secretKeys())
                .monitorDecorator(m -> {
                    var capturing = new CapturingMonitor(mocks, log);
                    monitor.set(capturing);
                    return capturing;
                })
                .build();
        com.pulumi.test.TestResult result;
        try {
            result = test.runTest(App.program(projectDir));
        } finally {
            PulumiTestInternal.cleanup();
        }
        for (var e : result.exceptions()) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConfigException ce) {
                    throw ce;
                }
            }
        }
        if (result.exitCode() != 0 || !result.exceptions().isEmpty()) {
            var first = result.exceptions().isEmpty() ? null : result.exceptions().get(0);
            throw new PlanFailure("stack " + stack + ": the program failed: "
                    + (first != null ? rootMessage(first) : String.join("; ", result.errors())), first);
        }
        return new StackPlan(stack, files.project(), resources(monitor.get()), outputs(result, false),
                outputs(result, true), secretNames(result));
    }

    private static List<PlannedResource> resources(CapturingMonitor monitor) {
        var captured = List.copyOf(monitor.captured);
        var providerRegions = new HashMap<String, String>();
        for (var c : captured) {
            if (c.request() != null && c.request().getType().startsWith("pulumi:providers:")) {
                var region = c.request().getObject().getFieldsMap().get("region");
                providerRegions.put(c.urn(), region == null ? null : region.getStringValue());
            }
        }
        var out = new ArrayList<PlannedResource>();
        for (var c : captured) {
            if (c.request() != null) {
                var r = c.request();
                var providerUrn = providerUrn(r.getProvider());
                out.add(new PlannedResource(c.urn(), r.getType(), r.getName(), emptyToNull(r.getParent()), providerUrn,
                        providerUrn == null ? null : providerRegions.get(providerUrn), StructValues.toMap(r.getObject()),
                        List.copyOf(new LinkedHashSet<>(r.getDependenciesList())), r.getProtect(), r.getRetainOnDelete(),
                        List.copyOf(r.getIgnoreChangesList()), r.getCustom(), false));
            } else {
                var r = c.read();
                var providerUrn = providerUrn(r.getProvider());
                out.add(new PlannedResource(c.urn(), r.getType(), r.getName(), emptyToNull(r.getParent()), providerUrn,
                        providerUrn == null ? null : providerRegions.get(providerUrn), StructValues.toMap(r.getProperties()),
                        List.copyOf(r.getDependenciesList()), false, false, List.of(), true, true));
            }
        }
        out.sort(Comparator.comparing(PlannedResource::urn));
        return List.copyOf(out);
    }

    private static Map<String, Object> outputs(com.pulumi.test.TestResult result, boolean raw) {
        var out = new TreeMap<String, Object>();
        result.outputs().forEach((k, v) -> {
            var data = PulumiTestInternal.extractOutputData(v);
            out.put(k, !raw && data.isSecret() ? StructValues.SECRET : data.getValueNullable());
        });
        return out;
    }

    private static java.util.Set<String> secretNames(com.pulumi.test.TestResult result) {
        var names = new java.util.TreeSet<String>();
        result.outputs().forEach((k, v) -> {
            if (PulumiTestInternal.extractOutputData(v).isSecret()) {
                names.add(k);
            }
        });
        return names;
    }

    private static String providerUrn(String ref) {
        if (ref == null || ref.isEmpty()) {
            return null;
        }
        int cut = ref.lastIndexOf("::");
        return cut < 0 ? ref : ref.substring(0, cut);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static String rootMessage(Throwable t) {
        var root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
