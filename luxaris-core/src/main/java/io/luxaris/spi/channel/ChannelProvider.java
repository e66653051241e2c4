package io.luxaris.spi.channel;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.TextMeasure;
import io.luxaris.errors.Violation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A destination platform plugged into Luxaris: its catalog entry, how it measures text, and a publisher. Register
 * it on {@code Luxaris.builder().channel(...)} or declare it for {@link java.util.ServiceLoader} (AutoService plus
 * {@code provides} in module-info) and call {@code discoverPlugins()}.
 */
public interface ChannelProvider {
    /**
     * A channel with only a key, a catalog entry and its publishers: text measured in code points, no checks of its
     * own ({@link #validate} accepts every variant), the descriptor's limits for every connection.
     *
     * @param key the stable key, such as {@code demo}
     * @param descriptor the catalog entry
     * @param publishers creates the publisher for an environment, as {@link #createPublisher(ChannelEnvironment)}
     * @return the channel
     */
    static ChannelProvider of(
            String key, ChannelDescriptor descriptor, Function<ChannelEnvironment, ChannelPublisher> publishers) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(publishers, "publishers");
        return new ChannelProvider() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public ChannelDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public ChannelPublisher createPublisher(ChannelEnvironment environment) {
                return publishers.apply(environment);
            }
        };
    }

    /**
     * Stable key, lower case, such as {@code x} or {@code linkedin}.
     *
     * @return 1..32 lower-case letters, digits, {@code _} or {@code -}, starting with a letter
     */
    String key();

    /**
     * Human name and default limits.
     *
     * @return the catalog entry
     */
    ChannelDescriptor descriptor();

    /**
     * How the channel counts text; code points unless overridden.
     *
     * @return the measure
     */
    default TextMeasure textMeasure() {
        return TextMeasure.codePoints();
    }

    /**
     * The limits for one account, which may differ from the defaults (an X account with a larger allowance declares it
     * in its connection properties, for instance).
     *
     * @param connection the account
     * @return its limits; default: the descriptor's
     */
    default ChannelLimits limitsFor(ChannelConnection connection) {
        return descriptor().limits();
    }

    /**
     * Channel-specific checks beyond length, media and threads (which Luxaris checks from the limits). Field names are
     * relative to the variant ({@code content}, {@code media}, {@code thread[2]}).
     *
     * @param variant the variant to check
     * @param connection the account it is for, when known
     * @return the violations; default: none
     */
    default List<Violation> validate(PostVariant variant, Optional<ChannelConnection> connection) {
        return List.of();
    }

    /**
     * Creates the publisher used by the engine; called once per {@code Luxaris} instance.
     *
     * @param environment the clock, sleeper and media source of the instance
     * @return the publisher, closed when the instance closes
     */
    ChannelPublisher createPublisher(ChannelEnvironment environment);
}
