package io.acgs2.components.traffic;

import com.pulumi.aws.route53.Zone;
import com.pulumi.aws.route53.ZoneArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.common.Tags;

import java.util.List;
import java.util.Map;

/**
 * The front door's public hosted zone, when the fleet creates it ({@code hostedZone.create}): made
 * once, by the founding region, {@code protect}ed (every record of every region is in it). Its name
 * servers must be delegated from the parent domain before the certificates can validate.
 */
public class PublicHostedZone extends ComponentResource {

    public static final String TYPE = "acgs2:traffic:PublicHostedZone";

    public final Output<String> zoneId;
    public final Output<List<String>> nameServers;

    public PublicHostedZone(String name, String domain, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var zone = new Zone(name + "-zone", ZoneArgs.builder()
                .name(domain)
                .comment("ACGS-2 front door (acgs2-infra): every region's records")
                .tags(Tags.name(name + "-zone"))
                .build(), CustomResourceOptions.builder().parent(this).protect(true).build());
        this.zoneId = zone.zoneId();
        this.nameServers = zone.nameServers();
        this.registerOutputs(Map.of("zoneId", zoneId, "nameServers", nameServers));
    }
}
