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
 * Japanese. The counter keeps the emoji regex's answer for sequences it has seen (❤️, 👍🏽, 🇫🇷 ...), so after the
 * first call the emoji post costs no regex; a post with a new sequence pays it once.
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

    @Param({"plain", "url", "emoji", "cjk"})
    public String post;

    private final TextMeasure xMeasure = XChannel.builder().dryRun().build().textMeasure();
    private String text;

    @Setup
    public void setUp() {
        text = POSTS.get(post);
        if (text == null) {
            throw new IllegalArgumentException("unknown post " + post);
        }
        if (text.codePointCount(0, text.length()) != 150) {
            throw new IllegalStateException(post + " is not 150 code points");
        }
        if (twitterText() != xMeasure()) {
            throw new IllegalStateException(post + ": " + twitterText() + " before, " + xMeasure() + " after");
        }
    }

    /** Before: twitter-text as X's measure called it (NFC, then {@code parseTweet}). */
    @Benchmark
    public int twitterText() {
        return TwitterTextParser.parseTweet(Normalizer.normalize(text, Normalizer.Form.NFC)).weightedLength;
    }

    /** After: X's measure (its one-pass counter). */
    @Benchmark
    public int xMeasure() {
        return xMeasure.measure(text);
    }
}
