package io.acgs2.stacks.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the fleet: Pulumi.yaml's project-wide config and every Pulumi.&lt;stack&gt;.yaml in the
 * project directory, then checks the fleet as a whole. The same code runs under `pulumi up` (with
 * the current stack's values taken from the engine) and in the offline plan.
 */
public final class FleetLoader {

    /** One stack file, its config already in the engine's string form (project defaults merged in). */
    public record StackFile(String stack, Path path, Map<String, String> config, Set<String> secretKeys) {
    }

    /** The project directory as read from disk. */
    public record ProjectFiles(String project, Path dir, List<StackFile> stacks) {
        public StackFile stack(String name) {
            return stacks.stream().filter(s -> s.stack().equals(name)).findFirst().orElseThrow(() ->
                    new ConfigException(List.of("Pulumi." + name + ".yaml: stack '" + name + "' has no stack file in "
                            + dir + ". Fix: create it, or pick one of " + stacks.stream().map(StackFile::stack).toList())));
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private FleetLoader() {
    }

    /** The fleet from the files alone (offline plan, `acgs2 validate`). */
    public static Fleet load(Path dir) {
        return load(read(dir));
    }

    /** The fleet from files already read. */
    public static Fleet load(ProjectFiles files) {
        return check(files, Map.of());
    }

    /** The fleet as seen by a running stack: its own values come from the engine, the peers' from their files. */
    public static Fleet load(Path dir, String currentStack, ConfigSource engine) {
        var files = read(dir);
        return check(files, Map.of(currentStack, engine));
    }

    /** Reads Pulumi.yaml and every stack file; syntax problems are collected, not thrown one by one. */
    public static ProjectFiles read(Path dir) {
        var problems = new Problems();
        var projectFile = dir.resolve(ConfigParser.PROJECT_FILE);
        Map<String, Object> project = readYaml(projectFile, ConfigParser.PROJECT_FILE, problems);
        var name = project == null ? ConfigParser.PROJECT : String.valueOf(project.getOrDefault("name", ""));
        if (project != null && !ConfigParser.PROJECT.equals(name)) {
            problems.add(ConfigParser.PROJECT_FILE, "name", "project is '" + name + "', this program is "
                    + ConfigParser.PROJECT, "set name: " + ConfigParser.PROJECT);
        }
        var defaults = new TreeMap<String, String>();
        if (project != null && project.get("config") instanceof Map<?, ?> cfg) {
            cfg.forEach((k, v) -> {
                var key = qualify(String.valueOf(k));
                // Engine settings (pulumi:disable-default-providers, pulumi:tags) pass through untouched.
                boolean engineSetting = key.startsWith("pulumi:");
                if (!engineSetting && !ConfigSections.projectKeys().contains(key)) {
                    problems.add(ConfigParser.PROJECT_FILE, key, "is not a project-wide setting",
                            ConfigSections.stackKeys().contains(key) ? "move it to the stack files (it differs per region)"
                                    : "remove it or use one of " + ConfigSections.projectKeys().stream().sorted().toList());
                    return;
                }
                // Project-level config wraps values: {value: ...} or {default: ...} (Pulumi >= 3.44).
                Object value = v;
                if (v instanceof Map<?, ?> m && (m.containsKey("value") || m.containsKey("default"))) {
                    value = m.containsKey("value") ? m.get("value") : m.get("default");
                } else if (v instanceof Map<?, ?>) {
                    problems.add(ConfigParser.PROJECT_FILE, key, "an object value in the project file needs a 'value:' wrapper",
                            "write " + k + ":\\n    value:\\n      ... (Pulumi requires it for project-level objects)");
                    return;
                }
                if (value != null) {
                    defaults.put(key, ConfigParser.toConfigString(value));
                }
            });
        }

        var stacks = new ArrayList<StackFile>();
        try (Stream<Path> list = Files.list(dir)) {
            for (var path : list.sorted().toList()) {
                var fileName = path.getFileName().toString();
                if (!fileName.startsWith("Pulumi.") || !(fileName.endsWith(".yaml") || fileName.endsWith(".yml"))
                        || fileName.equals("Pulumi.yaml") || fileName.equals("Pulumi.yml")) {
                    continue;
                }
                var stack = fileName.substring("Pulumi.".length(), fileName.lastIndexOf('.'));
                Map<String, Object> doc = readYaml(path, fileName, problems);
                if (doc == null) {
                    continue;
                }
                var config = new LinkedHashMap<>(defaults);
                var secrets = new LinkedHashSet<String>();
                if (doc.get("config") instanceof Map<?, ?> cfg) {
                    cfg.forEach((k, v) -> {
                        var key = qualify(String.valueOf(k));
                        if (ConfigSections.projectKeys().contains(key)) {
                            problems.add(fileName, key, "is project-wide and may not differ per stack",
                                    "move it to the config: block of " + ConfigParser.PROJECT_FILE);
                            return;
                        }
                        if (!ConfigSections.stackKeys().contains(key) && key.startsWith(ConfigParser.PROJECT + ":")) {
                            problems.add(fileName, key, "unknown setting",
                                    "remove it or use one of " + ConfigSections.stackKeys().stream().sorted().toList());
                            return;
                        }
                        if (v instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("secure")) {
                            secrets.add(key);
                            config.put(key, String.valueOf(m.get("secure")));
                        } else if (SECRET_KEYS.contains(key) && v != null) {
                            problems.add(fileName, key, "is in plain text", "set it as a secret: pulumi config set --secret " + key + " '...'");
                        } else if (v != null) {
                            config.put(key, ConfigParser.toConfigString(v));
                        }
                    });
                } else if (doc.containsKey("config")) {
                    problems.add(fileName, "config", "must be a mapping", "write config: followed by key: value lines");
                }
                stacks.add(new StackFile(stack, path, config, secrets));
            }
        } catch (IOException e) {
            problems.add(dir.toString(), "(directory)", "cannot be listed: " + e.getMessage(), "point --project-dir at the project");
        }
        if (stacks.isEmpty() && problems.isEmpty()) {
            problems.add(dir.resolve("Pulumi.<stack>.yaml").getFileName().toString(), "(file)", "no stack file found in " + dir,
                    "add one stack file per region, e.g. Pulumi.us-east-1.yaml");
        }
        problems.throwIfAny();
        return new ProjectFiles(name, dir, List.copyOf(stacks));
    }

    /** Stack keys whose values must be Pulumi secrets (an endpoint a pager sends to, a CA key). */
    static final java.util.Set<String> SECRET_KEYS = java.util.Set.of(PagingEndpointsSection.KEY, MeshIntermediateSection.KEY);

    /** Parses every stack and checks the fleet as a whole; {@code overrides} replace a stack's file values. */
    static Fleet check(ProjectFiles files, Map<String, ConfigSource> overrides) {
        var problems = new Problems();
        var projectSource = overrides.values().stream().findFirst()
                .orElse(ConfigSource.of(files.stacks().get(0).config()));
        var settings = ConfigParser.parseProject(files.project(), projectSource, problems);
        var regions = new ArrayList<RegionSpec>();
        var stacks = new ArrayList<>(files.stacks().stream().map(StackFile::stack).toList());
        overrides.keySet().stream().filter(s -> !stacks.contains(s)).forEach(stacks::add);
        for (var stack : stacks) {
            var src = overrides.containsKey(stack) ? overrides.get(stack) : ConfigSource.of(files.stack(stack).config());
            ConfigParser.parseRegion(stack, src, settings, problems).ifPresent(regions::add);
        }
        boolean complete = regions.size() == stacks.size();
        FleetRules.check(settings, regions, complete, problems);
        var placements = complete ? FleetRules.placements(settings, regions, problems) : java.util.Map.<String, io.acgs2.components.data.DomainPlacement>of();
        if (complete && problems.isEmpty()) {
            WiringRules.check(settings, regions, placements, problems);
        }
        problems.throwIfAny();
        return new Fleet(settings, regions, placements);
    }

    /** The merged config of one stack in the engine's form: what `pulumi up` would pass as PULUMI_CONFIG. */
    public static Map<String, String> engineConfig(ProjectFiles files, String stack) {
        return new HashMap<>(files.stack(stack).config());
    }

    private static String qualify(String key) {
        return key.contains(":") ? key : ConfigParser.PROJECT + ":" + key;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readYaml(Path path, String label, Problems problems) {
        if (!Files.isRegularFile(path)) {
            problems.add(label, "(file)", "not found in " + path.getParent(), "run from the project directory or pass --project-dir");
            return null;
        }
        try {
            var value = YAML.readValue(path.toFile(), Object.class);
            if (value == null) {
                return Map.of();
            }
            if (!(value instanceof Map)) {
                problems.add(label, "(file)", "is not a YAML mapping", "start the file with keys such as config:");
                return null;
            }
            return (Map<String, Object>) value;
        } catch (IOException e) {
            var msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            problems.add(label, "(file)", "is not valid YAML (" + msg + ")", "fix the YAML syntax");
            return null;
        }
    }
}
