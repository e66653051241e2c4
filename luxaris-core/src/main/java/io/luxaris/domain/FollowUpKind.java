package io.luxaris.domain;

import java.util.Locale;

/** How a follow-up part hangs on the post it follows. */
public enum FollowUpKind {
    /**
     * A reply to the part before it (the post itself for the first follow-up, else the previous follow-up): replies
     * in a row form a thread.
     */
    REPLY,
    /**
     * A comment on the post itself, whatever came before it (a "first comment"). On channels where comments are
     * replies (X, Mastodon, Bluesky, Threads) it is a reply to the post.
     */
    COMMENT;

    /**
     * The lower-case name used in storage and messages.
     *
     * @return the name in lower case, such as {@code reply}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a {@link #wireName()}.
     *
     * @param name a wire name, in any case
     * @return the constant
     * @throws IllegalArgumentException for an unknown name
     */
    public static FollowUpKind fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
