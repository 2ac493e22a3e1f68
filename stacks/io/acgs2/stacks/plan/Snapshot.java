package io.acgs2.stacks.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plan's JSON snapshot, read by the policy gate and CI jobs. Its field names are a contract:
 * add fields, never rename or drop one.
 */
public final class Snapshot {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Snapshot() {
    }

    public static Map<String, Object> toJson(Collection<StackPlan> plans) {
        var stacks = new ArrayList<Object>();
        for (var plan : plans) {
            var resources = new ArrayList<Object>();
            for (var r : plan.resources()) {
                var m = new LinkedHashMap<String, Object>();
                m.put("urn", r.urn());
                m.put("type", r.type());
                m.put("name", r.name());
                m.put("parent", r.parent());
                if (r.providerUrn() == null) {
                    m.put("provider", null);
                } else {
                    var p = new LinkedHashMap<String, Object>();
                    p.put("urn", r.providerUrn());
                    p.put("region", r.providerRegion());
                    m.put("provider", p);
                }
                m.put("inputs", r.inputs());
                m.put("dependencies", r.dependencies());
                m.put("protect", r.protect());
                m.put("retainOnDelete", r.retainOnDelete());
                m.put("ignoreChanges", r.ignoreChanges());
                m.put("custom", r.custom());
                m.put("read", r.read());
                resources.add(m);
            }
            var s = new LinkedHashMap<String, Object>();
            s.put("stack", plan.stack());
            s.put("project", plan.project());
            s.put("resources", resources);
            s.put("outputs", plan.outputs());
            stacks.add(s);
        }
        var root = new LinkedHashMap<String, Object>();
        root.put("stacks", stacks);
        return root;
    }

    public static void write(Collection<StackPlan> plans, Path file) throws IOException {
        var parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), toJson(plans));
    }
}
