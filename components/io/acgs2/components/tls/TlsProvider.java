package io.acgs2.components.tls;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/**
 * An explicit provider for the tls package: the project disables default providers, so a
 * {@link PrivateKey}, {@link SelfSignedCert}, {@link CertRequest} or {@link LocallySignedCert} needs
 * one (pass it in a component's {@code providers}). Pinned to the plugin version of the binding.
 *
 * <p>There is no Java SDK of pulumi-tls on Maven Central: the four resources of this package are
 * hand-written in the shape of generated SDK code, and {@code src/main/resources/com/pulumi/tls/plugin.json}
 * makes the engine install the plugin at {@link #PLUGIN_VERSION}.
 */
public class TlsProvider extends ProviderResource {

    /** The provider's type token. */
    public static final String TYPE = "pulumi:providers:tls";
    /** pulumi-tls plugin version. Upgrade here, and in plugin.json, together. */
    public static final String PLUGIN_VERSION = "5.6.1";

    public TlsProvider(String name, CustomResourceOptions options) {
        super("tls", name, ResourceArgs.Empty, CustomResourceOptions.merge(options,
                CustomResourceOptions.builder().version(PLUGIN_VERSION).build()));
    }

    /**
     * {@code options} merged with the pinned plugin version and a resource's secret outputs (the
     * caller's win where set), as a generated resource's {@code makeResourceOptions} does.
     */
    static CustomResourceOptions resourceOptions(CustomResourceOptions options, List<String> secretOutputs) {
        var defaults = CustomResourceOptions.builder()
                .version(PLUGIN_VERSION)
                .additionalSecretOutputs(secretOutputs)
                .build();
        return CustomResourceOptions.merge(defaults, options);
    }
}
