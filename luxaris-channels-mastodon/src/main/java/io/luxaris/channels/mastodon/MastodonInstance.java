package io.luxaris.channels.mastodon;

import io.luxaris.domain.TextMeasure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * What one Mastodon instance accepts, as its {@code GET /api/v2/instance} ({@code configuration.statuses} and
 * {@code configuration.media_attachments}) describes it. Instances differ: forks raise {@code max_characters}, admins
 * change media sizes, so the same text may fit one instance and not another. Servers before 4.0 have no {@code
 * configuration}; their values come from {@code /api/v1/instance} or are {@linkplain #defaults() the defaults}.
 *
 * @param maxCharacters the longest status, content warning included, in characters (grapheme clusters)
 * @param charactersReservedPerUrl how many characters every http(s) URL counts, whatever its length
 * @param maxMediaAttachments attachments per status
 * @param descriptionLimit the longest alt text (media description), in characters
 * @param imageSizeLimit the largest image (and animated GIF), in bytes
 * @param videoSizeLimit the largest video, in bytes
 * @param supportedMimeTypes the media types the instance accepts (empty when it did not say)
 * @param apiVersion {@code api_versions.mastodon} (4.3 and later), for capability checks instead of version strings
 */
public record MastodonInstance(
        int maxCharacters,
        int charactersReservedPerUrl,
        int maxMediaAttachments,
        int descriptionLimit,
        long imageSizeLimit,
        long videoSizeLimit,
        List<String> supportedMimeTypes,
        OptionalInt apiVersion) {
    /** Mastodon's default text limit. */
    public static final int DEFAULT_MAX_CHARACTERS = 500;
    /** What a URL counts on a default instance. */
    public static final int DEFAULT_CHARACTERS_RESERVED_PER_URL = 23;
    /** Mastodon's default number of attachments. */
    public static final int DEFAULT_MAX_MEDIA_ATTACHMENTS = 4;
    /** Mastodon's default alt text limit. */
    public static final int DEFAULT_DESCRIPTION_LIMIT = 1_500;
    /** Mastodon's default image limit: 16 MB. */
    public static final long DEFAULT_IMAGE_SIZE_LIMIT = 16_777_216L;
    /** Mastodon's default video limit: 99 MB. */
    public static final long DEFAULT_VIDEO_SIZE_LIMIT = 103_809_024L;
    /** The longest text limit Luxaris takes from an instance (its own limit of a variant's content). */
    public static final int MAX_CHARACTERS_CEILING = io.luxaris.domain.Limits.VARIANT_CONTENT;

    /** Connection property holding {@link #maxCharacters()} as last read from the instance. */
    public static final String PROPERTY_MAX_CHARACTERS = "max_characters";
    /** Connection property holding {@link #charactersReservedPerUrl()}. */
    public static final String PROPERTY_CHARACTERS_RESERVED_PER_URL = "characters_reserved_per_url";
    /** Connection property holding {@link #maxMediaAttachments()}. */
    public static final String PROPERTY_MAX_MEDIA_ATTACHMENTS = "max_media_attachments";
    /** Connection property holding {@link #descriptionLimit()}. */
    public static final String PROPERTY_DESCRIPTION_LIMIT = "description_limit";
    /** Connection property holding {@link #imageSizeLimit()}. */
    public static final String PROPERTY_IMAGE_SIZE_LIMIT = "image_size_limit";
    /** Connection property holding {@link #videoSizeLimit()}. */
    public static final String PROPERTY_VIDEO_SIZE_LIMIT = "video_size_limit";

    private static final MastodonInstance DEFAULTS = new MastodonInstance(
            DEFAULT_MAX_CHARACTERS,
            DEFAULT_CHARACTERS_RESERVED_PER_URL,
            DEFAULT_MAX_MEDIA_ATTACHMENTS,
            DEFAULT_DESCRIPTION_LIMIT,
            DEFAULT_IMAGE_SIZE_LIMIT,
            DEFAULT_VIDEO_SIZE_LIMIT,
            List.of(),
            OptionalInt.empty());

    public MastodonInstance {
        if (maxCharacters < 1 || maxCharacters > MAX_CHARACTERS_CEILING) {
            throw new IllegalArgumentException(
                    "maxCharacters must be within 1.." + MAX_CHARACTERS_CEILING + " but was " + maxCharacters);
        }
        if (charactersReservedPerUrl < 0 || charactersReservedPerUrl > maxCharacters) {
            throw new IllegalArgumentException(
                    "charactersReservedPerUrl must be within 0..maxCharacters but was " + charactersReservedPerUrl);
        }
        if (maxMediaAttachments < 0) {
            throw new IllegalArgumentException(
                    "maxMediaAttachments must not be negative but was " + maxMediaAttachments);
        }
        if (descriptionLimit < 0) {
            throw new IllegalArgumentException("descriptionLimit must not be negative but was " + descriptionLimit);
        }
        if (imageSizeLimit < 0 || videoSizeLimit < 0) {
            throw new IllegalArgumentException("media size limits must not be negative");
        }
        supportedMimeTypes = supportedMimeTypes.stream()
                .map(t -> t.toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        Objects.requireNonNull(apiVersion, "apiVersion");
    }

    /** Mastodon's defaults (500 characters, URLs 23, 4 attachments, alt text 1500, images 16 MB, video 99 MB). */
    public static MastodonInstance defaults() {
        return DEFAULTS;
    }

    /** How this instance counts text: grapheme clusters, every URL as {@link #charactersReservedPerUrl()}. */
    public TextMeasure textMeasure() {
        return io.luxaris.channels.mastodon.internal.MastodonText.of(charactersReservedPerUrl);
    }

    /**
     * The length of a status as this instance counts it: the content warning (spoiler text) counts toward the
     * limit together with the text.
     */
    public int measure(String contentWarning, String text) {
        return io.luxaris.channels.mastodon.internal.MastodonText.of(charactersReservedPerUrl)
                .measure(contentWarning, text);
    }

    /** Whether the instance accepts {@code mimeType} (always true when it did not list its types). */
    public boolean accepts(String mimeType) {
        Objects.requireNonNull(mimeType, "mimeType");
        if (supportedMimeTypes.isEmpty()) {
            return true;
        }
        String bare = mimeType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return supportedMimeTypes.contains(bare);
    }

    /** The numbers as connection properties, so limits are known where the instance cannot be asked. */
    public Map<String, String> toConnectionProperties() {
        var map = new LinkedHashMap<String, String>();
        map.put(PROPERTY_MAX_CHARACTERS, Integer.toString(maxCharacters));
        map.put(PROPERTY_CHARACTERS_RESERVED_PER_URL, Integer.toString(charactersReservedPerUrl));
        map.put(PROPERTY_MAX_MEDIA_ATTACHMENTS, Integer.toString(maxMediaAttachments));
        map.put(PROPERTY_DESCRIPTION_LIMIT, Integer.toString(descriptionLimit));
        map.put(PROPERTY_IMAGE_SIZE_LIMIT, Long.toString(imageSizeLimit));
        map.put(PROPERTY_VIDEO_SIZE_LIMIT, Long.toString(videoSizeLimit));
        return map;
    }

    /**
     * The numbers stored by {@link #toConnectionProperties()}; empty when {@link #PROPERTY_MAX_CHARACTERS} is
     * missing. Values that are missing or out of range fall back to the defaults.
     */
    public static Optional<MastodonInstance> fromConnectionProperties(Map<String, String> properties) {
        Objects.requireNonNull(properties, "properties");
        OptionalInt max = positive(properties.get(PROPERTY_MAX_CHARACTERS), MAX_CHARACTERS_CEILING);
        if (max.isEmpty()) {
            return Optional.empty();
        }
        int chars = max.getAsInt();
        int url = whole(properties.get(PROPERTY_CHARACTERS_RESERVED_PER_URL), chars)
                .orElse(Math.min(DEFAULT_CHARACTERS_RESERVED_PER_URL, chars));
        return Optional.of(new MastodonInstance(
                chars,
                url,
                whole(properties.get(PROPERTY_MAX_MEDIA_ATTACHMENTS), 100).orElse(DEFAULT_MAX_MEDIA_ATTACHMENTS),
                whole(properties.get(PROPERTY_DESCRIPTION_LIMIT), 1_000_000).orElse(DEFAULT_DESCRIPTION_LIMIT),
                size(properties.get(PROPERTY_IMAGE_SIZE_LIMIT)).orElse(DEFAULT_IMAGE_SIZE_LIMIT),
                size(properties.get(PROPERTY_VIDEO_SIZE_LIMIT)).orElse(DEFAULT_VIDEO_SIZE_LIMIT),
                List.of(),
                OptionalInt.empty()));
    }

    private static OptionalInt positive(@Nullable String value, int max) {
        OptionalInt n = whole(value, max);
        return n.isPresent() && n.getAsInt() >= 1 ? n : OptionalInt.empty();
    }

    private static OptionalInt whole(@Nullable String value, int max) {
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(value.trim());
            return n >= 0 && n <= max ? OptionalInt.of(n) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static Optional<Long> size(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            long n = Long.parseLong(value.trim());
            return n >= 0 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
