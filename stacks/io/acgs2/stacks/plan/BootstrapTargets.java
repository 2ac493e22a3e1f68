package io.acgs2.stacks.plan;

import io.acgs2.components.ci.GitHubRunner;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;

/**
 * What a new region's first {@code pulumi up} must create from outside its VPC, before its own CI
 * runner exists: the runner and everything it needs (its network, the cluster security group its
 * rule names, the providers), and nothing that talks to the Kubernetes API (which is private). The
 * {@code --target} URNs of that first up, from the stack's plan: the runner component's resources,
 * closed over parents, dependencies and providers.
 */
public final class BootstrapTargets {

    /** The components whose whole subtree a new region's first up creates. */
    static final java.util.Set<String> ROOTS = java.util.Set.of(GitHubRunner.TYPE,
            io.acgs2.components.network.RegionalNetwork.TYPE);

    private BootstrapTargets() {
    }

    /** The URNs to target, sorted; fails if the stack has no runner or the closure reaches Kubernetes. */
    public static List<String> of(StackPlan plan) {
        var byUrn = new HashMap<String, PlannedResource>();
        plan.resources().forEach(r -> byUrn.put(r.urn(), r));
        if (plan.resources().stream().noneMatch(r -> r.type().equals(GitHubRunner.TYPE))) {
            throw new IllegalArgumentException("stack " + plan.stack() + " has no CI runner: set acgs2-infra:ci in Pulumi.yaml");
        }
        var closure = new TreeSet<String>();
        var todo = new ArrayDeque<String>();
        // the runner's own resources, and the whole regional network: the runner's subnets need their
        // NAT routes (GitHub, the AWS APIs), which no input of the runner names
        var roots = plan.resources().stream().filter(r -> ROOTS.contains(r.type())).toList();
        for (var r : plan.resources()) {
            if (roots.stream().anyMatch(root -> isUnder(r, root.urn(), byUrn))) {
                todo.add(r.urn());
            }
        }
        while (!todo.isEmpty()) {
            var urn = todo.pop();
            var r = byUrn.get(urn);
            if (r == null || !closure.add(urn)) {
                continue;
            }
            r.dependencies().forEach(todo::add);
            if (r.parent() != null && !r.parent().isEmpty()) {
                todo.add(r.parent());
            }
            if (r.providerUrn() != null && !r.providerUrn().isEmpty()) {
                todo.add(r.providerUrn());
            }
        }
        closure.removeIf(u -> byUrn.get(u).type().equals("pulumi:pulumi:Stack"));
        var kube = closure.stream().filter(u -> byUrn.get(u).type().startsWith("kubernetes:")).toList();
        if (!kube.isEmpty()) {
            throw new IllegalStateException("the runner of " + plan.stack() + " needs Kubernetes objects before it exists: " + kube);
        }
        return List.copyOf(closure);
    }

    private static boolean isUnder(PlannedResource r, String ancestor, java.util.Map<String, PlannedResource> byUrn) {
        for (var at = r; at != null; at = at.parent() == null ? null : byUrn.get(at.parent())) {
            if (at.urn().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }
}
