package io.luxaris.spi.channel;

import io.luxaris.Violation;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.TextMeasure;
import java.util.List;
import java.util.Optional;

/**
 * A destination platform plugged into Luxaris: its catalog entry, how it measures text, and a publisher. Register
 * it on {@code Luxaris.builder().channel(...)} or declare it for {@link java.util.ServiceLoader} (AutoService plus
 * {@code provides} in module-info) and call {@code discoverPlugins()}.
 */
public interface ChannelProvider {
    /** Stable key, lower case, such as {@code x} or {@code linkedin}. */
    String key();

    /** Human name and default limits. */
    ChannelDescriptor descriptor();

    /** How the channel counts text; code points unless overridden. */
    default TextMeasure textMeasure() {
        return TextMeasure.codePoints();
    }

    /**
     * The limits for one account, which may differ from the defaults (an X account with a larger allowance
     * declares it in its connection properties, for instance).
     */
    default ChannelLimits limitsFor(ChannelConnection connection) {
        return descriptor().limits();
    }

    /**
     * Channel-specific checks beyond length, media and threads (which Luxaris checks from the limits). Field names
     * are relative to the variant ({@code content}, {@code media}, {@code thread[2]}).
     */
    default List<Violation> validate(PostVariant variant, Optional<ChannelConnection> connection) {
        return List.of();
    }

    /** Creates the publisher used by the engine; called once per {@code Luxaris} instance. */
    ChannelPublisher createPublisher(ChannelEnvironment environment);
}
