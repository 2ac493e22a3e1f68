package io.acgs2.testing;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import io.acgs2.components.common.AwsFacts;
import io.acgs2.stacks.config.FleetLoader;
import io.acgs2.stacks.plan.PlanMocks;
import io.acgs2.stacks.plan.PlannedResource;
import io.acgs2.stacks.plan.Planner;
import io.acgs2.stacks.plan.StackPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Shared test helpers: project directories made of stack files, and code run under the mock engine. */
public final class Fixtures {

    /** The project directory the tests run in (Maven's basedir). */
    public static final Path PROJECT = Path.of("").toAbsolutePath();

    private Fixtures() {
    }

    /** Copies the shipped project files (Pulumi.yaml and every stack file) into {@code dir} (a @TempDir). */
    public static Path shippedProject(Path dir) {
        try {
            try (var files = Files.list(PROJECT)) {
                for (var f : files.filter(p -> p.getFileName().toString().matches("Pulumi\\..*ya?ml")).toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, StackPlan> shippedPlans;

    /**
     * The shipped fleet, planned once per test JVM: the test classes that only read it share one plan
     * (planned from a copy of the shipped files in a temporary directory, removed right after).
     */
    public static synchronized Map<String, StackPlan> shippedPlans() {
        if (shippedPlans == null) {
            try {
                var dir = Files.createTempDirectory("acgs2-shipped-");
                try {
                    shippedPlans = java.util.Collections.unmodifiableMap(planAll(shippedProject(dir)));
                } finally {
                    try (var files = Files.list(dir)) {
                        for (var f : files.toList()) {
                            Files.delete(f);
                        }
                    }
                    Files.delete(dir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shippedPlans;
    }

    private static final Map<String, Map<String, StackPlan>> grownPlans = new HashMap<>();

    /**
     * The shipped fleet with one more region (its stack file as {@link #stackFile} writes it), planned
     * once per test JVM: us-west-2 (zone us, join order 2) or eu-central-1 (zone gdpr, so the GDPR
     * domain gets its second region and cross-region links).
     */
    public static synchronized Map<String, StackPlan> grownFleet(String region) {
        return grownPlans.computeIfAbsent(region, r -> {
            var file = switch (r) {
                case "us-west-2" -> stackFile("us-west-2", "us", 2, "10.30.0.0/16");
                case "eu-central-1" -> stackFile("eu-central-1", "gdpr", 2, "10.40.0.0/16");
                default -> throw new IllegalArgumentException("no grown fleet for " + r);
            };
            try {
                var dir = Files.createTempDirectory("acgs2-grown-");
                try {
                    return java.util.Collections.unmodifiableMap(planAll(write(shippedProject(dir), "Pulumi." + r + ".yaml", file)));
                } finally {
                    try (var files = Files.list(dir)) {
                        for (var f : files.toList()) {
                            Files.delete(f);
                        }
                    }
                    Files.delete(dir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static Path write(Path dir, String file, String content) {
        try {
            Files.writeString(dir.resolve(file), content);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Pulumi.yaml of {@code dir} without the project setting {@code key} (and the comment lines just
     * above it): a fleet that does not have that layer.
     */
    /**
     * The shipped Pulumi.yaml text with a new zone added to the tenant domains' {@code exceptIn}: a
     * service declares where it does without a domain, so a new zone's regions are named there.
     */
    public static String exceptZone(String project, String zone) {
        var out = project.replace("exceptIn: [gdpr, pipl]", "exceptIn: [gdpr, pipl, " + zone + "]")
                .replace("exceptIn: [us, pipl]", "exceptIn: [us, pipl, " + zone + "]");
        if (out.equals(project)) {
            throw new IllegalArgumentException("Pulumi.yaml has no tenant domain exceptIn to extend");
        }
        return out;
    }

    public static Path withoutProjectKey(Path dir, String key) {
        var lines = new java.util.ArrayList<>(List.of(read(dir, "Pulumi.yaml").split("\n", -1)));
        int start = lines.indexOf("  " + key + ":");
        if (start < 0) {
            throw new IllegalArgumentException("Pulumi.yaml has no " + key);
        }
        int end = start + 1;
        while (end < lines.size() && (lines.get(end).startsWith("    ") || lines.get(end).isBlank())) {
            end++;
        }
        while (start > 0 && lines.get(start - 1).startsWith("  #")) {
            start--;
        }
        lines.subList(start, end).clear();
        return write(dir, "Pulumi.yaml", String.join("\n", lines));
    }

    public static String read(Path dir, String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stack file for a region with the given fleet place and CIDR. */
    public static String stackFile(String region, String zone, int joinOrder, String cidr) {
        return "config:\n"
                + "  aws:region: " + region + "\n"
                + "  acgs2-infra:zone: " + zone + "\n"
                + "  acgs2-infra:fleet:\n"
                + (joinOrder == 0 ? "    founding: true\n" : "")
                + "    joinOrder: " + joinOrder + "\n"
                + "  acgs2-infra:network:\n"
                + "    vpcCidr: " + cidr + "\n";
    }

    /** Plans every stack of the project in {@code dir}, in join order. */
    public static Map<String, StackPlan> planAll(Path dir) {
        var fleet = FleetLoader.load(dir);
        return Planner.planWithDependencies(dir, fleet.regions().stream().map(r -> r.stack()).toList());
    }

    /** What a component test runs in: a stack with an explicit AWS provider for one region. */
    public record InRegion(Context ctx, Provider provider, ComponentResourceOptions opts, AwsFacts facts) {
    }

    /** Runs {@code body} in a stack under the mock engine, in {@code region}, and returns what was registered. */
    public static StackPlan runInRegion(String region, Consumer<InRegion> body) {
        return Planner.run("acgs2-infra", "test", Map.of(), Set.of(), new PlanMocks("test", region, Map.of()), ctx -> {
            var provider = new Provider("aws-" + region, ProviderArgs.builder().region(region).build());
            body.accept(new InRegion(ctx, provider, ComponentResourceOptions.builder().providers(provider).build(),
                    AwsFacts.lookUp(provider)));
        });
    }

    public static List<PlannedResource> where(StackPlan plan, Predicate<PlannedResource> p) {
        return plan.resources().stream().filter(p).toList();
    }

    public static PlannedResource one(StackPlan plan, String type, String name) {
        var found = where(plan, r -> r.type().equals(type) && r.name().equals(name));
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + " named " + name + ", found " + found.size());
        }
        return found.get(0);
    }

    /** The chain of parent URNs from a resource up to the stack. */
    public static List<String> ancestors(StackPlan plan, PlannedResource r) {
        var out = new ArrayList<String>();
        var byUrn = new HashMap<String, PlannedResource>();
        plan.resources().forEach(x -> byUrn.put(x.urn(), x));
        for (var p = r.parent(); p != null; p = byUrn.containsKey(p) ? byUrn.get(p).parent() : null) {
            out.add(p);
        }
        return out;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** A JSON-valued input (a policy document, a manifest, a provider's object input) parsed for assertions. */
    public static com.fasterxml.jackson.databind.JsonNode json(Object input) {
        if (!(input instanceof String)) {
            return JSON.valueToTree(input); // a structured input (a list or map of the plan)
        }
        try {
            return JSON.readTree(String.valueOf(input));
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + input, e);
        }
    }

    /** The statement of an IAM or KMS policy document with this Sid, or the first one whose Principal mentions {@code principal}. */
    public static com.fasterxml.jackson.databind.JsonNode statement(Object policy, String sidOrPrincipal) {
        for (var st : json(policy).get("Statement")) {
            if (sidOrPrincipal.equals(st.path("Sid").asText()) || st.path("Principal").toString().contains(sidOrPrincipal)) {
                return st;
            }
        }
        throw new AssertionError("no statement " + sidOrPrincipal + " in " + policy);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
