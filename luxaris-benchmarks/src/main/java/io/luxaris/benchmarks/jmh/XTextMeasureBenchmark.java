package io.luxaris.benchmarks.jmh;

import com.twitter.twittertext.TwitterTextParser;
import io.luxaris.channels.x.XChannel;
import io.luxaris.domain.TextMeasure;
import java.text.Normalizer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * X's weighted length of a 150-character post (150 code points): before, twitter-text's {@code parseTweet} on the
 * NFC-normalised text (what X's measure called until it had its own counter); after, X's measure as channels use it.
 * Both answer the same number for every post (checked in the setup).
 *
 * <p>The posts: {@code plain} English with full stops; {@code url} English with one 57-character link; {@code emoji}
 * English with six emoji (two single ones, a ZWJ sequence with a skin tone, ❤️, a skin tone, a flag); {@code cjk}
 * Japanese. The counter keeps the emoji regex's answer for sequences it has seen (❤️, 👍🏽, 🇫🇷 ...) and the URL
 * extractor's for words it has seen, so after the first call the emoji and url posts cost no regex; {@code url-new}
 * shows the cost of a link never seen before.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class XTextMeasureBenchmark {
    static final Map<String, String> POSTS = Map.of(
            "plain",
            "Our spring release is out. We rebuilt the scheduler from scratch, so posting is faster than ever."
                    + " Tell us what you think, and thanks for the feedback!",
            "url",
            "Our spring release is out. Read what changed at"
                    + " https://example.com/blog/2026/spring-release?utm_source=x and tell us what you think, thanks,"
                    + " you all!",
            "emoji",
            "Spring release is out 🎉🚀 We rebuilt the scheduler 👩🏽‍💻 and posting is faster than ever ❤️ Tell us"
                    + " what you think 👍🏽 Merci 🇫🇷 thanks for it all, folks!",
            "cjk",
            "春のリリースを公開しました。スケジューラーを一から作り直し、投稿がこれまでより速くなりました。ご意見をお聞かせください。"
                    + "いつもフィードバックをありがとうございます。新しい機能は順次追加していきます。今後ともどうぞよろしくお願いいたします。"
                    + "皆さまの声が私たちの原動力です。本当にありがとうございました！");

    /** More distinct texts than the counter keeps answers for, so every {@code url-new} call is a first. */
    static final int NEW_URLS = 8_192;

    /**
     * The post; {@code url-new} is the {@code url} post with a different link on every call (its query differs), so
     * the URL extractor runs every time instead of the counter's kept answer for a word it has seen.
     */
    @Param({"plain", "url", "url-new", "emoji", "cjk"})
    public String post;

    private final TextMeasure xMeasure = XChannel.builder().dryRun().build().textMeasure();
    private String[] texts;
    private int next;

    @Setup
    public void setUp() {
        if (post.equals("url-new")) {
            texts = new String[NEW_URLS];
            for (int i = 0; i < NEW_URLS; i++) {
                texts[i] = POSTS.get("url").replace("utm_source=x", "utm_source=" + Integer.toString(i, 36));
            }
        } else if (POSTS.containsKey(post)) {
            texts = new String[] {POSTS.get(post)};
            if (texts[0].codePointCount(0, texts[0].length()) != 150) {
                throw new IllegalStateException(post + " is not 150 code points");
            }
        } else {
            throw new IllegalArgumentException("unknown post " + post);
        }
        for (int i = 0; i < texts.length; i += 64) {
            String text = texts[i];
            int before = TwitterTextParser.parseTweet(Normalizer.normalize(text, Normalizer.Form.NFC)).weightedLength;
            if (before != xMeasure.measure(text)) {
                throw new IllegalStateException(post + ": " + before + " before, " + xMeasure.measure(text) + " after");
            }
        }
    }

    private String text() {
        String text = texts[next];
        next = next + 1 == texts.length ? 0 : next + 1;
        return text;
    }

    /** Before: twitter-text as X's measure called it (NFC, then {@code parseTweet}). */
    @Benchmark
    public int twitterText() {
        return TwitterTextParser.parseTweet(Normalizer.normalize(text(), Normalizer.Form.NFC)).weightedLength;
    }

    /** After: X's measure (its one-pass counter). */
    @Benchmark
    public int xMeasure() {
        return xMeasure.measure(text());
    }
}
