package io.acgs2.stacks.config;

/**
 * {@code acgs2-infra:pagingEndpoints} (stack, secret): the endpoint of each subscription of
 * {@code acgs2-infra:paging}, as JSON {@code {name: endpoint}}, set with {@code pulumi config set
 * --secret}. Here only its presence is checked against the subscriptions (the offline plan cannot
 * decrypt it; the loader refuses it in plain text); the program reads it as a secret.
 */
public final class PagingEndpointsSection extends BaseSection<Boolean> {

    public static final PagingEndpointsSection SECTION = new PagingEndpointsSection();
    public static final String KEY = ConfigParser.PROJECT + ":pagingEndpoints";

    private PagingEndpointsSection() {
        super(KEY, Scope.STACK);
    }

    @Override
    public Boolean parse(SectionInput in) {
        var paging = in.parsed(PagingSection.SECTION).orElse(io.acgs2.components.operations.PagingSettings.none());
        var present = in.raw(KEY).isPresent();
        if (!paging.subscriptions().isEmpty() && !present) {
            in.add(KEY, "is missing, and " + PagingSection.KEY + " has subscriptions " + paging.subscriptions().keySet(),
                    "run: pulumi config set --secret " + KEY + " '{\"" + paging.subscriptions().keySet().iterator().next()
                            + "\": \"<email address or https URL>\"}'");
        }
        return present;
    }
}
