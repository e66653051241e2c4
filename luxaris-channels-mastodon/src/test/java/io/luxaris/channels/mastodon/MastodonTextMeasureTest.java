package io.luxaris.channels.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.TextMeasure;
import io.luxaris.errors.ValidationException;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Mastodon's length rule: grapheme clusters, URLs at the instance's fixed length, mentions, the content warning. */
class MastodonTextMeasureTest {
    private final TextMeasure measure = MastodonChannel.builder().build().textMeasure();

    @AutoClose
    private final FakeMastodon small = new FakeMastodon().limits(500, 23);

    @AutoClose
    private final FakeMastodon large = new FakeMastodon().limits(1000, 23);

    @Test
    void textCounts_graphemeClusters_soAComposedEmojiOrAccentCountsOnce() {
        assertThat(measure.measure("")).isZero();
        assertThat(measure.measure("hello")).isEqualTo(5);
        assertThat(measure.measure("he\u0301llo")).isEqualTo(5); // e + combining acute
        assertThat(measure.measure("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"))
                .isEqualTo(1); // family
        assertThat(measure.measure("\uD83C\uDDE9\uD83C\uDDEA \uD83D\uDC4D\uD83C\uDFFD"))
                .isEqualTo(3); // flag, thumbs
    }

    @Test
    void everyUrl_countsAsTwentyThree_whateverItsLength() {
        String longUrl = "https://example.com/" + "a".repeat(200);

        assertThat(measure.measure("see " + longUrl)).isEqualTo(4 + 23);
        assertThat(measure.measure("http://x.io and https://y.io")).isEqualTo(23 + 5 + 23);
    }

    @Test
    void punctuationEndingASentence_isNotPartOfTheUrl() {
        assertThat(measure.measure("Read https://example.com/notes.")).isEqualTo(5 + 23 + 1);
        assertThat(measure.measure("(see https://example.com/a_(b))")).isEqualTo(5 + 23 + 1);
    }

    @Test
    void aRemoteMention_countsOnlyItsLocalPart_andAnEmailAddressIsNoMention() {
        assertThat(measure.measure("@alice@mastodon.example hi")).isEqualTo("@alice hi".length());
        assertThat(measure.measure("mail bob@example.com")).isEqualTo("mail bob@example.com".length());
    }

    @Test
    void anInstanceThatReservesAnotherUrlLength_countsUrlsItsWay() {
        MastodonInstance instance =
                new MastodonInstance(500, 10, 4, 1500, 1L << 24, 1L << 26, List.of(), java.util.OptionalInt.empty());

        assertThat(instance.textMeasure().measure("go https://example.com/page"))
                .isEqualTo(3 + 10);
    }

    @Test
    void theContentWarning_countsTowardTheLimit() {
        MastodonInstance instance = MastodonInstance.defaults();

        assertThat(instance.measure("CW: food", "Pasta https://example.com")).isEqualTo(8 + 6 + 23);
    }

    @Test
    void atTheLimitAPostFits_andOneCharacterMoreDoesNot() {
        MastodonChannel channel = Fixtures.channel().build();
        ChannelConnection connection = Fixtures.connection(small);
        int limit = channel.limitsFor(connection).maxTextLength();
        String atLimit = "a".repeat(limit - 23 - 1) + " https://example.com/" + "z".repeat(300);

        assertThat(limit).isEqualTo(500);
        assertThat(channel.textMeasure(connection).measure(atLimit)).isEqualTo(limit);
        assertThat(channel.textMeasure(connection).measure(atLimit + "!")).isEqualTo(limit + 1);
    }

    @Test
    void theSameText_fitsAnInstanceThatAllowsMore_andIsRefusedByOneThatDoesNot() {
        var owner = Principal.of("owner");
        var clock = SettableClock.at(Instant.now());
        try (Luxaris luxaris = Luxaris.builder()
                .channel(Fixtures.channel().build())
                .clock(clock)
                .build()) {
            var onSmall = luxaris.channels()
                    .connect(
                            owner,
                            ConnectionRequest.of("mastodon", "@alice small", small.credentials())
                                    .withProperties(Fixtures.properties(small)));
            var onLarge = luxaris.channels()
                    .connect(
                            owner,
                            ConnectionRequest.of("mastodon", "@alice large", large.credentials())
                                    .withProperties(Fixtures.properties(large)));
            String text = "x".repeat(800);

            assertThatThrownBy(() -> luxaris.posts()
                            .create(
                                    owner,
                                    PostDraft.of("long")
                                            .withVariant(VariantDraft.of("mastodon", text)
                                                    .withConnection(onSmall.id()))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .anySatisfy(v -> {
                                assertThat(v.rule()).isEqualTo("content_length");
                                assertThat(v.message()).contains("800", "500");
                            }));
            var post = luxaris.posts()
                    .create(
                            owner,
                            PostDraft.of("long")
                                    .withVariant(
                                            VariantDraft.of("mastodon", text).withConnection(onLarge.id())));
            var variant = post.firstVariant().id();
            assertThat(luxaris.schedules()
                            .schedule(
                                    owner,
                                    ScheduleRequest.at(
                                            variant,
                                            onLarge.id(),
                                            clock.instant().plusSeconds(60)))
                            .id())
                    .isNotNull();
            assertThatThrownBy(() -> luxaris.schedules()
                            .schedule(
                                    owner,
                                    ScheduleRequest.at(
                                            variant,
                                            onSmall.id(),
                                            clock.instant().plusSeconds(60))))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("content_length");
            assertThat(luxaris.channels()
                            .limits(owner, "mastodon", Optional.of(onLarge.id()))
                            .maxTextLength())
                    .isEqualTo(1000);
        }
    }

    @Test
    void aContentWarningThatPushesATextOverTheLimit_isAViolationOfItsText() {
        MastodonChannel channel = Fixtures.channel().build();
        var variant = Fixtures.variant(
                "a".repeat(490),
                List.of("short reply"),
                List.of(),
                MastodonPostOptions.defaults()
                        .withContentWarning("Long spoiler line")
                        .toMetadata());

        assertThat(channel.validate(variant, Optional.of(Fixtures.connection(small))))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("content");
                    assertThat(v.rule()).isEqualTo("content_length");
                    assertThat(v.message()).contains("507 characters with its content warning", "limit is 500");
                });
        assertThat(channel.validate(variant, Optional.of(Fixtures.connection(large))))
                .isEmpty();
    }

    @Test
    void aTooLongPart_isRefusedForTheWholeThread_beforeAnythingIsPosted() throws Exception {
        MastodonChannel channel = Fixtures.channel().build();

        var outcome = Fixtures.publish(
                channel,
                Fixtures.request(
                        Fixtures.variant("fine", List.of("also fine", "y".repeat(501)), List.of()),
                        Fixtures.connection(small)),
                new Fixtures.Context(small.credentials()));

        assertThat(outcome).isInstanceOfSatisfying(io.luxaris.spi.channel.PublishOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(io.luxaris.domain.FailureKind.REJECTED);
            assertThat(f.code()).isEqualTo("too_long");
            assertThat(f.safeMessage()).startsWith("part 3 of 3 is 501 characters");
        });
        assertThat(small.takeApiCalls()).isEmpty();
    }
}
