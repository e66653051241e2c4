package io.luxaris.channels.threads;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.channels.threads.internal.ThreadsText;
import io.luxaris.domain.TextMeasure;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** 500 characters (emoji counted as their UTF-8 bytes) and at most 5 links per post, checked before scheduling. */
class ThreadsTextTest {
    private final ThreadsChannel channel = ThreadsChannel.builder().build();
    private final TextMeasure measure = channel.textMeasure();

    @AutoClose
    private final FakeThreads fake = new FakeThreads();

    @Test
    void plainText_countsOnePerCharacter_includingAccentsAndCjk() {
        assertThat(measure.measure("")).isZero();
        assertThat(measure.measure("Hello, world")).isEqualTo(12);
        assertThat(measure.measure("Grüße aus Köln")).isEqualTo(14);
        assertThat(measure.measure("東京で会いましょう")).isEqualTo(9);
        assertThat(measure.unit()).contains("emoji");
    }

    @Test
    void emoji_countAsTheirUtf8Bytes() {
        assertThat(measure.measure("🎉")).isEqualTo(4); // U+1F389
        assertThat(measure.measure("❤")).isEqualTo(3); // U+2764
        assertThat(measure.measure("❤️")).isEqualTo(6); // with VS16
        assertThat(measure.measure("👍🏽")).isEqualTo(8); // with a skin tone
        assertThat(measure.measure("👩‍💻")).isEqualTo(11); // ZWJ sequence: 4 + 3 + 4
        assertThat(measure.measure("🇩🇪")).isEqualTo(8);
        assertThat(measure.measure("Ship it 🚀")).isEqualTo(12);
    }

    @Test
    void theLimit_isFiveHundred_andTheChannelAcceptsExactlyThat() {
        assertThat(channel.descriptor().limits().maxTextLength()).isEqualTo(500);
        assertThat(measure.measure("a".repeat(500))).isEqualTo(500);
        assertThat(measure.measure("a".repeat(496) + "🎉")).isEqualTo(500);
        assertThat(measure.measure("a".repeat(497) + "🎉")).isEqualTo(501);
    }

    @Test
    void textAtTheLimit_isAcceptedByThreads_andOneOverIsWhatThreadsRefuses() {
        var credentials = fake.credentials();
        try (ChannelPublisher publisher = Fixtures.publisher(Fixtures.channel(fake))) {
            PublishOutcome atLimit = publisher.publish(
                    Fixtures.request(Fixtures.variant("a".repeat(496) + "🎉")), new Fixtures.Context(credentials));
            PublishOutcome over = publisher.publish(
                    Fixtures.request(Fixtures.variant("a".repeat(501))), new Fixtures.Context(credentials));

            assertThat(atLimit).isInstanceOf(PublishOutcome.Published.class);
            assertThat(over).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> assertThat(f.code())
                    .isEqualTo("invalid_parameter"));
        }
    }

    @Test
    void links_areCountedWithAndWithoutScheme_butNotEmails() {
        assertThat(ThreadsText.links("see https://a.example/x and http://b.example"))
                .isEqualTo(2);
        assertThat(ThreadsText.links("docs at example.com/docs and www.example.org"))
                .isEqualTo(2);
        assertThat(ThreadsText.links("mail me: team@example.com")).isZero();
        assertThat(ThreadsText.links("v2.0 is out, e.g. today")).isZero();
    }

    @Test
    void validate_refusesMoreThanFiveLinksInAnyPost_namingThePart() {
        String five = "a.example b.example c.example d.example e.example";
        String six = five + " https://f.example/";

        assertThat(channel.validate(Fixtures.variant(five), Optional.empty())).isEmpty();
        assertThat(channel.validate(
                        Fixtures.variant(five, java.util.List.of("fine", six), java.util.List.of()), Optional.empty()))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("thread[1]");
                    assertThat(v.rule()).isEqualTo("too_many_links");
                    assertThat(v.message()).contains("6 links").contains("at most 5");
                });
        assertThat(channel.validate(Fixtures.variant(six), Optional.empty()))
                .extracting(v -> v.field())
                .containsExactly("content");
    }
}
