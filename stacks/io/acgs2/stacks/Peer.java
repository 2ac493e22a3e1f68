package io.acgs2.stacks;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import io.acgs2.stacks.config.Fleet;
import io.acgs2.stacks.config.RegionSpec;

/**
 * An earlier region as this stack sees it: its spec (from its stack file), its typed outputs (from
 * its stack's outputs) and a provider for its region, each made once per stack.
 *
 * @param spec     the peer's stack file
 * @param outputs  what the peer's stack exported
 * @param provider an AWS provider for the peer's region (this stack's default tags)
 */
public record Peer(RegionSpec spec, RegionOutputs outputs, Provider provider) {

    static Peer connect(Context pulumi, Fleet fleet, RegionSpec peer) {
        var ref = new StackReference("stackref-" + peer.stack(), StackReferenceArgs.builder()
                .name(stackReferenceName(pulumi, fleet, peer)).build(), CustomResourceOptions.builder().build());
        return new Peer(peer, RegionOutputs.read(ref), RegionContext.awsProvider(pulumi.stackName(), fleet, peer));
    }

    /**
     * A value this peer exports, or, while its stack has not exported it yet (not deployed, or
     * deployed before the field existed), a clear error naming it and the fix: deploy the peer first.
     */
    public Output<String> require(Output<String> exported, String what) {
        return exported.applyValue(v -> {
            if (v == null || v.isEmpty()) {
                throw notYet(what);
            }
            return v;
        });
    }

    /** The {@code key} entry of a map this peer exports (e.g. by data domain), likewise. */
    public Output<String> require(Output<java.util.Map<String, String>> exported, String key, String what) {
        return exported.applyValue(m -> {
            if (m == null || m.get(key) == null || m.get(key).isEmpty()) {
                throw notYet(what);
            }
            return m.get(key);
        });
    }

    private IllegalStateException notYet(String what) {
        return new IllegalStateException("region " + spec.region() + " exports no " + what
                + " yet: run `pulumi up` on its stack first (bin/acgs2 rollout-order puts it first)");
    }

    /** {@code <org>/<project>/<stack>}: the organization from config, else the one the engine runs in. */
    static String stackReferenceName(Context pulumi, Fleet fleet, RegionSpec peer) {
        var org = fleet.settings().organization().orElseGet(pulumi::organizationName);
        return org + "/" + fleet.settings().project() + "/" + peer.stack();
    }
}
