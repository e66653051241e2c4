package io.luxaris.domain;

import io.luxaris.util.Args;
import java.util.OptionalInt;

/**
 * What a channel accepts, queried before scheduling: text length (in the channel's own measure), media, links,
 * threads and an optional per-day limit per connection.
 *
 * @param maxTextLength maximum length of one post's text, as measured by the channel's {@code TextMeasure}
 * @param maxMediaItems how many attachments one post may carry (0 = none)
 * @param supportsImages whether images can be attached
 * @param supportsGif whether an animated GIF can be attached
 * @param supportsVideo whether a video can be attached
 * @param supportsLinks whether links are allowed in the text
 * @param maxThreadParts how many follow-up parts a variant may carry (0 = no threads)
 * @param maxPostsPerDay platform limit of posts per day for one account, when known
 */
public record ChannelLimits(
        int maxTextLength,
        int maxMediaItems,
        boolean supportsImages,
        boolean supportsGif,
        boolean supportsVideo,
        boolean supportsLinks,
        int maxThreadParts,
        OptionalInt maxPostsPerDay) {
    /**
     * Checks the limits.
     *
     * @param maxTextLength maximum length of one post's text, as measured by the channel's {@code TextMeasure}
     * @param maxMediaItems how many attachments one post may carry (0 = none)
     * @param supportsImages whether images can be attached
     * @param supportsGif whether an animated GIF can be attached
     * @param supportsVideo whether a video can be attached
     * @param supportsLinks whether links are allowed in the text
     * @param maxThreadParts how many follow-up parts a variant may carry (0 = no threads)
     * @param maxPostsPerDay platform limit of posts per day for one account, when known
     * @throws IllegalArgumentException when the text length is not positive, a count is negative, or the daily limit is
     *     not positive
     */
    public ChannelLimits {
        Args.positive(maxTextLength, "maxTextLength");
        Args.notNegative(maxMediaItems, "maxMediaItems");
        Args.notNegative(maxThreadParts, "maxThreadParts");
        java.util.Objects.requireNonNull(maxPostsPerDay, "maxPostsPerDay");
        maxPostsPerDay.ifPresent(n -> Args.positive(n, "maxPostsPerDay"));
    }

    /** {@return whether a variant may carry follow-up parts} */
    public boolean supportsThreads() {
        return maxThreadParts > 0;
    }

    /** {@return whether a post may carry at least one attachment of some kind} */
    public boolean supportsMedia() {
        return maxMediaItems > 0 && (supportsImages || supportsGif || supportsVideo);
    }

    /**
     * This limit with another maximum text length (an account with a larger allowance, for instance).
     *
     * @param length the maximum text length, positive
     * @return the changed copy
     * @throws IllegalArgumentException when the length is not positive
     */
    public ChannelLimits withMaxTextLength(int length) {
        return new ChannelLimits(
                length,
                maxMediaItems,
                supportsImages,
                supportsGif,
                supportsVideo,
                supportsLinks,
                maxThreadParts,
                maxPostsPerDay);
    }

    /**
     * Text only, links allowed: the smallest useful channel.
     *
     * @param maxTextLength maximum length of one post's text, in the channel's measure
     * @return a builder; {@link Builder#build()} checks the values
     */
    public static Builder builder(int maxTextLength) {
        return new Builder(maxTextLength);
    }

    /** Builder for channel limits; starts as text-only with links. */
    public static final class Builder {
        private final int maxTextLength;
        private int maxMediaItems;
        private boolean images;
        private boolean gif;
        private boolean video;
        private boolean links = true;
        private int maxThreadParts;
        private OptionalInt maxPostsPerDay = OptionalInt.empty();

        private Builder(int maxTextLength) {
            this.maxTextLength = maxTextLength;
        }

        /**
         * Allows up to {@code maxItems} images per post.
         *
         * @param maxItems images per post; raises the media count if it is lower
         * @return this builder
         */
        public Builder images(int maxItems) {
            this.images = true;
            this.maxMediaItems = Math.max(this.maxMediaItems, maxItems);
            return this;
        }

        /**
         * Allows an animated GIF (as the only attachment of a post).
         *
         * @return this builder
         */
        public Builder gif() {
            this.gif = true;
            this.maxMediaItems = Math.max(this.maxMediaItems, 1);
            return this;
        }

        /**
         * Allows a video (as the only attachment of a post).
         *
         * @return this builder
         */
        public Builder video() {
            this.video = true;
            this.maxMediaItems = Math.max(this.maxMediaItems, 1);
            return this;
        }

        /**
         * Whether links are allowed in the text; default: allowed.
         *
         * @param allowed false for a channel that refuses links
         * @return this builder
         */
        public Builder links(boolean allowed) {
            this.links = allowed;
            return this;
        }

        /**
         * Allows threads: follow-up parts posted as replies after the first text.
         *
         * @param maxParts follow-up parts per variant (0: no threads)
         * @return this builder
         */
        public Builder threads(int maxParts) {
            this.maxThreadParts = maxParts;
            return this;
        }

        /**
         * The platform's limit of posts per day for one account.
         *
         * @param max posts per day, positive
         * @return this builder
         */
        public Builder maxPostsPerDay(int max) {
            this.maxPostsPerDay = OptionalInt.of(max);
            return this;
        }

        /**
         * {@return the limits}
         *
         * @throws IllegalArgumentException when a value is out of range (see {@link ChannelLimits})
         */
        public ChannelLimits build() {
            return new ChannelLimits(
                    maxTextLength, maxMediaItems, images, gif, video, links, maxThreadParts, maxPostsPerDay);
        }
    }
}
