package io.acgs2.components.governance;

import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.common.Json;
import io.acgs2.components.common.Tags;

import java.util.Map;

/**
 * Publishes the fleet's residency declaration in the region as an SSM parameter: which zone the
 * region serves, which regions each zone allows, where each tenant lives. Services read it to route
 * a tenant's data; the policy pack's stack policy reads it to check residency before deploy.
 */
public class FleetManifest extends ComponentResource {

    public static final String TYPE = "acgs2:governance:FleetManifest";
    /** The SSM parameter path services read. */
    public static final String PARAMETER_NAME = "/acgs2/fleet/manifest";

    public final Output<String> parameterName;

    public FleetManifest(String name, FleetManifestArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var json = Json.write(args.manifest());

        var parameter = new Parameter(name + "-manifest", ParameterArgs.builder()
                .name(PARAMETER_NAME)
                .description("ACGS-2 fleet residency manifest (zones, tenants, regions); written by acgs2-infra")
                .type("String")
                .tier("Intelligent-Tiering") // Standard up to 4 KB, Advanced only when the tenant list outgrows it
                .value(json)
                .tags(Tags.name(name + "-manifest", Map.of("acgs2:manifest", "fleet")))
                .build(), CustomResourceOptions.builder().parent(this).build());

        this.parameterName = parameter.name();
        this.registerOutputs(Map.of("parameterName", parameterName));
    }
}
