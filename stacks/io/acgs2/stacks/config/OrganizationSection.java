package io.acgs2.stacks.config;

/**
 * {@code acgs2-infra:organization} (project): the Pulumi organization holding the stacks, used in
 * StackReference names. Default: the organization the engine runs in.
 */
public final class OrganizationSection extends BaseSection<String> {

    public static final OrganizationSection SECTION = new OrganizationSection();
    public static final String KEY = ConfigParser.PROJECT + ":organization";

    private OrganizationSection() {
        super(KEY, Scope.PROJECT);
    }

    @Override
    public String parse(SectionInput in) {
        return in.raw(KEY).filter(s -> !s.isBlank()).orElse(null);
    }
}
