package io.luxaris.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.TextMeasure;
import io.luxaris.errors.ValidationException;
import io.luxaris.errors.Violation;
import io.luxaris.spi.security.Principal;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 300 graphemes and 3,000 UTF-8 bytes, counted as Bluesky counts them. */
class BlueskyTextTest {
    private static final String COUPLE = "👨‍❤️‍👨"; // 6 code points, 20 UTF-8 bytes, one grapheme
    private final BlueskyChannel channel = BlueskyChannel.builder().build();
    private final TextMeasure measure = channel.textMeasure();

    @ParameterizedTest(name = "{0} is {1} grapheme(s)")
    @CsvSource({
        "👨‍❤️‍👨, 1", // ZWJ sequence
        "👍🏽, 1", // skin tone
        "🇺🇸, 1", // flag
        "e\u0301, 1", // combining accent
        "👩‍👩‍👧‍👦, 1", // family
        "한국어, 3",
        "'Hello, world', 12",
    })
    void graphemeClusters_countOneEach(String text, int graphemes) {
        assertThat(measure.measure(text)).isEqualTo(graphemes);
        assertThat(measure.unit()).isEqualTo("graphemes");
    }

    @Test
    void javasBreakIterator_splitsWhatBlueskyCountsAsOne_whichIsWhyTheMeasureUsesBackslashX() {
        BreakIterator iterator = BreakIterator.getCharacterInstance();
        iterator.setText(COUPLE);
        int pieces = 0;
        while (iterator.next() != BreakIterator.DONE) {
            pieces++;
        }
        // on Java 17 BreakIterator sees several characters here; were the measure built on it, 60 couples
        // (60 graphemes on Bluesky) would be refused as far over 300
        assertThat(pieces).isGreaterThan(1);
        assertThat(measure.measure(COUPLE.repeat(60))).isEqualTo(60);
    }

    @Test
    void atTheLimit_300GraphemesAreScheduled_and301AreRefused() {
        try (Luxaris luxaris = Luxaris.builder().channel(channel).build()) {
            var alice = Principal.of("alice");
            var account = luxaris.channels()
                    .connect(alice, BlueskyCredentials.connectionRequest(FakeBluesky.HANDLE, FakeBluesky.APP_PASSWORD));
            var at = Instant.now().plusSeconds(3600);
            var fits = luxaris.posts()
                    .create(alice, PostDraft.of("t").withVariant(VariantDraft.of("bluesky", "🎉".repeat(300))));
            luxaris.schedules()
                    .schedule(alice, ScheduleRequest.at(fits.firstVariant().id(), account.id(), at));

            assertThatThrownBy(() -> luxaris.posts()
                            .create(alice, PostDraft.of("t").withVariant(VariantDraft.of("bluesky", "🎉".repeat(301)))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .extracting(Violation::rule)
                            .contains("content_length"));
        }
    }

    @Test
    void atTheByteLimit_3000BytesFit_and3001AreRefused_evenUnder300Graphemes() {
        String atLimit = COUPLE.repeat(150); // 150 graphemes, 3000 bytes
        String over = atLimit + "a"; // 151 graphemes, 3001 bytes

        assertThat(measure.measure(over)).isLessThan(300);
        assertThat(channel.validate(Fixtures.variant(atLimit), Optional.empty()))
                .isEmpty();
        assertThat(channel.validate(Fixtures.variant(over), Optional.empty()))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("content");
                    assertThat(v.rule()).isEqualTo("max_bytes");
                    assertThat(v.message()).contains("3001 UTF-8 bytes");
                });
    }

    @Test
    void everyThreadPart_isCheckedForBytes() {
        String over = COUPLE.repeat(150) + "a";

        assertThat(channel.validate(Fixtures.variant("ok", List.of("fine", over), List.of()), Optional.empty()))
                .extracting(Violation::field)
                .containsExactly("thread[1]");
    }

    @Test
    void theByteLimit_isAlsoCheckedBeforeSending() throws Exception {
        try (var fake = new FakeBluesky();
                var publisher = Fixtures.channel(fake).build().createPublisher(Fixtures.environment())) {
            var outcome = publisher.publish(
                    Fixtures.request(Fixtures.variant(COUPLE.repeat(150) + "a")), new Fixtures.Context(fake.session()));

            assertThat(outcome).isInstanceOfSatisfying(io.luxaris.spi.channel.PublishOutcome.Failed.class, f -> {
                assertThat(f.code()).isEqualTo("text_too_long");
                assertThat(f.safeMessage()).contains("3001 UTF-8 bytes");
            });
            assertThat(fake.requestCount()).isZero();
        }
    }
}
