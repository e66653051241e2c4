package io.luxaris.domain;

import java.time.Instant;

/**
 * Upper bounds on input sizes. Every use case enforces them with a {@code ValidationException} before anything is
 * stored (rule code {@code max_length} or {@code too_many}); storage columns are sized to match.
 */
public final class Limits {
    /** Post title, in characters. */
    public static final int TITLE = 300;
    /** Post base content, in characters. */
    public static final int BASE_CONTENT = 50_000;
    /** Variant content and each thread part, in characters (before the channel's own, smaller limit). */
    public static final int VARIANT_CONTENT = 50_000;
    /** Follow-up parts of one variant. */
    public static final int THREAD_PARTS = 25;
    /** Follow-up parts (replies, comments posted after the post, each its own publish) of one variant. */
    public static final int FOLLOW_UPS = 10;
    /** The longest delay of a follow-up part after the part before it. */
    public static final java.time.Duration FOLLOW_UP_DELAY = java.time.Duration.ofDays(7);
    /** Tags of one post. */
    public static final int TAGS = 50;
    /** One tag, in characters. */
    public static final int TAG = 64;
    /** Entries of a metadata or properties map. */
    public static final int METADATA_ENTRIES = 50;
    /** A metadata key, in characters. */
    public static final int METADATA_KEY = 64;
    /** A metadata value, in characters. */
    public static final int METADATA_VALUE = 2_000;
    /** Media attachments of one variant. */
    public static final int MEDIA = 10;
    /** A media reference or alt text, in characters. */
    public static final int MEDIA_REF = 1_000;
    /** Tone label, in characters. */
    public static final int TONE = 64;
    /** Connection display name, in characters. */
    public static final int DISPLAY_NAME = 200;
    /** Entries of a credentials map. */
    public static final int CREDENTIAL_ENTRIES = 20;
    /** One credential value, in characters. */
    public static final int CREDENTIAL_VALUE = 8_192;
    /** Template name, in characters. */
    public static final int TEMPLATE_NAME = 100;
    /** Template description, in characters. */
    public static final int TEMPLATE_DESCRIPTION = 1_000;
    /** Template body, in characters. */
    public static final int TEMPLATE_BODY = 20_000;
    /** Values passed to render a template. */
    public static final int TEMPLATE_VALUES = 50;
    /** One template value, in characters. */
    public static final int TEMPLATE_VALUE = 5_000;
    /** Generation prompt, in characters. */
    public static final int PROMPT = 4_000;
    /** Target channels of one generation request. */
    public static final int GENERATION_CHANNELS = 10;
    /** Candidates per channel of one generation request. */
    public static final int GENERATION_COUNT = 10;
    /** Longest calendar range in one query, in days. */
    public static final int CALENDAR_RANGE_DAYS = 366;
    /** Error message kept on a schedule or event, in characters. */
    public static final int ERROR_MESSAGE = 1_000;
    /** Error code, in characters. */
    public static final int ERROR_CODE = 100;
    /** Raw response kept on a publish event, in characters. */
    public static final int RAW_RESPONSE = 4_096;
    /** External post id or URL, in characters. */
    public static final int EXTERNAL_REF = 1_000;
    /** Note of an approval or a rejection, in characters. */
    public static final int APPROVAL_NOTE = 500;
    /** Targets of one post scheduled in one call ({@code schedules().scheduleTargets}). */
    public static final int SCHEDULE_TARGETS = 50;

    /**
     * The earliest instant Luxaris accepts as input (a calendar bound, a token expiry, a paging position):
     * 1970-01-01T00:00:00Z. Together with {@link #LATEST_INSTANT} a range every supported database holds as it is
     * (MariaDB's {@code DATETIME} ends with year 9999, PostgreSQL's {@code timestamptz} starts in 4713 BC).
     */
    public static final Instant EARLIEST_INSTANT = Instant.EPOCH;
    /** The latest instant Luxaris accepts as input: 9999-12-31T23:59:59.999999Z. */
    public static final Instant LATEST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Limits() {}

    /**
     * Whether {@code instant} is within {@link #EARLIEST_INSTANT}..{@link #LATEST_INSTANT}.
     *
     * @param instant the instant to check
     * @return whether every supported storage holds it as it is
     */
    public static boolean supports(Instant instant) {
        return !instant.isBefore(EARLIEST_INSTANT) && !instant.isAfter(LATEST_INSTANT);
    }
}
