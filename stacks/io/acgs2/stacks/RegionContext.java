package io.acgs2.stacks;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.resources.ComponentResourceOptions;
import io.acgs2.components.common.AwsFacts;
import io.acgs2.stacks.config.Fleet;
import io.acgs2.stacks.config.RegionSpec;

import java.util.List;
import java.util.TreeMap;

/**
 * Everything a layer needs about the stack it builds, made once per stack: the region's spec, the
 * fleet, the regional AWS provider and the options every component gets, the AWS facts (account,
 * partition, region) looked up once, and the earlier regions this one owns the links to.
 */
public final class RegionContext {

    private final Context pulumi;
    private final Fleet fleet;
    private final RegionSpec spec;
    private final Provider provider;
    private final AwsFacts facts;
    private final List<Peer> peers;
    private final java.util.Map<String, Provider> extraProviders = new java.util.HashMap<>();

    private RegionContext(Context pulumi, Fleet fleet, RegionSpec spec, Provider provider, AwsFacts facts, List<Peer> peers) {
        this.pulumi = pulumi;
        this.fleet = fleet;
        this.spec = spec;
        this.provider = provider;
        this.facts = facts;
        this.peers = List.copyOf(peers);
    }

    public static RegionContext create(Context pulumi, Fleet fleet, RegionSpec self) {
        var provider = awsProvider(pulumi.stackName(), fleet, self);
        var peers = fleet.earlierPeers(self).stream().map(peer -> Peer.connect(pulumi, fleet, peer)).toList();
        return new RegionContext(pulumi, fleet, self, provider, AwsFacts.lookUp(provider), peers);
    }

    /**
     * The explicit provider of a region, so every resource's region is visible to the policy pack.
     * Default tags carry the fleet-wide tags; the stack tag names the stack that owns the resource,
     * also on resources it creates in a peer region.
     */
    static Provider awsProvider(String stack, Fleet fleet, RegionSpec region) {
        return awsProvider(stack, fleet, region.region(), region.zone());
    }

    private static Provider awsProvider(String stack, Fleet fleet, String region, String zone) {
        var tags = new TreeMap<String, String>(fleet.settings().tags());
        tags.put("project", fleet.settings().project());
        tags.put("stack", stack);
        tags.put("region", region);
        tags.put("zone", zone);
        return new Provider("aws-" + region, ProviderArgs.builder()
                .region(region)
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(tags).build())
                .build());
    }

    public Context pulumi() {
        return pulumi;
    }

    public String stackName() {
        return pulumi.stackName();
    }

    public Fleet fleet() {
        return fleet;
    }

    public RegionSpec spec() {
        return spec;
    }

    /** The provider of this stack's region. */
    public Provider provider() {
        return provider;
    }

    /** Options for a top-level component of this stack: the regional provider flows to its children. */
    public ComponentResourceOptions inRegion() {
        return ComponentResourceOptions.builder().providers(provider).build();
    }

    public AwsFacts facts() {
        return facts;
    }

    /** The earlier regions of this partition, in join order: this region owns every link to them. */
    public List<Peer> peers() {
        return peers;
    }

    /** The public front door (project config traffic), if the fleet has one. */
    public java.util.Optional<io.acgs2.components.traffic.FrontDoorSettings> frontDoor() {
        java.util.Optional<io.acgs2.components.traffic.FrontDoorSettings> t =
                fleet.settings().section(io.acgs2.stacks.config.TrafficSection.SECTION);
        return t == null ? java.util.Optional.empty() : t;
    }

    /**
     * A provider for {@code region}: this stack's own, an earlier peer's, or one made once for a
     * region outside the fleet (e.g. us-east-1, where Route 53's metrics are), same default tags.
     */
    public Provider providerFor(String region) {
        if (region.equals(spec.region())) {
            return provider;
        }
        return peer(region).map(Peer::provider).orElseGet(() -> extraProviders.computeIfAbsent(region, r ->
                // tagged as this stack's region: the resources it makes there serve this region
                awsProvider(pulumi.stackName(), fleet, r, spec.zone())));
    }

    /** The earlier region {@code region} of this partition, if it is one. */
    public java.util.Optional<Peer> peer(String region) {
        return peers.stream().filter(p -> p.spec().region().equals(region)).findFirst();
    }
}
