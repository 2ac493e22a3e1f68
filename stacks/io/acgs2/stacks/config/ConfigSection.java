package io.acgs2.stacks.config;

/**
 * One top-level configuration key and everything about it: where it may be set, which fields it
 * allows, how it parses, its defaults and its messages. {@link ConfigSections} registers every
 * section; the keys a stack file or Pulumi.yaml may hold are derived from that registry, so adding a
 * section is one new file plus its registration.
 *
 * @param <T> the typed value the section parses to
 */
public interface ConfigSection<T> {

    /** Where a key may be set. */
    enum Scope {
        /** Pulumi.yaml only: the same for every region. */
        PROJECT,
        /** Each Pulumi.&lt;stack&gt;.yaml: a fact of one region. */
        STACK
    }

    /** The fully-qualified key, e.g. {@code acgs2-infra:network} or {@code aws:region}. */
    String key();

    Scope scope();

    /**
     * Parses the section, recording every problem in {@code in} with the file, the key and the fix.
     * Returns the value, or null when nothing usable could be parsed (a problem is then recorded, or
     * the section is optional and absent with no default).
     */
    T parse(SectionInput in);
}
