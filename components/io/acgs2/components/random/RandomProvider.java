package io.acgs2.components.random;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.ResourceArgs;

/**
 * An explicit provider for the random package: the project disables default providers, so a
 * {@link RandomPassword} needs one (pass it in a component's {@code providers}). Pinned to the plugin
 * version of the binding.
 */
public class RandomProvider extends ProviderResource {

    public RandomProvider(String name, CustomResourceOptions options) {
        super("random", name, ResourceArgs.Empty, CustomResourceOptions.merge(options,
                CustomResourceOptions.builder().version(RandomPassword.PLUGIN_VERSION).build()));
    }
}
