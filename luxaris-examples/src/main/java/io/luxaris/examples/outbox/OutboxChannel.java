package io.luxaris.examples.outbox;

import com.google.auto.service.AutoService;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.Limits;
import io.luxaris.spi.channel.ChannelDescriptor;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The outbox channel (key {@value #KEY}): each published post becomes one JSON line appended to a local JSON Lines
 * file. Useful to see what Luxaris would publish, to feed another system, and as the template for your own
 * channel plugin.
 *
 * <pre>{@code
 * // explicit registration
 * Luxaris luxaris = Luxaris.builder()
 *     .channel(OutboxChannel.builder().file(Path.of("/var/app/outbox.jsonl")).build())
 *     .build();
 *
 * // or discovery: the jar on the class path, -DLUXARIS_OUTBOX_FILE=/var/app/outbox.jsonl
 * Luxaris luxaris = Luxaris.builder().discoverPlugins().build();
 * }</pre>
 *
 * <p><b>File.</b> Given to the builder, or else read from the system property {@value #FILE_SETTING}, then the
 * environment variable of the same name, else {@value #DEFAULT_FILE_NAME} in the working directory. The file and
 * its directories are created on the first publish. Appends are serialized within the JVM and, with a file lock,
 * between processes.
 *
 * <p><b>Lines.</b> {@code id} (the external id), {@code written_at}, {@code schedule_id}, {@code attempt}, {@code
 * idempotency_key}, {@code post_id}, {@code variant_id}, {@code connection_id}, {@code account} (the connection's
 * display name), {@code text} and, for a thread, {@code thread} (the follow-up parts). Never a credential.
 *
 * <p><b>Limits.</b> {@value #DEFAULT_MAX_TEXT_LENGTH} characters (code points) per part unless configured, threads,
 * links, no media. Immutable and thread-safe.
 */
@AutoService(ChannelProvider.class)
public final class OutboxChannel implements ChannelProvider {
    /** The channel key. */
    public static final String KEY = "outbox";
    /** Name of the system property, then environment variable, that holds the outbox file of a discovered channel. */
    public static final String FILE_SETTING = "LUXARIS_OUTBOX_FILE";
    /** The file used when nothing names one, in the working directory. */
    public static final String DEFAULT_FILE_NAME = "luxaris-outbox.jsonl";
    /** The text limit per part unless {@link Builder#maxTextLength(int)} sets another. */
    public static final int DEFAULT_MAX_TEXT_LENGTH = 1000;

    private final Path file;
    private final ChannelDescriptor descriptor;

    /**
     * The channel as {@link java.util.ServiceLoader} creates it: the SPI requires a public no-arg constructor, so
     * a discovered plugin reads its configuration from system properties or the environment.
     */
    public OutboxChannel() {
        this(builder());
    }

    private OutboxChannel(Builder builder) {
        this.file = builder.file.toAbsolutePath().normalize();
        // Luxaris checks these limits when a variant is written and scheduled, so content over the limit never
        // reaches the publisher in normal operation; the publisher checks again in case the limits changed.
        this.descriptor = ChannelDescriptor.of(
                "Outbox (local file)",
                ChannelLimits.builder(builder.maxTextLength)
                        .links(true)
                        .threads(Limits.THREAD_PARTS)
                        .build());
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public ChannelDescriptor descriptor() {
        return descriptor;
    }

    // textMeasure() is not overridden: the outbox counts code points, the SPI's default.

    @Override
    public ChannelPublisher createPublisher(ChannelEnvironment environment) {
        Objects.requireNonNull(environment, "environment");
        return new OutboxPublisher(file, descriptor.limits().maxTextLength(), textMeasure(), environment.clock());
    }

    /** The absolute path of the outbox file. */
    public Path file() {
        return file;
    }

    @Override
    public String toString() {
        return "OutboxChannel[" + file + ", max " + descriptor.limits().maxTextLength() + " characters]";
    }

    /** The file named by the system property, else the environment variable, else the default in {@code user.dir}. */
    static Path configuredFile(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
        String named = systemProperties.apply(FILE_SETTING);
        if (named == null || named.isBlank()) {
            named = environment.apply(FILE_SETTING);
        }
        if (named == null || named.isBlank()) {
            return Path.of(DEFAULT_FILE_NAME);
        }
        return Path.of(named.strip());
    }

    /** Builder of an {@link OutboxChannel}; starts from the configuration a discovered channel would use. */
    public static final class Builder {
        private Path file = configuredFile(System::getProperty, System::getenv);
        private int maxTextLength = DEFAULT_MAX_TEXT_LENGTH;

        private Builder() {}

        /** The JSON Lines file posts are appended to. */
        public Builder file(Path value) {
            this.file = Objects.requireNonNull(value, "file");
            return this;
        }

        /** The most characters (code points) one part may have; default {@value OutboxChannel#DEFAULT_MAX_TEXT_LENGTH}. */
        public Builder maxTextLength(int value) {
            if (value < 1 || value > Limits.VARIANT_CONTENT) {
                throw new IllegalArgumentException(
                        "maxTextLength must be 1.." + Limits.VARIANT_CONTENT + " but was " + value);
            }
            this.maxTextLength = value;
            return this;
        }

        public OutboxChannel build() {
            return new OutboxChannel(this);
        }
    }
}
