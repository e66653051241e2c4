package io.luxaris.channels.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** What each instance accepts, read from {@code /api/v2/instance}, cached, stored and fallen back on. */
class MastodonInstanceTest {
    @AutoClose
    private final FakeMastodon fake = new FakeMastodon();

    @Test
    void theLimitsOfAConnection_areTheInstancesOwn() throws Exception {
        fake.limits(5000, 23).maxMedia(6).descriptionLimit(900);
        MastodonChannel channel = Fixtures.channel().build();

        ChannelLimits limits = channel.limitsFor(Fixtures.connection(fake));
        MastodonInstance instance = channel.instance(Fixtures.connection(fake));

        assertThat(limits.maxTextLength()).isEqualTo(5000);
        assertThat(limits.maxMediaItems()).isEqualTo(6);
        assertThat(limits.supportsImages()).isTrue();
        assertThat(limits.supportsVideo()).isTrue();
        assertThat(limits.supportsThreads()).isTrue();
        assertThat(instance.descriptionLimit()).isEqualTo(900);
        assertThat(instance.apiVersion()).hasValue(6);
        assertThat(instance.accepts("image/png")).isTrue();
        assertThat(instance.accepts("image/heic")).isFalse();
        assertThat(fake.take().getUrl().encodedPath()).isEqualTo("/api/v2/instance");
    }

    @Test
    void theInstanceIsReadOncePerTimeToLive_andAgainAfterIt() {
        var clock = SettableClock.at(Instant.parse("2026-11-24T10:00:00Z"));
        MastodonChannel channel =
                Fixtures.channel().instanceCacheTtl(Duration.ofMinutes(30)).build();
        channel.createPublisher(Fixtures.environment(Fixtures.LIBRARY, clock)).close();
        ChannelConnection connection = Fixtures.connection(fake);

        channel.limitsFor(connection);
        channel.limitsFor(connection);
        clock.advance(Duration.ofMinutes(29));
        channel.limitsFor(Fixtures.connection(fake)); // another connection, the same instance
        assertThat(fake.instanceReads()).isEqualTo(1);

        fake.limits(800, 23);
        clock.advance(Duration.ofMinutes(2));
        assertThat(channel.limitsFor(connection).maxTextLength()).isEqualTo(800);
        assertThat(fake.instanceReads()).isEqualTo(2);
    }

    @Test
    void aServerBefore4_0_isReadFromApiV1() {
        fake.kind(FakeMastodon.Kind.V3).limits(700, 23).maxMedia(4);

        MastodonInstance instance = Fixtures.channel().build().instance(Fixtures.connection(fake));

        assertThat(instance.maxCharacters()).isEqualTo(700);
        assertThat(instance.apiVersion()).isEmpty();
        assertThat(instance.descriptionLimit()).isEqualTo(MastodonInstance.DEFAULT_DESCRIPTION_LIMIT);
        assertThat(fake.instanceReads()).isEqualTo(2);
    }

    @Test
    void aForkWithMaxTootChars_isReadToo() {
        fake.kind(FakeMastodon.Kind.FORK).limits(5000, 23);

        MastodonInstance instance = Fixtures.channel().build().instance(Fixtures.connection(fake));

        assertThat(instance.maxCharacters()).isEqualTo(5000);
        assertThat(instance.charactersReservedPerUrl()).isEqualTo(23);
        assertThat(instance.maxMediaAttachments()).isEqualTo(4);
    }

    @Test
    void validation_usesTheLimitsStoredOnTheConnection_withoutAskingTheInstance() {
        MastodonChannel channel = Fixtures.channel().build();
        var stored = new LinkedHashMap<>(Fixtures.properties(fake));
        stored.put(MastodonInstance.PROPERTY_MAX_CHARACTERS, "3000");
        stored.put(MastodonInstance.PROPERTY_MAX_MEDIA_ATTACHMENTS, "2");

        assertThat(channel.limitsFor(Fixtures.connection(stored)).maxTextLength())
                .isEqualTo(3000);
        assertThat(channel.limitsFor(Fixtures.connection(stored)).maxMediaItems())
                .isEqualTo(2);
        assertThat(channel.validate(
                        Fixtures.variant("x".repeat(2000)), java.util.Optional.of(Fixtures.connection(stored))))
                .isEmpty();
        assertThat(fake.instanceReads()).isZero();
    }

    @Test
    void whatThePublisherReadFresh_winsOverStoredLimits() {
        fake.limits(1200, 23);
        MastodonChannel channel = Fixtures.channel().build();
        var stored = new LinkedHashMap<>(Fixtures.properties(fake));
        stored.put(MastodonInstance.PROPERTY_MAX_CHARACTERS, "3000");

        Fixtures.publish(
                channel,
                Fixtures.request(Fixtures.variant("reads the instance"), Fixtures.connection(stored)),
                new Fixtures.Context(fake.credentials()));

        assertThat(channel.limitsFor(Fixtures.connection(stored)).maxTextLength())
                .isEqualTo(1200);
        assertThat(fake.instanceReads()).isEqualTo(1);
    }

