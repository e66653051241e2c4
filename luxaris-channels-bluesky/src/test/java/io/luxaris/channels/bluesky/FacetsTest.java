package io.luxaris.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.channels.bluesky.internal.Facets;
import io.luxaris.channels.bluesky.internal.Facets.Facet;
import io.luxaris.channels.bluesky.internal.Facets.Kind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Links, mentions and hashtags, with their ranges in UTF-8 bytes. */
class FacetsTest {
    @Test
    void theFactSheetsExample_hasItsTestedByteOffsets_notJavasUtf16Indices() {
        String text = "Luxaris 2.1 is out 🎉 #java https://example.com/r/2.1 thanks @alice.bsky.social";

        List<Facet> facets = Facets.detect(text);

        assertThat(facets)
                .containsExactly(
                        new Facet(Kind.TAG, 24, 29, "java"),
                        new Facet(Kind.LINK, 30, 55, "https://example.com/r/2.1"),
                        new Facet(Kind.MENTION, 63, 81, "alice.bsky.social"));
        // the classic bug: UTF-16 indices (22, 28, 61)
        assertThat(text.indexOf("#java")).isEqualTo(22);
    }

    @Test
    void theBlueskyDocsExample_mentionAt23AndLinkAt74() {
        String text = "✨ example mentioning @atproto.com to share the URL 👨‍❤️‍👨 https://en.wikipedia.org/wiki/CBOR.";

        List<Facet> facets = Facets.detect(text);

        assertThat(facets)
                .containsExactly(
                        new Facet(Kind.MENTION, 23, 35, "atproto.com"),
                        new Facet(Kind.LINK, 74, 108, "https://en.wikipedia.org/wiki/CBOR"));
    }

    @Test
    void everyRange_coversExactlyTheBytesOfItsText() {
        String text = "Grüße an @bob.example.com (siehe https://example.org/ä?x=1) #Größe!";

        for (Facet f : Facets.detect(text)) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            String covered = new String(bytes, f.byteStart(), f.byteEnd() - f.byteStart(), StandardCharsets.UTF_8);
            switch (f.kind()) {
                case LINK -> assertThat(covered).isEqualTo("https://example.org/ä?x=1");
                case MENTION -> assertThat(covered).isEqualTo("@bob.example.com");
                case TAG -> assertThat(covered).isEqualTo("#Größe");
            }
        }
        assertThat(Facets.detect(text)).hasSize(3);
    }

    @Test
    void sentencePunctuation_andAnUnopenedParenthesis_endALink() {
        assertThat(Facets.detect("See https://example.com/a, then (https://example.com/b).").stream()
                        .map(Facet::value))
                .containsExactly("https://example.com/a", "https://example.com/b");
        assertThat(Facets.detect("https://en.wikipedia.org/wiki/Java_(programming_language)")
                        .get(0)
                        .value())
                .isEqualTo("https://en.wikipedia.org/wiki/Java_(programming_language)");
    }

    @Test
    void onlyWordStartsCount_soEmailsAndUrlFragmentsAreNotMentionsOrTags() {
        assertThat(Facets.detect("write to me@example.com or see https://example.com/#top"))
                .extracting(Facet::kind)
                .containsExactly(Kind.LINK);
    }

    @Test
    void tagsOfDigitsOnly_orLongerThan64Graphemes_areNotTags() {
        assertThat(Facets.detect("#1 #2024 #x".concat(" #" + "a".repeat(65)) + " #" + "b".repeat(64)))
                .extracting(Facet::value)
                .containsExactly("x", "b".repeat(64));
    }

    @Test
    void aMentionNeedsADomainShapedHandle_andLosesATrailingDot() {
        assertThat(Facets.detect("thanks @alice and @bob.bsky.social."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.value()).isEqualTo("bob.bsky.social");
                    assertThat(f.byteEnd() - f.byteStart()).isEqualTo("@bob.bsky.social".length());
                });
    }

    @Test
    void plainText_hasNoFacets() {
        assertThat(Facets.detect("Release 2.1 is out, no links here. example.com is not linked either"))
                .isEmpty();
    }
}
