package io.luxaris.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantSource;
import io.luxaris.domain.VariantStatus;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.spi.security.Principal;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ChannelProvider} must keep. Extend it in your plugin's tests, point the hooks at your
 * platform's mock server, and every channel behaves the same to the engine:
 *
 * <pre>{@code
 * class MyChannelContractTest extends ChannelContract {
 *     protected ChannelProvider provider() { return new MyChannel(mockServerUrl); }
 *     protected Credentials credentials() { return Credentials.bearer("test-token"); }
 *     protected void platformAcceptsNextPost() { server.enqueue(created()); }
 *     ...
 * }
 * }</pre>
 */
public abstract class ChannelContract {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** For subclasses. */
    protected ChannelContract() {}

    /** The provider under test (a fresh one per call is fine). */
    protected abstract ChannelProvider provider();

    /** Credentials of a connected test account. */
    protected abstract Credentials credentials();

    /** Non-secret properties of the test account (username, author URN...). */
    protected Map<String, String> connectionProperties() {
        return Map.of();
    }

    /** Arrange for the platform to create the next post. */
    protected abstract void platformAcceptsNextPost();

    /** Arrange for the platform to refuse the next post for its content (validation, duplicate...). */
    protected abstract void platformRejectsNextPost();

    /** Arrange for the platform to fail the next post transiently (5xx, throttled). */
    protected abstract void platformFailsNextPostTransiently();

    /** A text the channel accepts. */
    protected String validText() {
        return "Hello from the Luxaris channel contract test";
    }

    /** The media source the publisher gets. */
    protected MediaSource mediaSource() {
        return MediaSource.none();
    }

    /** Whether the provider is declared for {@link ServiceLoader} discovery (AutoService / module-info). */
    protected boolean discoverable() {
        return true;
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        toClose.clear();
    }

    @Test
    void key_isStableAndWellFormed() {
        ChannelProvider provider = provider();
        assertThat(provider.key()).matches(KEY).isEqualTo(provider().key());
    }

    @Test
    void descriptor_hasANameAndSaneLimits() {
        var descriptor = provider().descriptor();
        assertThat(descriptor.name()).isNotBlank();
        ChannelLimits limits = descriptor.limits();
        assertThat(limits.maxTextLength()).isPositive();
        assertThat(limits.maxMediaItems()).isNotNegative();
        assertThat(provider().limitsFor(connection()).maxTextLength()).isPositive();
    }

    @Test
    void textMeasure_countsNothingAsZero_andGrowsWithText() {
        var measure = provider().textMeasure();
        assertThat(measure.measure("")).isZero();
        int one = measure.measure("word");
        int two = measure.measure("word word");
        assertThat(one).isPositive();
        assertThat(two).isGreaterThan(one);
        assertThat(measure.measure(validText()))
                .isBetween(1, provider().descriptor().limits().maxTextLength());
    }

    @Test
    void validate_acceptsAValidVariant() {
        assertThat(provider().validate(variant(validText()), Optional.of(connection())))
                .isEmpty();
    }

    @Test
    void publish_onSuccess_returnsTheExternalId() {
        platformAcceptsNextPost();
        PublishOutcome outcome = publish(validText());
        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        var published = (PublishOutcome.Published) outcome;
        assertThat(published.externalId()).isNotBlank();
        // a link people can follow: a web page, or a file: URI for a channel that writes local files
        published.url().ifPresent(url -> assertThat(url)
                .satisfiesAnyOf(u -> assertThat(u).startsWith("https://"), u -> assertThat(u)
                        .startsWith("file:/")));
        assertNoSecrets(outcome);
    }

