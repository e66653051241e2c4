package io.luxaris.benchmarks.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The X measure benchmark's setup on every post, so a broken benchmark fails the build. Nothing is timed here. */
class XTextMeasureBenchmarkTest {
    @Test
    void everyPost_isMeasuredTheSameBeforeAndAfter() {
        Map<String, Integer> expected = Map.of("plain", 150, "url", 116, "url-new", 116, "emoji", 150, "cjk", 300);
        for (var post : expected.entrySet()) {
            var b = new XTextMeasureBenchmark();
            b.post = post.getKey();
            b.setUp();
            assertEquals(post.getValue(), b.twitterText(), post.getKey());
            assertEquals(post.getValue(), b.xMeasure(), post.getKey());
        }
    }

    @Test
    void anUnknownPost_failsTheSetup() {
        var b = new XTextMeasureBenchmark();
        b.post = "none";
        assertThrows(IllegalArgumentException.class, b::setUp);
    }
}
