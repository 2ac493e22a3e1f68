package io.acgs2.stacks.config;

/** A section's key and scope, so each section class holds only its parsing. */
abstract class BaseSection<T> implements ConfigSection<T> {

    private final String key;
    private final Scope scope;

    BaseSection(String key, Scope scope) {
        this.key = key;
        this.scope = scope;
    }

    @Override
    public final String key() {
        return key;
    }

    @Override
    public final Scope scope() {
        return scope;
    }
}
