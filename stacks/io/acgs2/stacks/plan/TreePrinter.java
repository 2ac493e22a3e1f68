package io.acgs2.stacks.plan;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Prints a planned stack the way `pulumi preview` does: a tree nested by parent, then counts by type. */
public final class TreePrinter {

    private TreePrinter() {
    }

    public static void print(StackPlan plan, PrintStream out) {
        var children = new HashMap<String, List<PlannedResource>>();
        PlannedResource root = null;
        for (var r : plan.resources()) {
            if (r.parent() == null) {
                if (r.type().equals("pulumi:pulumi:Stack")) {
                    root = r;
                    continue;
                }
            }
            children.computeIfAbsent(r.parent() == null ? "" : r.parent(), k -> new ArrayList<>()).add(r);
        }
        var order = Comparator.comparing((PlannedResource r) -> r.type().startsWith("pulumi:") ? 0 : 1)
                .thenComparing(PlannedResource::type).thenComparing(PlannedResource::name);
        children.values().forEach(l -> l.sort(order));

        var lines = new ArrayList<String[]>();
        if (root != null) {
            lines.add(new String[]{" +  ", shortType(root.type()), root.name(), "create"});
            walk(root.urn(), "", children, lines);
        }
        walk("", "", children, lines); // anything without the stack as parent (should be nothing)
        int typeWidth = lines.stream().mapToInt(l -> l[1].length()).max().orElse(10) + 2;
        int nameWidth = lines.stream().mapToInt(l -> l[2].length()).max().orElse(10) + 2;
        out.printf("Previewing update (%s), offline under the mock engine:%n%n", plan.stack());
        out.printf("     %-" + typeWidth + "s%-" + nameWidth + "s%s%n", "Type", "Name", "Plan");
        for (var l : lines) {
            out.printf(" %s %-" + typeWidth + "s%-" + nameWidth + "s%s%n", l[0], l[1], l[2], l[3]);
        }
        var byType = new TreeMap<String, Integer>();
        int creates = 0;
        int reads = 0;
        for (var r : plan.resources()) {
            byType.merge(r.type(), 1, Integer::sum);
            if (r.read()) {
                reads++;
            } else {
                creates++;
            }
        }
        out.printf("%nResources by type:%n");
        byType.forEach((t, n) -> out.printf("    %4d  %s%n", n, t));
        out.printf("%nResources:%n    + %d to create%n", creates);
        if (reads > 0) {
            out.printf("    > %d to read%n", reads);
        }
        out.printf("    %d total%n%n", creates + reads);
    }

    private static void walk(String parent, String indent, Map<String, List<PlannedResource>> children, List<String[]> lines) {
        var list = children.getOrDefault(parent, List.of());
        for (int i = 0; i < list.size(); i++) {
            var r = list.get(i);
            boolean last = i == list.size() - 1;
            var sign = r.read() ? " >- " : " +  ";
            lines.add(new String[]{sign, indent + (last ? "└─ " : "├─ ") + shortType(r.type()), r.name(),
                    r.read() ? "read" : "create"});
            walk(r.urn(), indent + (last ? "   " : "│  "), children, lines);
        }
    }

    /** aws:ec2/vpc:Vpc is shown as aws:ec2:Vpc, as pulumi preview does. */
    static String shortType(String type) {
        var parts = type.split(":");
        if (parts.length == 3 && parts[1].contains("/") && !type.startsWith("kubernetes:")) {
            return parts[0] + ":" + parts[1].substring(0, parts[1].indexOf('/')) + ":" + parts[2];
        }
        return type;
    }
}
