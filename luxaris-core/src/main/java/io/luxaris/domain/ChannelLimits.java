package io.luxaris.domain;

import io.luxaris.internal.Args;
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
    public ChannelLimits {
        Args.positive(maxTextLength, "maxTextLength");
        Args.notNegative(maxMediaItems, "maxMediaItems");
        Args.notNegative(maxThreadParts, "maxThreadParts");
        java.util.Objects.requireNonNull(maxPostsPerDay, "maxPostsPerDay");
        maxPostsPerDay.ifPresent(n -> Args.positive(n, "maxPostsPerDay"));
    }

    public boolean supportsThreads() {
        return maxThreadParts > 0;
    }

    public boolean supportsMedia() {
        return maxMediaItems > 0 && (supportsImages || supportsGif || supportsVideo);
    }

    /** This limit with another maximum text length (an account with a larger allowance, for instance). */
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

    /** Text only, links allowed: the smallest useful channel. */
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

        /** Allows up to {@code maxItems} images per post. */
        public Builder images(int maxItems) {
            this.images = true;
            this.maxMediaItems = Math.max(this.maxMediaItems, maxItems);
            return this;
        }

        public Builder gif() {
            this.gif = true;
            this.maxMediaItems = Math.max(this.maxMediaItems, 1);
            return this;
        }

        public Builder video() {
            this.video = true;
            this.maxMediaItems = Math.max(this.maxMediaItems, 1);
            return this;
        }

        public Builder links(boolean allowed) {
            this.links = allowed;
            return this;
        }

        public Builder threads(int maxParts) {
            this.maxThreadParts = maxParts;
            return this;
        }

        public Builder maxPostsPerDay(int max) {
            this.maxPostsPerDay = OptionalInt.of(max);
            return this;
        }

        public ChannelLimits build() {
            return new ChannelLimits(
                    maxTextLength, maxMediaItems, images, gif, video, links, maxThreadParts, maxPostsPerDay);
        }
    }
}
