package io.acgs2.stacks.config;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code acgs2-infra:tags} (project): tags merged into every AWS resource's default tags, after the
 * reserved ones the program sets itself. Optional.
 */
public final class TagsSection extends BaseSection<Map<String, String>> {

    public static final TagsSection SECTION = new TagsSection();
    public static final String KEY = ConfigParser.PROJECT + ":tags";
    /** Tag keys the program sets itself; user tags may not override them. */
    public static final Set<String> RESERVED = Set.of("project", "stack", "region", "zone", "Name");

    private TagsSection() {
        super(KEY, Scope.PROJECT);
    }

    @Override
    public Map<String, String> parse(SectionInput in) {
        var tags = new TreeMap<String, String>();
        in.object(KEY, false, "").ifPresent(node -> node.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode()) {
                in.add(KEY + "." + e.getKey(), "must be a string", "give the tag a plain value");
            } else if (RESERVED.contains(e.getKey()) || e.getKey().startsWith("aws:")) {
                in.add(KEY + "." + e.getKey(), "tag key '" + e.getKey() + "' is reserved",
                        "rename it; the program sets " + RESERVED.stream().sorted().toList() + " itself");
            } else {
                tags.put(e.getKey(), e.getValue().asText());
            }
        }));
        return tags;
    }
}
