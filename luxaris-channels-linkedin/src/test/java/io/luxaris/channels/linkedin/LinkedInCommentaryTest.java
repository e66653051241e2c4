package io.luxaris.channels.linkedin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.PostVariant;
import io.luxaris.errors.ValidationException;
import io.luxaris.http.testing.EngineSchedules;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.VariantDraft;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The commentary on the wire: escaping, the 3000-character limit on what is sent, mentions and hashtags. */
class LinkedInCommentaryTest {
    private static final String ALL_RESERVED = "|{}@[]()<>#\\*_~";

    @AutoClose
    private final FakeLinkedIn linkedIn = new FakeLinkedIn();

    private final Credentials credentials = linkedIn.credentials(Fixtures.NOW);

    private PublishOutcome publish(PostVariant variant) {
        return Fixtures.publish(
                linkedIn.channel().build(), Fixtures.request(variant), new Fixtures.Context(credentials));
    }

    @Test
    void everyReservedCharacter_isSentEscaped_andLinkedInShowsTheWholePost() throws Exception {
        String text = "Every reserved one: " + ALL_RESERVED + " and after them the rest of the post.";
        assertThat(publish(Fixtures.variant(text))).isInstanceOf(PublishOutcome.Published.class);

        String sent = FakeLinkedIn.json(linkedIn.take()).path("commentary").asText();
        assertThat(sent)
                .isEqualTo("Every reserved one: \\|\\{\\}\\@\\[\\]\\(\\)\\<\\>\\#\\\\\\*\\_\\~"
                        + " and after them the rest of the post.");
        assertThat(linkedIn.posts().get(0).visibleText()).isEqualTo(text);
    }

    @Test
    void unescapedCommentary_wouldBeCutShortByLinkedIn_whichIsWhatEscapingPrevents() {
        // regression guard for the silent truncation LinkedIn applies to raw reserved characters
        assertThat(FakeLinkedIn.visible("notes (v2) inside", new ArrayList<>(), new ArrayList<>()))
                .isEqualTo("notes ");
    }

    @Test
    void textOfExactly3000CharactersAfterEscaping_isPublishedWhole() throws Exception {
        String text = "(".repeat(1500); // 1500 characters, 3000 once escaped
        LinkedInChannel channel = linkedIn.channel().build();
        assertThat(channel.textMeasure().measure(text)).isEqualTo(3000);
        assertThat(channel.validate(Fixtures.variant(text), Optional.of(Fixtures.member())))
                .isEmpty();

        assertThat(publish(Fixtures.variant(text))).isInstanceOf(PublishOutcome.Published.class);

        String sent = FakeLinkedIn.json(linkedIn.take()).path("commentary").asText();
        assertThat(sent).hasSize(3000);
        assertThat(linkedIn.posts().get(0).visibleText()).isEqualTo(text);
    }

    @Test
    void plainTextOfExactly3000Characters_isPublishedWhole() throws Exception {
        String text = "a".repeat(2990) + "😀".repeat(10);
        assertThat(new LinkedInChannel().textMeasure().measure(text)).isEqualTo(3000);
        assertThat(publish(Fixtures.variant(text))).isInstanceOf(PublishOutcome.Published.class);
        assertThat(linkedIn.posts().get(0).visibleText()).isEqualTo(text);
    }

    @Test
    void textOneCharacterPastTheLimitAfterEscaping_isRejected_withoutARequest() throws Exception {
        String text = "(".repeat(1500) + "a"; // 1501 characters, 3001 once escaped
        assertThat(new LinkedInChannel().textMeasure().measure(text)).isEqualTo(3001);

        assertThat(Outcomes.failed(publish(Fixtures.variant(text)), FailureKind.REJECTED, "content_length"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("3001").contains("3000");
                });
        assertThat(linkedIn.takeAll()).isEmpty();
    }

