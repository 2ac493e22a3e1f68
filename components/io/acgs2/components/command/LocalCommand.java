package io.acgs2.components.command;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command run where {@code pulumi up} runs, on create, update and delete (pulumi-command's
 * {@code command:local:Command}). For the few AWS operations the provider has no resource for (a
 * secret replica owned by the region that needs it: terraform-provider-aws issue 32467), so the
 * program still owns their whole life cycle. There is no Java SDK of the command provider on Maven
 * Central: this binding has the shape of the generated one (pulumi-command {@code sdk/java}
 * {@code local/Command.java}), with the plugin pinned ({@link #PLUGIN_VERSION};
 * {@code src/main/resources/com/pulumi/command/plugin.json} makes the engine install it).
 *
 * <p>The provider runs {@code create} once; a change of {@code create} or {@code environment} runs
 * {@code update} (or {@code create} again when there is none); a change of {@code triggers}
 * replaces the resource; deleting it runs {@code delete}. A command fails the step when it exits
 * non-zero, so each command must be idempotent.
 */
@ResourceType(type = LocalCommand.TYPE)
public class LocalCommand extends CustomResource {

    public static final String TYPE = "command:local:Command";
    /** pulumi-command plugin version. Upgrade here, and in plugin.json, together. */
    public static final String PLUGIN_VERSION = "1.2.1";

    @Export(name = "create", refs = {String.class}, tree = "[0]")
    private Output</* @Nullable */ String> create;

    @Export(name = "delete", refs = {String.class}, tree = "[0]")
    private Output</* @Nullable */ String> delete;

    @Export(name = "environment", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private Output</* @Nullable */ Map<String, String>> environment;

    @Export(name = "interpreter", refs = {List.class, String.class}, tree = "[0,1]")
    private Output</* @Nullable */ List<String>> interpreter;

    @Export(name = "stdout", refs = {String.class}, tree = "[0]")
    private Output<String> stdout;

    @Export(name = "stderr", refs = {String.class}, tree = "[0]")
    private Output<String> stderr;

    @Export(name = "triggers", refs = {List.class, Object.class}, tree = "[0,1]")
    private Output</* @Nullable */ List<Object>> triggers;

    @Export(name = "update", refs = {String.class}, tree = "[0]")
    private Output</* @Nullable */ String> update;

    public LocalCommand(String name, LocalCommandArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, CustomResourceOptions.merge(
                CustomResourceOptions.builder().version(PLUGIN_VERSION).build(), options));
    }

    public Output<Optional<String>> create() {
        return create.applyValue(Optional::ofNullable);
    }

    public Output<Optional<String>> delete() {
        return delete.applyValue(Optional::ofNullable);
    }

    public Output<Optional<Map<String, String>>> environment() {
        return environment.applyValue(Optional::ofNullable);
    }

    public Output<Optional<List<String>>> interpreter() {
        return interpreter.applyValue(Optional::ofNullable);
    }

    /** The standard output of the last command run. */
    public Output<String> stdout() {
        return stdout;
    }

    /** The standard error of the last command run. */
    public Output<String> stderr() {
        return stderr;
    }

    public Output<Optional<List<Object>>> triggers() {
        return triggers.applyValue(Optional::ofNullable);
    }

    public Output<Optional<String>> update() {
        return update.applyValue(Optional::ofNullable);
    }
}
