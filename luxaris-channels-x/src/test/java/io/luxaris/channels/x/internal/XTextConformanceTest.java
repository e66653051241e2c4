package io.luxaris.channels.x.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * twitter-text's own conformance cases for the weighted length (the three weighted groups of its
 * {@code conformance/validate.yml}, shipped as {@code twitter-text-validate-weighted.json} next to this class): the
 * counter answers every one exactly as expected, and so does the library it replaces, which shows the cases were
 * copied right.
 */
class XTextConformanceTest {
    private static final String RESOURCE = "twitter-text-validate-weighted.json";

    /** twitter-text's v2 configuration: v3 without emoji parsing (same weights, scale and URL length). */
    static final TwitterTextConfiguration V2 = v2();

    private static TwitterTextConfiguration v2() {
        TwitterTextConfiguration v3 = TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG;
        return new TwitterTextConfiguration.Builder()
                .setVersion(2)
                .setMaxWeightedTweetLength(v3.getMaxWeightedTweetLength())
                .setScale(v3.getScale())
                .setDefaultWeight(v3.getDefaultWeight())
                .setTransformedURLLength(v3.getTransformedURLLength())
                .setRanges(v3.getRanges())
                .setEmojiParsingEnabled(false)
                .build();
    }

    record Case(String group, String description, String text, XTextCounter.Count expected) {
        @Override
        public String toString() {
            return group + ": " + description;
        }

        TwitterTextConfiguration config() {
            return group.equals("WeightedTweetsCounterTest") ? V2 : TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG;
        }
    }

    static Stream<Arguments> cases() {
        return load().stream().map(Arguments::of);
    }

    static List<Case> load() {
        try (InputStream in = XTextConformanceTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            JsonNode root = new ObjectMapper().readTree(in);
            var cases = new ArrayList<Case>();
            for (String group : List.of(
                    "WeightedTweetsCounterTest",
                    "WeightedTweetsWithDiscountedEmojiCounterTest",
                    "UnicodeDirectionalMarkerCounterTest")) {
                for (JsonNode node : root.required(group)) {
                    JsonNode e = node.required("expected");
                    cases.add(new Case(
                            group,
                            node.required("description").asText(),
                            node.required("text").asText(),
                            new XTextCounter.Count(
                                    e.required("weightedLength").asInt(),
                                    e.required("permillage").asInt(),
                                    e.required("valid").asBoolean(),
                                    e.required("displayRangeStart").asInt(),
                                    e.required("displayRangeEnd").asInt(),
                                    e.required("validRangeStart").asInt(),
                                    e.required("validRangeEnd").asInt())));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theShippedGroups_holdEveryCaseOfTheSource() {
        List<Case> cases = load();

        assertThat(cases)
                .filteredOn(c -> c.group().equals("WeightedTweetsCounterTest"))
                .hasSize(20);
        assertThat(cases)
                .filteredOn(c -> c.group().equals("WeightedTweetsWithDiscountedEmojiCounterTest"))
                .hasSize(22);
        assertThat(cases)
                .filteredOn(c -> c.group().equals("UnicodeDirectionalMarkerCounterTest"))
                .hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theCounter_answersEveryConformanceCase(Case c) {
        assertThat(new XTextCounter(c.config()).count(c.text())).isEqualTo(c.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void twitterTextItself_answersEveryCaseAsShipped(Case c) {
        assertThat(count(TwitterTextParser.parseTweet(c.text(), c.config()))).isEqualTo(c.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void xsMeasure_isTheWeightedLengthOfTheDefaultConfiguration(Case c) {
        if (c.config() == V2) {
            assertThat(XText.INSTANCE.measure(c.text()))
                    .isEqualTo(TwitterTextParser.parseTweet(c.text()).weightedLength);
        } else {
            assertThat(XText.INSTANCE.measure(c.text())).isEqualTo(c.expected().weightedLength());
        }
    }

    static XTextCounter.Count count(TwitterTextParseResults r) {
        return new XTextCounter.Count(
                r.weightedLength,
                r.permillage,
                r.isValid,
                r.displayTextRange.start,
                r.displayTextRange.end,
                r.validTextRange.start,
                r.validTextRange.end);
    }
}
