package io.luxaris.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.TextMeasure;
import io.luxaris.errors.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentRuleTest {
    private final ChannelLimits limits =
            ChannelLimits.builder(280).images(4).gif().video().threads(3).build();
    private final TextMeasure codePoints = TextMeasure.codePoints();

    private List<Violation> check(String content, List<String> thread, List<MediaRef> media, ChannelLimits l) {
        return ContentRule.check(content, thread, media, "X", l, codePoints, "");
    }

    @Test
    void textAtTheLimit_fits_andOnePastIsRejected() {
        assertThat(check("a".repeat(280), List.of(), List.of(), limits)).isEmpty();
        assertThat(check("a".repeat(281), List.of(), List.of(), limits))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("content");
                    assertThat(v.rule()).isEqualTo("content_length");
                    assertThat(v.message()).contains("281").contains("280").contains("X");
                });
    }

    @Test
    void lengthIsMeasuredTheChannelsWay() {
        TextMeasure weighted =
                text -> text.codePoints().map(cp -> cp > 0x2000 ? 2 : 1).sum();
        String emoji = "😀".repeat(140);
        assertThat(ContentRule.check(emoji, List.of(), List.of(), "X", limits, weighted, ""))
                .isEmpty();
        assertThat(ContentRule.check(emoji + "a", List.of(), List.of(), "X", limits, weighted, ""))
                .extracting(Violation::rule)
                .containsExactly("content_length");
        // code points: 140 emoji are 140, not 280 UTF-16 units
        assertThat(codePoints.measure(emoji)).isEqualTo(140);
    }

    @Test
    void blankContent_withoutMedia_isRequired() {
        assertThat(check("  ", List.of(), List.of(), limits))
                .extracting(Violation::rule)
                .containsExactly("required");
        assertThat(check("", List.of(), List.of(MediaRef.image("img")), limits)).isEmpty();
    }

    @Test
    void threadParts_areCountedAndEachIsMeasured() {
        assertThat(check("one", List.of("two", "a".repeat(281)), List.of(), limits))
                .singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("thread[1]"));
        assertThat(check("one", List.of("2", "3", "4", "5"), List.of(), limits))
                .extracting(Violation::rule)
                .containsExactly("too_many");
        ChannelLimits noThreads = ChannelLimits.builder(280).build();
        assertThat(check("one", List.of("two"), List.of(), noThreads))
                .extracting(Violation::rule)
                .containsExactly("threads_unsupported");
    }

    @Test
    void media_isCheckedAgainstCapabilities() {
        assertThat(check(
                        "hi",
                        List.of(),
                        List.of(MediaRef.image("1"), MediaRef.image("2"), MediaRef.image("3"), MediaRef.image("4")),
                        limits))
                .isEmpty();
        assertThat(check(
                        "hi",
                        List.of(),
                        List.of(
                                MediaRef.image("1"),
                                MediaRef.image("2"),
                                MediaRef.image("3"),
                                MediaRef.image("4"),
                                MediaRef.image("5")),
                        limits))
                .extracting(Violation::rule)
                .contains("too_many");
        assertThat(check("hi", List.of(), List.of(MediaRef.video("v"), MediaRef.image("1")), limits))
                .extracting(Violation::rule)
                .contains("media_mix");
        assertThat(check(
                        "hi",
                        List.of(),
                        List.of(MediaRef.image("1")),
                        ChannelLimits.builder(280).build()))
                .extracting(Violation::rule)
                .containsExactly("media_unsupported");
        assertThat(check(
                        "hi",
                        List.of(),
                        List.of(MediaRef.video("v")),
                        ChannelLimits.builder(280).images(4).build()))
                .extracting(Violation::rule)
                .containsExactly("media_unsupported");
    }

    @Test
    void links_areRejectedWhereTheChannelHasNone() {
        ChannelLimits noLinks = ChannelLimits.builder(280).links(false).build();
        assertThat(check("see https://example.com", List.of(), List.of(), noLinks))
                .extracting(Violation::rule)
                .containsExactly("links_unsupported");
        assertThat(check("see https://example.com", List.of(), List.of(), limits))
                .isEmpty();
    }

    @Test
    void fieldsArePrefixed() {
        assertThat(ContentRule.check("a".repeat(281), List.of(), List.of(), "X", limits, codePoints, "variant"))
                .extracting(Violation::field)
                .containsExactly("variant.content");
    }
}
