package io.luxaris.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.FollowUpKind;
import io.luxaris.spi.channel.FollowUpTarget;
import io.luxaris.spi.channel.PublishedPart;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FollowUpsTest {
    private static final PublishedPart THREAD =
            new PublishedPart("100", Map.of("x.part.0", "100", "x.part.1", "101", "x.part.2", "102"));
    private static final PublishedPart SINGLE = new PublishedPart("200", Map.of("x.part.0", "200"));
    private static final PublishedPart FOUND = new PublishedPart("300", Map.of());

    @Test
    void aReply_hangsOnTheLastThreadPartOfItsParent() {
        var first = new FollowUpTarget(FollowUpKind.REPLY, 0, THREAD, THREAD);
        var second = new FollowUpTarget(FollowUpKind.REPLY, 1, THREAD, SINGLE);

        assertThat(FollowUps.hangsOn(first)).isSameAs(THREAD);
        assertThat(FollowUps.replyTo(first, "x.part.")).isEqualTo("102");
        assertThat(FollowUps.replyTo(second, "x.part.")).isEqualTo("200");
    }

    @Test
    void aReply_whoseParentLeftNoParts_hangsOnTheParentsId() {
        var target = new FollowUpTarget(FollowUpKind.REPLY, 1, THREAD, FOUND);

        assertThat(FollowUps.replyTo(target, "x.part.")).isEqualTo("300");
        // another adapter's entries are not parts of this one
        assertThat(FollowUps.replyTo(new FollowUpTarget(FollowUpKind.REPLY, 0, THREAD, THREAD), "mastodon.part."))
                .isEqualTo("100");
    }

    @Test
    void aComment_hangsOnThePostItself_whateverCameBefore() {
        var target = new FollowUpTarget(FollowUpKind.COMMENT, 2, THREAD, SINGLE);

        assertThat(FollowUps.hangsOn(target)).isSameAs(THREAD);
        assertThat(FollowUps.replyTo(target, "x.part.")).isEqualTo("100");
    }

    @Test
    void withASuffix_theIdsAreTheEntriesEndingWithIt() {
        var thread = new PublishedPart(
                "at://a",
                Map.of(
                        "bluesky.part.0.uri", "at://a",
                        "bluesky.part.0.cid", "cid-a",
                        "bluesky.part.1.uri", "at://b",
                        "bluesky.part.1.cid", "cid-b"));

        assertThat(FollowUps.replyTo(
                        new FollowUpTarget(FollowUpKind.REPLY, 0, thread, thread), "bluesky.part.", ".uri"))
                .isEqualTo("at://b");
        assertThat(FollowUps.replyTo(
                        new FollowUpTarget(FollowUpKind.COMMENT, 0, thread, thread), "bluesky.part.", ".uri"))
                .isEqualTo("at://a");
    }

    @Test
    void label_namesTheFollowUpFromOne_andWhatItHangsOn() {
        assertThat(FollowUps.label(new FollowUpTarget(FollowUpKind.REPLY, 0, THREAD, THREAD), "102"))
                .isEqualTo("follow-up 1 (a reply to 102)");
        assertThat(FollowUps.label(new FollowUpTarget(FollowUpKind.COMMENT, 3, THREAD, SINGLE), "100"))
                .isEqualTo("follow-up 4 (a comment on 100)");
    }
}
