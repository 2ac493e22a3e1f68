package io.acgs2.components.random;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link RandomPassword}, as pulumi-random's schema names them. Only {@code length} is
 * required; the provider's defaults apply to the rest (upper, lower, numeric and special characters
 * all on, no minimums).
 */
public final class RandomPasswordArgs extends ResourceArgs {

    public static final RandomPasswordArgs Empty = new RandomPasswordArgs();

    /** Arbitrary values that, when changed, generate a new password. */
    @Import(name = "keepers")
    private Output<Map<String, String>> keepers;

    /** The length of the password. Required. */
    @Import(name = "length", required = true)
    private Output<Integer> length;

    @Import(name = "minLower")
    private Output<Integer> minLower;

    @Import(name = "minNumeric")
    private Output<Integer> minNumeric;

    @Import(name = "minSpecial")
    private Output<Integer> minSpecial;

    @Import(name = "minUpper")
    private Output<Integer> minUpper;

    /** The special characters to draw from instead of the provider's default set. */
    @Import(name = "overrideSpecial")
    private Output<String> overrideSpecial;

    /** Whether special characters are used. Provider default: true. */
    @Import(name = "special")
    private Output<Boolean> special;

    private RandomPasswordArgs() {
    }

    private RandomPasswordArgs(RandomPasswordArgs $) {
        this.keepers = $.keepers;
        this.length = $.length;
        this.minLower = $.minLower;
        this.minNumeric = $.minNumeric;
        this.minSpecial = $.minSpecial;
        this.minUpper = $.minUpper;
        this.overrideSpecial = $.overrideSpecial;
        this.special = $.special;
    }

    public Optional<Output<Map<String, String>>> keepers() {
        return Optional.ofNullable(keepers);
    }

    public Output<Integer> length() {
        return length;
    }

    public Optional<Output<Integer>> minLower() {
        return Optional.ofNullable(minLower);
    }

    public Optional<Output<Integer>> minNumeric() {
        return Optional.ofNullable(minNumeric);
    }

    public Optional<Output<Integer>> minSpecial() {
        return Optional.ofNullable(minSpecial);
    }

    public Optional<Output<Integer>> minUpper() {
        return Optional.ofNullable(minUpper);
    }

    public Optional<Output<String>> overrideSpecial() {
        return Optional.ofNullable(overrideSpecial);
    }

    public Optional<Output<Boolean>> special() {
        return Optional.ofNullable(special);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(RandomPasswordArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private final RandomPasswordArgs $;

        public Builder() {
            $ = new RandomPasswordArgs();
        }

        public Builder(RandomPasswordArgs defaults) {
            $ = new RandomPasswordArgs(Objects.requireNonNull(defaults));
        }

        public Builder keepers(Output<Map<String, String>> keepers) {
            $.keepers = keepers;
            return this;
        }

        public Builder keepers(Map<String, String> keepers) {
            return keepers(Output.of(keepers));
        }

        public Builder length(Output<Integer> length) {
            $.length = length;
            return this;
        }

        public Builder length(Integer length) {
            return length(Output.of(length));
        }

        public Builder minLower(Output<Integer> minLower) {
            $.minLower = minLower;
            return this;
        }

        public Builder minLower(Integer minLower) {
            return minLower(Output.of(minLower));
        }

        public Builder minNumeric(Output<Integer> minNumeric) {
            $.minNumeric = minNumeric;
            return this;
        }

        public Builder minNumeric(Integer minNumeric) {
            return minNumeric(Output.of(minNumeric));
        }

        public Builder minSpecial(Output<Integer> minSpecial) {
            $.minSpecial = minSpecial;
            return this;
        }

        public Builder minSpecial(Integer minSpecial) {
            return minSpecial(Output.of(minSpecial));
        }

        public Builder minUpper(Output<Integer> minUpper) {
            $.minUpper = minUpper;
            return this;
        }

        public Builder minUpper(Integer minUpper) {
            return minUpper(Output.of(minUpper));
        }

        public Builder overrideSpecial(Output<String> overrideSpecial) {
            $.overrideSpecial = overrideSpecial;
            return this;
        }

        public Builder overrideSpecial(String overrideSpecial) {
            return overrideSpecial(Output.of(overrideSpecial));
        }

        public Builder special(Output<Boolean> special) {
            $.special = special;
            return this;
        }

        public Builder special(Boolean special) {
            return special(Output.of(special));
        }

        public RandomPasswordArgs build() {
            if ($.length == null) {
                throw new MissingRequiredPropertyException("RandomPasswordArgs", "length");
            }
            return $;
        }
    }
}
