package io.acgs2.components.random;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A generated password, held only in state (pulumi-random's {@code RandomPassword}). There is no
 * Java SDK of the random provider on Maven Central, so this binding has the shape of generated SDK
 * code: the provider's own type token, {@code @Export} outputs, and options merged with defaults
 * that pin the plugin ({@link #PLUGIN_VERSION}; {@code src/main/resources/com/pulumi/random/plugin.json}
 * makes the engine install it) and mark {@code result} and {@code bcryptHash} secret, as the
 * provider's schema does.
 *
 * <p>The password changes only when an input (or a {@code keepers} value) changes: any change
 * replaces the resource and generates a new password.
 */
@ResourceType(type = RandomPassword.TYPE)
public class RandomPassword extends CustomResource {

    public static final String TYPE = "random:index/randomPassword:RandomPassword";
    /** pulumi-random plugin version. Upgrade here, and in plugin.json, together. */
    public static final String PLUGIN_VERSION = "4.21.2";
    /** The outputs the provider's schema marks secret. */
    public static final List<String> SECRET_OUTPUTS = List.of("bcryptHash", "result");

    @Export(name = "bcryptHash", refs = {String.class}, tree = "[0]")
    private Output<String> bcryptHash;

    @Export(name = "keepers", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private Output</* @Nullable */ Map<String, String>> keepers;

    @Export(name = "length", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> length;

    @Export(name = "lower", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> lower;

    @Export(name = "minLower", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> minLower;

    @Export(name = "minNumeric", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> minNumeric;

    @Export(name = "minSpecial", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> minSpecial;

    @Export(name = "minUpper", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> minUpper;

    @Export(name = "numeric", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> numeric;

    @Export(name = "overrideSpecial", refs = {String.class}, tree = "[0]")
    private Output</* @Nullable */ String> overrideSpecial;

    @Export(name = "result", refs = {String.class}, tree = "[0]")
    private Output<String> result;

    @Export(name = "special", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> special;

    @Export(name = "upper", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> upper;

    public RandomPassword(String name, RandomPasswordArgs args) {
        this(name, args, null);
    }

    public RandomPassword(String name, RandomPasswordArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, makeResourceOptions(options));
    }

    /** {@code options} merged with the pinned plugin version and the secret outputs (the caller's win where set). */
    static CustomResourceOptions makeResourceOptions(CustomResourceOptions options) {
        var defaults = CustomResourceOptions.builder()
                .version(PLUGIN_VERSION)
                .additionalSecretOutputs(SECRET_OUTPUTS)
                .build();
        return CustomResourceOptions.merge(defaults, options);
    }

    /** The bcrypt hash of {@link #result()}. Secret. */
    public Output<String> bcryptHash() {
        return bcryptHash;
    }

    public Output<Optional<Map<String, String>>> keepers() {
        return keepers.applyValue(Optional::ofNullable);
    }

    public Output<Integer> length() {
        return length;
    }

    public Output<Boolean> lower() {
        return lower;
    }

    public Output<Integer> minLower() {
        return minLower;
    }

    public Output<Integer> minNumeric() {
        return minNumeric;
    }

    public Output<Integer> minSpecial() {
        return minSpecial;
    }

    public Output<Integer> minUpper() {
        return minUpper;
    }

    public Output<Boolean> numeric() {
        return numeric;
    }

    public Output<Optional<String>> overrideSpecial() {
        return overrideSpecial.applyValue(Optional::ofNullable);
    }

    /** The generated password. Secret. */
    public Output<String> result() {
        return result;
    }

    public Output<Boolean> special() {
        return special;
    }

    public Output<Boolean> upper() {
        return upper;
    }
}
