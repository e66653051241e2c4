package io.luxaris.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * What an approval requirement is set on: a post (its schedules need approval) or a connection (schedules through it
 * need approval).
 *
 * @param kind a post or a connection
 * @param id the post's or the connection's UUID
 */
public record ApprovalSubject(Kind kind, UUID id) {
    /** The kinds of subjects. */
    public enum Kind {
        /** A post. */
        POST,
        /** A connection. */
        CONNECTION;

        /**
         * The lower-case name used in storage.
         *
         * @return the name in lower case, such as {@code post}
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
        public static Kind fromWireName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * Checks the components are set.
     *
     * @param kind a post or a connection
     * @param id the post's or the connection's UUID
     */
    public ApprovalSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /**
     * The subject for a post.
     *
     * @param post the post's id
     * @return the subject
     */
    public static ApprovalSubject of(PostId post) {
        return new ApprovalSubject(Kind.POST, post.value());
    }

    /**
     * The subject for a connection.
     *
     * @param connection the connection's id
     * @return the subject
     */
    public static ApprovalSubject of(ConnectionId connection) {
        return new ApprovalSubject(Kind.CONNECTION, connection.value());
    }
}
