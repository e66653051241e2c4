package io.luxaris.channels.mastodon;

import io.luxaris.errors.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How a Mastodon status is posted beyond its text: visibility, content warning ({@code spoiler_text}), language,
 * whether its media is sensitive, and the focal point of each attachment. Kept in the variant's metadata ({@link
 * #toMetadata()}), read back by the publisher:
 *
 * <pre>{@code
 * VariantDraft.of("mastodon", "Spoilers for the finale inside")
 *         .withMetadata(MastodonPostOptions.defaults()
 *                 .withVisibility(MastodonPostOptions.Visibility.UNLISTED)
 *                 .withContentWarning("TV spoilers")
 *                 .withLanguage("en")
 *                 .toMetadata());
 * }</pre>
 *
 * <p>Thread parts after the first go out as replies with {@link #replyVisibility()}: by default a public thread's
 * replies are {@code unlisted} (Mastodon's convention: the thread does not flood the public timelines), any other
 * visibility is kept. The content warning and language apply to every part; the content warning counts toward the
 * instance's character limit.
 *
 * @param visibility who sees the first status
 * @param threadReplies visibility of the thread's replies, when set explicitly
 * @param contentWarning the content warning shown before the text (empty: none)
 * @param language ISO 639 code of the text ({@code en}, {@code de}), when set
 * @param sensitive whether attached media is hidden behind a warning
 * @param focus focal points of attachments by index (from 0)
 */
public record MastodonPostOptions(
        Visibility visibility,
        Optional<Visibility> threadReplies,
        String contentWarning,
        Optional<String> language,
        boolean sensitive,
        Map<Integer, Focus> focus) {
    /** Metadata key of {@link #visibility()}. */
    public static final String VISIBILITY = "mastodon.visibility";
    /** Metadata key of {@link #threadReplies()}. */
    public static final String REPLY_VISIBILITY = "mastodon.reply_visibility";
    /** Metadata key of {@link #contentWarning()}. */
    public static final String CONTENT_WARNING = "mastodon.spoiler_text";
    /** Metadata key of {@link #language()}. */
    public static final String LANGUAGE = "mastodon.language";
    /** Metadata key of {@link #sensitive()}. */
    public static final String SENSITIVE = "mastodon.sensitive";
    /** Metadata key prefix of {@link #focus()}: {@code mastodon.focus.0 = -0.42,0.69}. */
    public static final String FOCUS_PREFIX = "mastodon.focus.";

    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern FOCUS =
            Pattern.compile("\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*,\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*");
    private static final MastodonPostOptions DEFAULTS =
            new MastodonPostOptions(Visibility.PUBLIC, Optional.empty(), "", Optional.empty(), false, Map.of());

    public MastodonPostOptions {
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(threadReplies, "threadReplies");
        Objects.requireNonNull(contentWarning, "contentWarning");
        Objects.requireNonNull(language, "language");
        language.ifPresent(l -> {
            if (!LANGUAGE_CODE.matcher(l).matches()) {
                throw new IllegalArgumentException(
                        "language must be an ISO 639 code of 2 or 3 lower-case letters but was '" + l + "'");
            }
        });
        focus = Collections.unmodifiableMap(new TreeMap<>(focus));
        focus.keySet().forEach(i -> {
            if (i < 0) {
                throw new IllegalArgumentException("a focus index must not be negative but was " + i);
            }
        });
    }

    /** Who sees a status ({@code visibility}). */
    public enum Visibility {
        /** Everyone, also on the public timelines. */
        PUBLIC,
        /** Everyone, but not on the public timelines. */
        UNLISTED,
        /** Followers only. */
        PRIVATE,
        /** The mentioned accounts only. */
        DIRECT;

        /** The name Mastodon uses ({@code public}, {@code unlisted}, {@code private}, {@code direct}). */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The visibility named {@code name} (Mastodon's lower-case name). */
        public static Optional<Visibility> fromWireName(String name) {
            for (Visibility v : values()) {
                if (v.wireName().equals(name)) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A focal point of an image: x from -1 (left) to 1 (right), y from -1 (bottom) to 1 (top); thumbnails are cropped
     * around it.
     */
    public record Focus(double x, double y) {
        public Focus {
            if (!(x >= -1 && x <= 1) || !(y >= -1 && y <= 1)) {
                throw new IllegalArgumentException("focus x and y must be within -1..1 but were " + x + "," + y);
            }
        }

        /** As Mastodon takes it: {@code -0.42,0.69}. */
        public String wireValue() {
            return format(x) + "," + format(y);
        }

        private static String format(double v) {
            String text = java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
            return text.equals("-0") ? "0" : text;
        }
    }

    /** Public, no content warning, no language, not sensitive, no focus. */
    public static MastodonPostOptions defaults() {
        return DEFAULTS;
    }

    public MastodonPostOptions withVisibility(Visibility value) {
        return new MastodonPostOptions(value, threadReplies, contentWarning, language, sensitive, focus);
    }

    /** The visibility of the thread's replies, instead of the default (public becomes unlisted). */
    public MastodonPostOptions withThreadReplies(Visibility value) {
        return new MastodonPostOptions(
                visibility,
                Optional.of(Objects.requireNonNull(value, "threadReplies")),
                contentWarning,
                language,
                sensitive,
                focus);
    }

    public MastodonPostOptions withContentWarning(String value) {
        return new MastodonPostOptions(visibility, threadReplies, value, language, sensitive, focus);
    }

    public MastodonPostOptions withLanguage(String value) {
        return new MastodonPostOptions(visibility, threadReplies, contentWarning, Optional.of(value), sensitive, focus);
    }

    /** Media hidden behind a warning. */
    public MastodonPostOptions withSensitiveMedia() {
        return new MastodonPostOptions(visibility, threadReplies, contentWarning, language, true, focus);
    }

    /** The focal point of the attachment at {@code mediaIndex} (from 0). */
    public MastodonPostOptions withFocus(int mediaIndex, double x, double y) {
        var map = new TreeMap<>(focus);
        map.put(mediaIndex, new Focus(x, y));
        return new MastodonPostOptions(visibility, threadReplies, contentWarning, language, sensitive, map);
    }

    /** The visibility of thread replies: the explicit one, else {@code unlisted} for a public thread, else the same. */
    public Visibility replyVisibility() {
        return threadReplies.orElse(visibility == Visibility.PUBLIC ? Visibility.UNLISTED : visibility);
    }

    /** Whether there is a content warning. */
    public boolean hasContentWarning() {
        return !contentWarning.isBlank();
    }

    /** The options as variant metadata (only what differs from the defaults). */
    public Map<String, String> toMetadata() {
        var map = new LinkedHashMap<String, String>();
        if (visibility != Visibility.PUBLIC) {
            map.put(VISIBILITY, visibility.wireName());
        }
        threadReplies.ifPresent(v -> map.put(REPLY_VISIBILITY, v.wireName()));
        if (hasContentWarning()) {
            map.put(CONTENT_WARNING, contentWarning);
        }
        language.ifPresent(l -> map.put(LANGUAGE, l));
        if (sensitive) {
            map.put(SENSITIVE, "true");
        }
        focus.forEach((i, f) -> map.put(FOCUS_PREFIX + i, f.wireValue()));
        return map;
    }

    /**
     * The options in a variant's metadata (other keys are ignored), or the problems with them, each naming its field
     * ({@code metadata.mastodon.visibility}...), rule and reason.
     */
    public static Parsed fromMetadata(Map<String, String> metadata) {
        Objects.requireNonNull(metadata, "metadata");
        var violations = new ArrayList<Violation>();
        Visibility visibility = visibility(metadata, VISIBILITY, violations).orElse(Visibility.PUBLIC);
        Optional<Visibility> replies = visibility(metadata, REPLY_VISIBILITY, violations);
        String warning = metadata.getOrDefault(CONTENT_WARNING, "");
        Optional<String> language = Optional.ofNullable(metadata.get(LANGUAGE)).map(String::strip);
        if (language.isPresent() && !LANGUAGE_CODE.matcher(language.get()).matches()) {
            violations.add(Violation.of(
                    "metadata." + LANGUAGE,
                    "invalid_value",
                    "must be an ISO 639 language code of 2 or 3 lower-case letters (en, de, fil)"));
            language = Optional.empty();
        }
        boolean sensitive = false;
        String flag = metadata.get(SENSITIVE);
        if (flag != null) {
            if (flag.equals("true") || flag.equals("false")) {
                sensitive = flag.equals("true");
            } else {
                violations.add(Violation.of("metadata." + SENSITIVE, "invalid_value", "must be true or false"));
            }
        }
        var focus = new TreeMap<Integer, Focus>();
        metadata.forEach((key, value) -> {
            if (!key.startsWith(FOCUS_PREFIX)) {
                return;
            }
            String field = "metadata." + key;
            int index;
            try {
                index = Integer.parseInt(key.substring(FOCUS_PREFIX.length()));
            } catch (NumberFormatException e) {
                violations.add(Violation.of(field, "invalid_value", "the key must end with a media index (0, 1...)"));
                return;
            }
            var m = FOCUS.matcher(value);
            try {
                if (!m.matches() || index < 0) {
                    throw new IllegalArgumentException("not x,y");
                }
                focus.put(index, new Focus(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))));
            } catch (IllegalArgumentException e) {
                violations.add(Violation.of(
                        field, "invalid_value", "must be x,y with both within -1..1 (for example -0.42,0.69)"));
            }
        });
        return new Parsed(
                new MastodonPostOptions(visibility, replies, warning, language, sensitive, focus), violations);
    }

    private static Optional<Visibility> visibility(
            Map<String, String> metadata, String key, List<Violation> violations) {
        String value = metadata.get(key);
        if (value == null) {
            return Optional.empty();
        }
        Optional<Visibility> parsed = Visibility.fromWireName(value.strip());
        if (parsed.isEmpty()) {
            violations.add(Violation.of(
                    "metadata." + key, "invalid_value", "must be one of public, unlisted, private, direct"));
        }
        return parsed;
    }

    /**
     * Options read from metadata: usable {@code options} (invalid entries replaced by their defaults) and the {@code
     * violations} found.
     */
    public record Parsed(MastodonPostOptions options, List<Violation> violations) {
        public Parsed {
            Objects.requireNonNull(options, "options");
            violations = List.copyOf(violations);
        }

        public boolean isValid() {
            return violations.isEmpty();
        }
    }
}
