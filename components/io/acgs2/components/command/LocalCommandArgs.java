package io.acgs2.components.command;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link LocalCommand}, as pulumi-command's schema names them (the subset this program
 * uses). {@code create} is required here (the schema leaves it optional, but a command that does
 * nothing on create owns nothing).
 */
public final class LocalCommandArgs extends ResourceArgs {

    /** The command run on create. Required. */
    @Import(name = "create", required = true)
    private Output<String> create;

    /** The command run on update; without one, a change of create or environment runs create again. */
    @Import(name = "update")
    private Output<String> update;

    /** The command run on delete. */
    @Import(name = "delete")
    private Output<String> delete;

    /** Variables added to the command's environment (the way to pass values: never spliced into the script). */
    @Import(name = "environment")
    private Output<Map<String, String>> environment;

    /** The program and arguments that run the command. Provider default: ["/bin/sh", "-c"]. */
    @Import(name = "interpreter")
    private Output<List<String>> interpreter;

    /** Values whose change replaces the resource (delete, then create). */
    @Import(name = "triggers")
    private Output<List<Object>> triggers;

    private LocalCommandArgs() {
    }

    public Output<String> create() {
        return create;
    }

    public Optional<Output<String>> update() {
        return Optional.ofNullable(update);
    }

    public Optional<Output<String>> delete() {
        return Optional.ofNullable(delete);
    }

    public Optional<Output<Map<String, String>>> environment() {
        return Optional.ofNullable(environment);
    }

    public Optional<Output<List<String>>> interpreter() {
        return Optional.ofNullable(interpreter);
    }

    public Optional<Output<List<Object>>> triggers() {
        return Optional.ofNullable(triggers);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final LocalCommandArgs $ = new LocalCommandArgs();

        public Builder create(String create) {
            $.create = Output.of(create);
            return this;
        }

        public Builder update(String update) {
            $.update = Output.of(update);
            return this;
        }

        public Builder delete(String delete) {
            $.delete = Output.of(delete);
            return this;
        }

        public Builder environment(Output<Map<String, String>> environment) {
            $.environment = environment;
            return this;
        }

        public Builder interpreter(List<String> interpreter) {
            $.interpreter = Output.of(interpreter);
            return this;
        }

        public Builder triggers(Output<List<Object>> triggers) {
            $.triggers = triggers;
            return this;
        }

        public LocalCommandArgs build() {
            if ($.create == null) {
                throw new MissingRequiredPropertyException("LocalCommandArgs", "create");
            }
            return $;
        }
    }
}
