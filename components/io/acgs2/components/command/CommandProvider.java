package io.acgs2.components.command;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.ResourceArgs;

/**
 * An explicit provider for the command package: the project disables default providers, so a
 * {@link LocalCommand} needs one (pass it in a component's {@code providers}). Pinned to the plugin
 * version of the binding.
 */
public class CommandProvider extends ProviderResource {

    public CommandProvider(String name, CustomResourceOptions options) {
        super("command", name, ResourceArgs.Empty, CustomResourceOptions.merge(options,
                CustomResourceOptions.builder().version(LocalCommand.PLUGIN_VERSION).build()));
    }
}
