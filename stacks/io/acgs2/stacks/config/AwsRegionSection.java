package io.acgs2.stacks.config;

import java.util.regex.Pattern;

/** {@code aws:region} (stack): the stack's AWS region. Required. */
public final class AwsRegionSection extends BaseSection<String> {

    public static final AwsRegionSection SECTION = new AwsRegionSection();
    public static final String KEY = "aws:region";
    static final Pattern REGION = Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$");

    private AwsRegionSection() {
        super(KEY, Scope.STACK);
    }

    public static boolean isRegionName(String s) {
        return REGION.matcher(s).matches();
    }

    @Override
    public String parse(SectionInput in) {
        var region = in.raw(KEY);
        if (region.isEmpty()) {
            in.add(KEY, "is missing", "set the stack's AWS region, e.g. aws:region: " + in.stack());
            return null;
        }
        if (!isRegionName(region.get())) {
            in.add(KEY, "'" + region.get() + "' is not an AWS region name", "use a name such as eu-west-1");
            return null;
        }
        return region.get();
    }
}
