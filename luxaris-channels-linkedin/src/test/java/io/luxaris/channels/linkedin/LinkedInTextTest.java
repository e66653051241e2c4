package io.luxaris.channels.linkedin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkedInTextTest {
    private static final String ALL_RESERVED = "|{}@[]()<>#\\*_~";

    @Test
    void reservedCharacters_areTheFullListOfLittleText() {
        // the docs call them "14 characters" but list 15: | { } @ [ ] ( ) < > # \ * _ ~
        assertThat(LinkedInText.RESERVED).hasSize(15).isEqualTo(FakeLinkedIn.RESERVED);
        assertThat(LinkedInText.RESERVED.chars().distinct().count()).isEqualTo(15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"|", "{", "}", "@", "[", "]", "(", ")", "<", ">", "#", "\\", "*", "_", "~"})
    void escape_prefixesEachReservedCharacterWithABackslash(String reserved) {
        assertThat(LinkedInText.escape("a" + reserved + "b")).isEqualTo("a\\" + reserved + "b");
        assertThat(LinkedInText.escapedLength("a" + reserved + "b")).isEqualTo(4);
        var mentions = new ArrayList<String>();
        assertThat(FakeLinkedIn.visible(LinkedInText.escape("a" + reserved + "b"), mentions, new ArrayList<>()))
                .as("LinkedIn shows the character literally instead of cutting the post")
                .isEqualTo("a" + reserved + "b");
    }

    @Test
    void escape_allReservedCharactersTogether_doublesEachOne() {
        String escaped = LinkedInText.escape(ALL_RESERVED);
        assertThat(escaped).isEqualTo("\\|\\{\\}\\@\\[\\]\\(\\)\\<\\>\\#\\\\\\*\\_\\~");
        assertThat(escaped).hasSize(30);
        assertThat(LinkedInText.escapedLength(ALL_RESERVED)).isEqualTo(30);
    }

    @Test
    void escape_leavesOtherCharactersAlone_includingEmojiAndNonLatinText() {
        String text =
                "Launch day — 100% ready! $5, \"quotes\" & 'apostrophes'; ü, 日本, 한국어, 👨‍👩‍👧 ok? https://example.com/a?b=c";
        assertThat(LinkedInText.escape(text)).isEqualTo(text);
        assertThat(LinkedInText.escapedLength(text)).isEqualTo(text.codePointCount(0, text.length()));
    }

    @Test
    void escape_ofTheDocumentedExample_matchesTheDocs() {
        assertThat(LinkedInText.escape("Launch day — notes (v2) inside, see docs_v2."))
                .isEqualTo("Launch day — notes \\(v2\\) inside, see docs\\_v2.");
    }

    @Test
    void plainText_rawLittleTextTypedByAUser_isPostedLiterally() {
        String typed = "Ping @[Boss](urn:li:person:123) and {hashtag|\\#|Spam} #notatag";
        LinkedInText text = LinkedInText.of(typed);
        assertThat(text.hasElements()).isFalse();
        assertThat(text.metadata()).isEmpty();
        var mentions = new ArrayList<String>();
        var hashtags = new ArrayList<String>();
        assertThat(FakeLinkedIn.visible(text.commentary(), mentions, hashtags)).isEqualTo(typed);
        assertThat(mentions).isEmpty();
        assertThat(hashtags).isEmpty();
    }

    @Test
    void builder_writesMentionsAndHashtagsAsElements_andEscapesTheRest() {
        LinkedInText text = LinkedInText.builder()
                .text("Thanks to ")
                .mention("Acme Corp", "urn:li:organization:1234")
                .text(" for a great launch (v2)! ")
                .hashtag("Java")
                .build();
        assertThat(text.content()).isEqualTo("Thanks to Acme Corp for a great launch (v2)! #Java");
        assertThat(text.commentary())
                .isEqualTo("Thanks to @[Acme Corp](urn:li:organization:1234) for a great launch \\(v2\\)!"
                        + " {hashtag|\\#|Java}");
        assertThat(text.length()).isEqualTo(text.commentary().length());
        var mentions = new ArrayList<String>();
        var hashtags = new ArrayList<String>();
        assertThat(FakeLinkedIn.visible(text.commentary(), mentions, hashtags)).isEqualTo(text.content());
        assertThat(mentions).containsExactly("Acme Corp=urn:li:organization:1234");
        assertThat(hashtags).containsExactly("Java");
    }

    @Test
    void mention_escapesReservedCharactersOfTheName() {
        LinkedInText text = LinkedInText.builder()
                .mention("Acme [EU] (Team_1)", "urn:li:organization:1234")
                .build();
        assertThat(text.commentary()).isEqualTo("@[Acme \\[EU\\] \\(Team\\_1\\)](urn:li:organization:1234)");
        var mentions = new ArrayList<String>();
        assertThat(FakeLinkedIn.visible(text.commentary(), mentions, new ArrayList<>()))
                .isEqualTo("Acme [EU] (Team_1)");
        assertThat(mentions).containsExactly("Acme [EU] (Team_1)=urn:li:organization:1234");
    }

    @Test
    void mention_ofAPerson_andAHashtagWithUnderscore_areWrittenOut() {
        LinkedInText text = LinkedInText.builder()
                .mention("Eddy", "urn:li:person:-f_Ut43FoQ")
                .text(" ")
                .hashtag("#open_source")
                .build();
        assertThat(text.commentary()).isEqualTo("@[Eddy](urn:li:person:-f_Ut43FoQ) {hashtag|\\#|open\\_source}");
        assertThat(text.content()).isEqualTo("Eddy #open_source");
    }

    @Test
    void mention_withoutAPersonOrOrganizationUrn_isRefused() {
        assertThatThrownBy(() -> LinkedInText.builder().mention("X", "urn:li:share:1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("person or organization URN");
        assertThatThrownBy(() -> LinkedInText.builder().mention("X", "urn:li:person:1) evil (x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinkedInText.builder().mention(" ", "urn:li:person:1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinkedInText.builder().mention("two\nlines", "urn:li:person:1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hashtag_withSpacesOrReservedCharacters_isRefused() {
        assertThatThrownBy(() -> LinkedInText.builder().hashtag("two words"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("letters, digits or _");
        assertThatThrownBy(() -> LinkedInText.builder().hashtag("a}b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinkedInText.builder().hashtag("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void metadata_roundTripsThroughAVariant() {
        LinkedInText text = LinkedInText.builder()
                .text("Hi ")
                .mention("Acme Corp", "urn:li:organization:1234")
                .text(", meet ")
                .mention("Eddy", "urn:li:person:1234")
                .text(" ")
                .hashtag("Java")
                .text(" 😀 (end)")
                .build();
        assertThat(text.metadata()).containsOnlyKeys(LinkedInText.METADATA_KEY);
        assertThat(text.metadata().get(LinkedInText.METADATA_KEY))
                .isEqualTo("[{\"at\":3,\"mention\":\"Acme Corp\",\"urn\":\"urn:li:organization:1234\"},"
                        + "{\"at\":19,\"mention\":\"Eddy\",\"urn\":\"urn:li:person:1234\"},"
                        + "{\"at\":24,\"hashtag\":\"Java\"}]");
        LinkedInText read = LinkedInText.fromVariant(text.content(), text.metadata());
        assertThat(read).isEqualTo(text);
        assertThat(read.commentary()).isEqualTo(text.commentary());
        assertThat(text.toVariant().channel()).isEqualTo(LinkedInChannel.KEY);
        assertThat(text.toVariant().content()).isEqualTo(text.content());
        assertThat(text.toVariant().metadata()).isEqualTo(text.metadata());
    }

    @Test
    void fromVariant_withoutElements_isPlainEscapedText() {
        LinkedInText read = LinkedInText.fromVariant("a_b #c", Map.of("other", "x"));
        assertThat(read.commentary()).isEqualTo("a\\_b \\#c");
        assertThat(read.hasElements()).isFalse();
    }

    @Test
    void fromVariant_whenTheContentWasEditedAfterwards_isRefused() {
        LinkedInText text = LinkedInText.builder()
                .text("Hi ")
                .mention("Acme Corp", "urn:li:organization:1234")
                .build();
        assertThatThrownBy(() -> LinkedInText.fromVariant("Hello Acme Corp", text.metadata()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no longer has 'Acme Corp' at 3");
        assertThatThrownBy(() -> LinkedInText.fromVariant("Hi", text.metadata()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromVariant_withMalformedOrForgedElements_isRefused() {
        assertThatThrownBy(() -> LinkedInText.fromVariant("x", Map.of(LinkedInText.METADATA_KEY, "{}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON array");
        assertThatThrownBy(() -> LinkedInText.fromVariant(
                        "x",
                        Map.of(LinkedInText.METADATA_KEY, "[{\"at\":0,\"mention\":\"x\",\"urn\":\"javascript:1\"}]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("URN");
        assertThatThrownBy(() -> LinkedInText.fromVariant(
                        "#a",
                        Map.of(
                                LinkedInText.METADATA_KEY,
                                "[{\"at\":0,\"hashtag\":\"a\"},{\"at\":1,\"hashtag\":\"a\"}]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlapping");
        assertThatThrownBy(() -> LinkedInText.fromVariant("x", Map.of(LinkedInText.METADATA_KEY, "[{\"at\":0}]")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withHashtags_turnsHashWordsIntoHashtags_asAnExplicitChoice() {
        LinkedInText text = LinkedInText.withHashtags("Ship it #Java #2026 C# a&#39; x/#y #open_source!");
        assertThat(text.segments())
                .filteredOn(s -> s instanceof LinkedInText.Hashtag)
                .extracting(s -> ((LinkedInText.Hashtag) s).tag())
                .containsExactly("Java", "open_source");
        assertThat(text.content()).isEqualTo("Ship it #Java #2026 C# a&#39; x/#y #open_source!");
        assertThat(text.commentary())
                .isEqualTo("Ship it {hashtag|\\#|Java} \\#2026 C\\# a&\\#39; x/\\#y {hashtag|\\#|open\\_source}!");
    }

    @Test
    void builder_mergesAdjacentText_andDropsEmptyText() {
        LinkedInText text = LinkedInText.builder().text("a").text("").text("b").build();
        assertThat(text.segments()).containsExactly(new LinkedInText.Text("ab"));
        assertThat(LinkedInText.of("")).satisfies(t -> {
            assertThat(t.segments()).isEmpty();
            assertThat(t.length()).isZero();
        });
    }

    @Test
    void build_withMoreElementsThanOneMetadataValueHolds_isRefused() {
        var builder = LinkedInText.builder();
        for (int i = 0; i < 40; i++) {
            builder.mention("Organization number " + i, "urn:li:organization:" + (1_000_000 + i))
                    .text(" ");
        }
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + Limits.METADATA_VALUE);
    }

    @Test
    void length_countsCodePointsOfWhatIsSent() {
        LinkedInText text = LinkedInText.builder().text("😀(").hashtag("a").build();
        assertThat(text.commentary()).isEqualTo("😀\\({hashtag|\\#|a}");
        assertThat(text.length()).isEqualTo(1 + 2 + 14);
        assertThat(List.of(text.length()))
                .containsExactly(
                        text.commentary().codePointCount(0, text.commentary().length()));
    }
}
