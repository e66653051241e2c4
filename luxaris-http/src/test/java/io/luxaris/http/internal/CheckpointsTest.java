package io.luxaris.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CheckpointsTest {
    @Test
    void numbered_readsThePrefixedPartsInOrder_andPassesOverWhatIsNotOneOfThem() {
        Map<String, String> checkpoint = Map.of(
                "x.part.2", "1003",
                "x.part.0", "1001",
                "x.part.1", " ",
                "x.part.-1", "999",
                "x.part.first", "998",
                "x.part.", "997",
                "x.failed_part", "1",
                "mastodon.part.3", "1004");

        TreeMap<Integer, String> parts = Checkpoints.numbered(checkpoint, "x.part.");

        assertThat(parts).containsExactly(Map.entry(0, "1001"), Map.entry(2, "1003"));
        assertThat(Checkpoints.numbered(Map.of(), "x.part.")).isEmpty();
    }

    @Test
    void numbered_withASuffix_readsOnlyTheKeysEndingWithIt() {
        Map<String, String> checkpoint = Map.of(
                "bluesky.part.0.uri", "at://a",
                "bluesky.part.0.cid", "cid-a",
                "bluesky.part.1.uri", "at://b",
                "bluesky.part.2.uri", "",
                "bluesky.part..uri", "at://none",
                "bluesky.part.x.uri", "at://x");

        assertThat(Checkpoints.numbered(checkpoint, "bluesky.part.", ".uri"))
                .containsExactly(Map.entry(0, "at://a"), Map.entry(1, "at://b"));
        assertThat(Checkpoints.numbered(checkpoint, "bluesky.part.", ".cid")).containsExactly(Map.entry(0, "cid-a"));
        assertThat(Checkpoints.numbered(checkpoint, "bluesky.part.")).isEmpty();
    }

    @Test
    void putNumbered_writesThemBackInPartOrder_soTheyReadBackTheSame() {
        var checkpoint = new LinkedHashMap<String, String>();
        checkpoint.put("threads.failed_part", "1");

        Checkpoints.putNumbered(checkpoint, "threads.part.", Map.of(1, "b", 0, "a", 10, "k"));

        assertThat(checkpoint)
                .containsExactly(
                        Map.entry("threads.failed_part", "1"),
                        Map.entry("threads.part.0", "a"),
                        Map.entry("threads.part.1", "b"),
                        Map.entry("threads.part.10", "k"));
        assertThat(Checkpoints.numbered(checkpoint, "threads.part."))
                .containsExactly(Map.entry(0, "a"), Map.entry(1, "b"), Map.entry(10, "k"));
    }

    @Test
    void firstMissing_isTheFirstPartNotHeld_orMinusOneWhenAllAre() {
        assertThat(Checkpoints.firstMissing(Map.of(), 3)).isZero();
        assertThat(Checkpoints.firstMissing(Map.of(0, "a", 2, "c"), 3)).isEqualTo(1);
        assertThat(Checkpoints.firstMissing(Map.of(0, "a", 1, "b", 2, "c"), 3)).isEqualTo(-1);
        assertThat(Checkpoints.firstMissing(Map.of(0, "a", 1, "b"), 3)).isEqualTo(2);
        assertThat(Checkpoints.firstMissing(Map.of(0, "a", 5, "z"), 1)).isEqualTo(-1);
        assertThat(Checkpoints.firstMissing(Map.of(), 0)).isEqualTo(-1);
    }
}