    @Test
    void anInstanceThatCannotBeRead_givesTheDefaults_andIsNotAskedAgainWithinAMinute() {
        fake.kind(FakeMastodon.Kind.BROKEN);
        MastodonChannel channel = Fixtures.channel().build();

        assertThat(channel.limitsFor(Fixtures.connection(fake)).maxTextLength()).isEqualTo(500);
        assertThat(channel.limitsFor(Fixtures.connection(fake)).maxTextLength()).isEqualTo(500);
        assertThat(fake.instanceReads()).isEqualTo(1);
    }

    @Test
    void anUnreachableInstance_givesTheDefaults() {
        String url = fake.url();
        fake.close();
        MastodonChannel channel = Fixtures.channel().build();

        ChannelLimits limits =
                channel.limitsFor(Fixtures.connection(Map.of(MastodonChannel.PROPERTY_INSTANCE_URL, url)));

        assertThat(limits.maxTextLength()).isEqualTo(500);
        assertThat(limits.maxMediaItems()).isEqualTo(4);
    }

    @Test
    void aLimitAboveLuxarisOwn_isCappedAtIt() {
        fake.limits(1_000_000, 23);

        assertThat(Fixtures.channel()
                        .build()
                        .limitsFor(Fixtures.connection(fake))
                        .maxTextLength())
                .isEqualTo(MastodonInstance.MAX_CHARACTERS_CEILING);
    }

    @Test
    void publishing_keepsChangedLimitsOnTheConnection_andLeavesUnchangedOnesAlone() {
        fake.limits(1200, 23).maxMedia(6);
        MastodonChannel channel = Fixtures.channel().build();
        var context = new Fixtures.Context(fake.credentials());

        Fixtures.publish(channel, Fixtures.request(Fixtures.variant("one"), Fixtures.connection(fake)), context);

        assertThat(context.properties())
                .containsEntry(MastodonInstance.PROPERTY_MAX_CHARACTERS, "1200")
                .containsEntry(MastodonInstance.PROPERTY_CHARACTERS_RESERVED_PER_URL, "23")
                .containsEntry(MastodonInstance.PROPERTY_MAX_MEDIA_ATTACHMENTS, "6");

        var known = new LinkedHashMap<>(Fixtures.properties(fake));
        known.putAll(context.properties());
        var again = new Fixtures.Context(fake.credentials());
        Fixtures.publish(channel, Fixtures.request(Fixtures.variant("two"), Fixtures.connection(known)), again);
        assertThat(again.properties()).isEmpty();
    }

    @Test
    void storedLimits_roundTripThroughConnectionProperties_andBadValuesFallBack() {
        MastodonInstance instance = new MastodonInstance(
                2000, 23, 6, 900, 8_000_000, 40_000_000, java.util.List.of(), java.util.OptionalInt.empty());
        Map<String, String> properties = instance.toConnectionProperties();

        assertThat(MastodonInstance.fromConnectionProperties(properties)).contains(instance);
        assertThat(MastodonInstance.fromConnectionProperties(Map.of())).isEmpty();
        assertThat(MastodonInstance.fromConnectionProperties(Map.of(
                        MastodonInstance.PROPERTY_MAX_CHARACTERS, "800",
                        MastodonInstance.PROPERTY_MAX_MEDIA_ATTACHMENTS, "lots")))
                .hasValueSatisfying(i -> {
                    assertThat(i.maxCharacters()).isEqualTo(800);
                    assertThat(i.maxMediaAttachments()).isEqualTo(MastodonInstance.DEFAULT_MAX_MEDIA_ATTACHMENTS);
                });
    }

    @Test
    void inDryRunMode_noInstanceIsAsked() {
        MastodonChannel dry =
                MastodonChannel.builder().dryRun().allowPlainHttpOnLoopback().build();
        PublishOutcome outcome;
        try (ChannelPublisher publisher = dry.createPublisher(Fixtures.environment())) {
            assertThat(dry.limitsFor(Fixtures.connection(fake)).maxTextLength()).isEqualTo(500);
            outcome = publisher.publish(
                    Fixtures.request(Fixtures.variant("dry"), Fixtures.connection(fake)),
                    new Fixtures.Context(fake.credentials()));
        }

        assertThat(outcome).isInstanceOf(PublishOutcome.DryRun.class);
        assertThat(fake.requestCount()).isZero();
    }
}