    @Test
    void luxarisRefusesToSchedule_textPastTheLimitOnlyOnceEscaped() {
        String text = "_".repeat(1501); // 1501 characters a person sees, 3002 sent
        try (Luxaris luxaris = Luxaris.builder()
                .channel(linkedIn.channel().build())
                .clock(Fixtures.clock())
                .build()) {
            var owner = Principal.of("owner");
            assertThatThrownBy(() -> luxaris.posts()
                            .create(owner, PostDraft.of(text).withVariant(VariantDraft.of(LinkedInChannel.KEY, text))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .anySatisfy(v -> {
                                assertThat(v.rule()).isEqualTo("content_length");
                                assertThat(v.message()).contains("3002");
                            }));
            assertThat(luxaris.channels().measure(owner, LinkedInChannel.KEY, "_".repeat(1500)))
                    .isEqualTo(3000);
        }
    }

    @Test
    void mentionsAndHashtags_areSentAsElements_andShownAsNamesAndTags() throws Exception {
        LinkedInText text = LinkedInText.builder()
                .text("Thanks ")
                .mention("Acme Corp", "urn:li:organization:1234")
                .text(" and ")
                .mention("Eddy", "urn:li:person:ab12_CD")
                .text(" for v2 (finally)! ")
                .hashtag("Java")
                .text(" ")
                .hashtag("open_source")
                .build();

        assertThat(publish(Fixtures.variant(text))).isInstanceOf(PublishOutcome.Published.class);

        String sent = FakeLinkedIn.json(linkedIn.take()).path("commentary").asText();
        assertThat(sent)
                .isEqualTo("Thanks @[Acme Corp](urn:li:organization:1234) and @[Eddy](urn:li:person:ab12_CD) for v2"
                        + " \\(finally\\)! {hashtag|\\#|Java} {hashtag|\\#|open\\_source}");
        FakeLinkedIn.Created post = linkedIn.posts().get(0);
        assertThat(post.visibleText()).isEqualTo(text.content());
        assertThat(post.mentions()).containsExactly("Acme Corp=urn:li:organization:1234", "Eddy=urn:li:person:ab12_CD");
        assertThat(post.hashtags()).containsExactly("Java", "open_source");
    }

    @Test
    void elementsPastTheLimitOnceWrittenOut_areCaughtByValidation_andByThePublisher() throws Exception {
        // content measures 2990 escaped, but the mention syntax adds "@[" + "](urn:li:organization:1234)"
        String filler = "a".repeat(2990 - "Acme".length());
        LinkedInText text = LinkedInText.builder()
                .text(filler)
                .mention("Acme", "urn:li:organization:1234")
                .build();
        LinkedInChannel channel = linkedIn.channel().build();
        var variant = Fixtures.variant(text);
        assertThat(channel.textMeasure().measure(variant.content())).isEqualTo(2990);
        assertThat(text.length()).isGreaterThan(3000);

        assertThat(channel.validate(variant, Optional.of(Fixtures.member())))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("content");
                    assertThat(v.rule()).isEqualTo("content_length");
                });
        assertThat(publish(variant)).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> assertThat(f.code())
                .isEqualTo("content_length"));
        assertThat(linkedIn.takeAll()).isEmpty();
    }

    @Test
    void variantWhoseElementsNoLongerMatchItsContent_isRefused_notPostedWithoutItsMention() throws Exception {
        LinkedInText text = LinkedInText.builder()
                .text("Hi ")
                .mention("Acme Corp", "urn:li:organization:1234")
                .build();
        var edited = Fixtures.variant("Hello Acme Corp", List.of(), text.metadata());

        assertThat(new LinkedInChannel().validate(edited, Optional.empty()))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("metadata.linkedin.elements");
                    assertThat(v.rule()).isEqualTo("linkedin_elements");
                });
        Outcomes.failed(publish(edited), FailureKind.REJECTED, "linkedin_elements");
        assertThat(linkedIn.takeAll()).isEmpty();
    }

    @Test
    void engine_publishesAVariantBuiltWithLinkedInText_withItsElements() throws Exception {
        LinkedInText text = LinkedInText.builder()
                .text("Welcome ")
                .mention("Acme Corp", "urn:li:organization:1234")
                .text(" ")
                .hashtag("Java")
                .build();
        var clock = SettableClock.at(Fixtures.NOW);
        try (Luxaris luxaris = Luxaris.builder()
                .channel(linkedIn.channel().build())
                .clock(clock)
                .build()) {
            var owner = Principal.of("owner");
            var account = luxaris.channels()
                    .connect(
                            owner,
                            ConnectionRequest.of(LinkedInChannel.KEY, "Example User", credentials)
                                    .withProperties(Map.of(LinkedInChannel.PROPERTY_AUTHOR_URN, FakeLinkedIn.AUTHOR)));
            EngineSchedules.schedule(
                    luxaris,
                    owner,
                    text.content(),
                    text.toVariant(),
                    account.id(),
                    clock.instant().plusSeconds(60));
            clock.advance(Duration.ofSeconds(60));
            assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);
        }
        assertThat(linkedIn.posts()).singleElement().satisfies(p -> {
            assertThat(p.commentary()).isEqualTo(text.commentary());
            assertThat(p.mentions()).containsExactly("Acme Corp=urn:li:organization:1234");
            assertThat(p.hashtags()).containsExactly("Java");
        });
    }
}