    @Test
    void publish_onRejection_failsAsRejected() {
        platformRejectsNextPost();
        PublishOutcome outcome = publish(validText());
        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
            assertThat(f.code()).isNotBlank();
            assertThat(f.safeMessage()).isNotBlank();
        });
        assertNoSecrets(outcome);
    }

    @Test
    void publish_onTransientFailure_isRetryable() {
        platformFailsNextPostTransiently();
        PublishOutcome outcome = publish(validText());
        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> assertThat(f.kind())
                .isIn(FailureKind.RETRYABLE, FailureKind.RATE_LIMITED));
        assertNoSecrets(outcome);
    }

    @Test
    void provider_isDiscoverableWhenDeclared() {
        if (!discoverable()) {
            return;
        }
        String key = provider().key();
        assertThat(ServiceLoader.load(ChannelProvider.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(p -> assertThat(p.key()).isEqualTo(key));
    }

    @Test
    void engine_publishesAScheduledPostOnceThroughThisChannel() {
        var clock = SettableClock.at(Instant.now());
        ChannelProvider provider = provider();
        Luxaris luxaris = Luxaris.builder()
                .channel(provider)
                .clock(clock)
                .mediaSource(mediaSource())
                .build();
        toClose.add(luxaris);
        var owner = Principal.of("contract-owner");
        var account = luxaris.channels()
                .connect(
                        owner,
                        ConnectionRequest.of(provider.key(), "contract account", credentials())
                                .withProperties(connectionProperties()));
        var post = luxaris.posts()
                .create(owner, PostDraft.of(validText()).withVariant(VariantDraft.of(provider.key(), validText())));
        var schedule = luxaris.schedules()
                .schedule(
                        owner,
                        ScheduleRequest.at(
                                post.firstVariant().id(),
                                account.id(),
                                clock.instant().plusSeconds(60)));
        clock.advance(Duration.ofSeconds(60));
        platformAcceptsNextPost();
        var report = luxaris.publishing().runDue();
        assertThat(report.published()).isEqualTo(1);
        var done = luxaris.schedules().get(owner, schedule.id());
        assertThat(done.status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(done.externalPostId()).isPresent();
        assertThat(luxaris.schedules().events(owner, schedule.id())).hasSize(1);
    }

    // ---------------------------------------------------------------- helpers for subclasses

    /** Publishes {@code text} once through a fresh publisher, as the engine would. */
    protected PublishOutcome publish(String text) {
        ChannelPublisher publisher = provider().createPublisher(environment());
        toClose.add(publisher);
        return publisher.publish(
                new PublishRequest(ScheduleId.random(), 1, variant(text), connection(), Map.of()),
                new Context(credentials(), mediaSource()));
    }

    /** A connected test account on this channel. */
    protected ChannelConnection connection() {
        Instant now = Instant.now();
        return new ChannelConnection(
                ConnectionId.random(),
                "contract-owner",
                ChannelId.forKey(provider().key()),
                "contract account",
                ConnectionStatus.CONNECTED,
                Optional.empty(),
                connectionProperties(),
                credentials().expiresAt(),
                credentials().refreshExpiresAt(),
                now,
                now,
                Optional.empty(),
                0);
    }

    /** A ready variant with this text. */
    protected PostVariant variant(String text) {
        Instant now = Instant.now();
        return new PostVariant(
                VariantId.random(),
                PostId.random(),
                ChannelId.forKey(provider().key()),
                Optional.empty(),
                text,
                List.of(),
                List.of(),
                Optional.empty(),
                VariantSource.MANUAL,
                VariantStatus.READY,
                Map.of(),
                now,
                now,
                Optional.empty(),
                0);
    }

    protected ChannelEnvironment environment() {
        return ChannelEnvironment.of(Clock.systemUTC(), mediaSource());
    }

    private void assertNoSecrets(PublishOutcome outcome) {
        for (String secret : credentials().secretValues()) {
            assertThat(String.valueOf(outcome.rawResponse().orElse(""))).doesNotContain(secret);
            if (outcome instanceof PublishOutcome.Failed f) {
                assertThat(f.safeMessage()).doesNotContain(secret);
                assertThat(f.code()).doesNotContain(secret);
            }
            assertThat(outcome.toString()).doesNotContain(secret);
        }
    }

    /** A publish context with credentials held in memory. */
    protected static final class Context implements PublishContext {
        private volatile Credentials current;
        private final MediaSource media;
        private final List<Credentials> saved = new ArrayList<>();
        private final Map<String, String> properties = new java.util.LinkedHashMap<>();

        public Context(Credentials credentials) {
            this(credentials, MediaSource.none());
        }

        public Context(Credentials credentials, MediaSource media) {
            this.current = credentials;
            this.media = media;
        }

        @Override
        public Credentials credentials() {
            return current;
        }

        @Override
        public synchronized void saveCredentials(Credentials rotated) {
            current = current.replacedBy(rotated);
            saved.add(current);
        }

        @Override
        public Credentials reloadCredentials() {
            return current;
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public MediaSource media() {
            return media;
        }

        @Override
        public synchronized void updateConnectionProperties(Map<String, String> updates) {
            properties.putAll(updates);
        }

        /** Connection properties the publisher asked to persist. */
        public synchronized Map<String, String> updatedProperties() {
            return Map.copyOf(properties);
        }

        /** Every credentials value saved, in order. */
        public synchronized List<Credentials> saved() {
            return List.copyOf(saved);
        }
    }
}
