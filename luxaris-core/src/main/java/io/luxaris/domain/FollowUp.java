package io.luxaris.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * A part posted after a variant's post was published, as its own publish with its own attempts: a reply (threads) or
 * a comment on the post (a "first comment"), after an optional delay counted from the publishing of the part before
 * it. Follow-ups are text only.
 *
 * @param kind how it hangs on the post
 * @param text what it says
 * @param delay how long after the part before it was published it is due ({@link Duration#ZERO} for at once)
 */
public record FollowUp(FollowUpKind kind, String text, Duration delay) {
    /**
     * Checks the components.
     *
     * @param kind how it hangs on the post
     * @param text what it says
     * @param delay how long after the part before it it is due
     * @throws IllegalArgumentException when the delay is negative
     */
    public FollowUp {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
    }

    /**
     * A reply to the part before it, due at once.
     *
     * @param text what it says
     * @return the follow-up
     */
    public static FollowUp reply(String text) {
        return new FollowUp(FollowUpKind.REPLY, text, Duration.ZERO);
    }

    /**
     * A comment on the post, due at once.
     *
     * @param text what it says
     * @return the follow-up
     */
    public static FollowUp comment(String text) {
        return new FollowUp(FollowUpKind.COMMENT, text, Duration.ZERO);
    }

    /**
     * This follow-up, due {@code after} the part before it.
     *
     * @param after the delay
     * @return the follow-up with that delay
     */
    public FollowUp after(Duration after) {
        return new FollowUp(kind, text, after);
    }
}
