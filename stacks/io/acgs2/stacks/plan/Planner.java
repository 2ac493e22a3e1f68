package io.acgs2.stacks.plan;

import com.pulumi.Context;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
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
        return planWithDependencies(projectDir, files, FleetLoader.load(files), stacks);
    }

    public static Map<String, StackPlan> planWithDependencies(Path projectDir, FleetLoader.ProjectFiles files, Fleet fleet,
                                                              List<String> stacks) {
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
        return run(files.project(), stack, FleetLoader.engineConfig(files, stack), stackFile.secretKeys(),
                new PlanMocks(stack, spec.region(), Map.copyOf(earlier)), App.program(projectDir));
    }

    /**
     * Runs any program under the mock engine and returns what it registered. The offline plan, the
     * benchmark floor and the component tests all go through here, so they see the same engine.
     */
    public static StackPlan run(String project, String stack, Map<String, String> config, Set<String> secretKeys,
                                Mocks mocks, Consumer<Context> program) {
        var logger = PulumiTestInternal.logger(Level.WARNING);
        var log = PulumiTestInternal.mockLog(logger);
        var monitor = new AtomicReference<CapturingMonitor>();
        var test = PulumiTestInternal.builder()
                .options(TestOptions.builder()
                        .organizationName(OFFLINE_ORGANIZATION)
                        .projectName(project)
                        .stackName(stack)
                        .preview(false)
                        .build())
                .mocks(mocks)
                .standardLogger(logger)
                .config(config, secretKeys)
                .monitorDecorator(m -> {
                    var capturing = new CapturingMonitor(mocks, log);
                    monitor.set(capturing);
                    return capturing;
                })
                .build();
        TestResult result;
        try {
            result = test.runTest(program);
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
        return new StackPlan(stack, project, resources(monitor.get()), outputs(result, false),
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

    private static Map<String, Object> outputs(TestResult result, boolean raw) {
        var out = new TreeMap<String, Object>();
        result.outputs().forEach((k, v) -> {
            var data = PulumiTestInternal.extractOutputData(v);
            out.put(k, !raw && data.isSecret() ? StructValues.SECRET : data.getValueNullable());
        });
        return out;
    }

    private static java.util.Set<String> secretNames(TestResult result) {
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

    public static String rootMessage(Throwable t) {
        var root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
