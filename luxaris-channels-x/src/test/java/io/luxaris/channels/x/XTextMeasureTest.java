package io.luxaris.channels.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.TextMeasure;
import io.luxaris.errors.ValidationException;
import io.luxaris.spi.security.Principal;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The weighted length, checked against the outputs documented for twitter-text 3.1.0 (docs/platforms/x.md §1.10). */
class XTextMeasureTest {
    private final TextMeasure measure = XChannel.builder().build().textMeasure();

    @Test
    void documentedExamples_haveTheDocumentedWeightedLength() {
        assertThat(measure.measure("Hello, world! 👋")).isEqualTo(16);
        assertThat(measure.measure("a".repeat(280))).isEqualTo(280);
        assertThat(measure.measure("a".repeat(281))).isEqualTo(281);
        assertThat(measure.measure("日".repeat(140))).isEqualTo(280);
        assertThat(measure.measure("日".repeat(141))).isEqualTo(282);
        assertThat(measure.measure("한국어")).isEqualTo(6);
        assertThat(measure.measure("Check https://example.com/a/very/long/path/that/is/long?x=1 now"))
                .isEqualTo(33);
        assertThat(measure.measure("example.com")).isEqualTo(23);
        assertThat(measure.measure("👨‍👩‍👧‍👦")).isEqualTo(2);
        assertThat(measure.measure("👍🏽")).isEqualTo(2);
        assertThat(measure.measure("—“”")).isEqualTo(3);
        assertThat(measure.measure("")).isZero();
    }

    @ParameterizedTest
    @CsvSource({"café, 4", "cafe\u0301, 4"})
    void nfcAndNfdSpellings_measureTheSame(String text, int expected) {
        assertThat(measure.measure(text)).isEqualTo(expected);
    }

    @Test
    void coreValidation_rejectsWhatXWouldReject_beforeScheduling() {
        try (Luxaris luxaris =
                Luxaris.builder().channel(XChannel.builder().build()).build()) {
            var owner = Principal.of("owner");

            assertThatThrownBy(() -> luxaris.posts()
                            .create(owner, PostDraft.of("long").withVariant(VariantDraft.of("x", "日".repeat(141)))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .anySatisfy(v -> {
                                assertThat(v.rule()).isEqualTo("content_length");
                                assertThat(v.message()).contains("282 weighted characters");
                            }));
            String manyLinks = "https://example.com/" + "a".repeat(300) + " https://example.org/" + "b".repeat(300);
            assertThat(luxaris.posts()
                            .create(owner, PostDraft.of("links").withVariant(VariantDraft.of("x", manyLinks)))
                            .firstVariant()
                            .content())
                    .isEqualTo(manyLinks);
            assertThat(luxaris.channels().measure(owner, "x", manyLinks)).isEqualTo(47);
        }
    }

    @Test
    void anAccountWithALargerAllowance_mayScheduleLongerText() {
        try (Luxaris luxaris =
                Luxaris.builder().channel(XChannel.builder().build()).build()) {
            var owner = Principal.of("owner");
            var premium = luxaris.channels()
                    .connect(
                            owner,
                            ConnectionRequest.of("x", "@long", io.luxaris.domain.Credentials.bearer("token-123"))
                                    .withProperties(Map.of(XChannel.PROPERTY_MAX_TEXT_LENGTH, "4000")));
            var basic = luxaris.channels()
                    .connect(
                            owner,
                            ConnectionRequest.of("x", "@short", io.luxaris.domain.Credentials.bearer("token-456")));
            var post = luxaris.posts()
                    .create(
                            owner,
                            PostDraft.of("long")
                                    .withVariant(VariantDraft.of("x", "a".repeat(1000))
                                            .withConnection(premium.id())));
            Instant at = Instant.now().plusSeconds(3600);

            assertThat(luxaris.schedules()
                            .schedule(
                                    owner,
                                    ScheduleRequest.at(post.firstVariant().id(), premium.id(), at)))
                    .isNotNull();
            assertThatThrownBy(() -> luxaris.schedules()
                            .schedule(
                                    owner,
                                    ScheduleRequest.at(post.firstVariant().id(), basic.id(), at)))
                    .isInstanceOf(ValidationException.class);
        }
    }
}
