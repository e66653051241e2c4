package io.luxaris.channels.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.luxaris.domain.Limits;
import io.luxaris.http.internal.Json;
import io.luxaris.spi.security.Redaction;
import io.luxaris.usecase.VariantDraft;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commentary of a LinkedIn post, with the mentions and hashtags its author intends, written in LinkedIn's
 * "little" text format when it is sent.
 *
 * <p>LinkedIn reads a post's commentary as little text, where these characters are reserved: {@code | { } @ [ ] (
 * ) < > # \ * _ ~} (fifteen, although the list is often announced as "14 characters"). An unescaped reserved
 * character makes LinkedIn cut the post at that point while still answering 201, so the channel escapes every one
 * of them in ordinary text: what a user types is always posted literally, never interpreted. Mentions and hashtags are elements the author asks for explicitly:
 *
 * <pre>{@code
 * LinkedInText text = LinkedInText.builder()
 *         .text("Thanks to ")
 *         .mention("Acme Corp", "urn:li:organization:1234")
 *         .text(" for a great launch (v2)! ")
 *         .hashtag("Java")
 *         .build();
 * text.content();     // "Thanks to Acme Corp for a great launch (v2)! #Java"       -- what people read
 * text.commentary();  // "Thanks to @[Acme Corp](urn:li:organization:1234) for a great launch \(v2\)! {hashtag|\#|Java}"
 * luxaris.posts().create(owner, PostDraft.of(text.content()).withVariant(text.toVariant()));
 * }</pre>
 *
 * <h2>How a variant carries the elements</h2>
 *
 * A variant's {@code content} holds the readable text ({@link #content()}); its metadata entry {@value
 * #METADATA_KEY} ({@link #metadata()}) lists the elements as JSON, each with its position in the content ({@code
 * at}, a {@link String} index) and what it is:
 *
 * <pre>{@code
 * [{"at":10,"mention":"Acme Corp","urn":"urn:li:organization:1234"},{"at":45,"hashtag":"Java"}]
 * }</pre>
 *
 * The publisher writes the listed ranges as elements and escapes everything else. A variant without that entry is
 * plain text: every reserved character is escaped, so raw little text typed by a user ({@code @[x](urn:...)}) is
 * posted literally. If the content no longer has the listed text at a listed position (it was edited afterwards),
 * the variant is refused (rule {@code linkedin_elements}) rather than posted with a broken or missing mention.
 *
 * <h2>Length</h2>
 *
 * LinkedIn allows {@value LinkedInChannel#MAX_COMMENTARY_LENGTH} characters of commentary. Whether the escape
 * backslashes count is not documented, so Luxaris counts what is sent: {@link #length()} is the number of code
 * points of {@link #commentary()}, escapes and element syntax included. The channel's {@code TextMeasure} counts the
 * escaped content the same way, and its validation checks the full commentary when elements are present.
 *
 * <p>Immutable and thread-safe.
 */
public final class LinkedInText {
    /** The variant metadata key that lists a variant's mentions and hashtags. */
    public static final String METADATA_KEY = "linkedin.elements";
    /** The characters little text reserves (all 15 of the documented list), escaped with a backslash in ordinary text. */
    public static final String RESERVED = "|{}@[]()<>#\\*_~";

    private static final Pattern URN =
            Pattern.compile("urn:li:(?:person|organization|organizationBrand):[A-Za-z0-9_-]+");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{M}\\p{N}_]+");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern HASHTAG_IN_TEXT =
            Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}_&#/])#(?=[\\p{N}_]*\\p{L})([\\p{L}\\p{M}\\p{N}_]+)");
    private static final int MAX_NAME = 200;
    private static final int MAX_TAG = 100;

    private final List<Segment> segments;

    private LinkedInText(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /** Starts a text made of plain text, mentions and hashtags, in order. */
    public static Builder builder() {
        return new Builder();
    }

    /** Plain text only: every reserved character is posted literally. */
    public static LinkedInText of(String text) {
        return builder().text(text).build();
    }

    /**
     * Plain text in which each {@code #word} becomes a hashtag (a word with at least one letter, not preceded by a
     * letter, digit, {@code &}, {@code #} or {@code /}). This is an explicit choice of the caller; {@link #of}
     * keeps {@code #} literal.
     */
    public static LinkedInText withHashtags(String text) {
        Objects.requireNonNull(text, "text");
        Builder builder = builder();
        Matcher m = HASHTAG_IN_TEXT.matcher(text);
        int last = 0;
        while (m.find()) {
            builder.text(text.substring(last, m.start()));
            builder.hashtag(m.group(1));
            last = m.end();
        }
        builder.text(text.substring(last));
        return builder.build();
    }

    /**
     * The text of a variant: its content with the elements its metadata lists under {@value #METADATA_KEY} (plain
     * text when there is none).
     *
     * @throws IllegalArgumentException when the entry is malformed or does not match the content; the message is
     *     safe to show
     */
    public static LinkedInText fromVariant(String content, Map<String, String> metadata) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(metadata, "metadata");
        String listed = metadata.get(METADATA_KEY);
        if (listed == null || listed.isBlank()) {
            return of(content);
        }
        JsonNode root = Json.read(listed);
        if (!root.isArray()) {
            throw new IllegalArgumentException(METADATA_KEY + " must be a JSON array of mentions and hashtags");
        }
        var elements = new ArrayList<Positioned>();
        for (JsonNode node : root) {
            elements.add(element(node));
        }
        elements.sort(Comparator.comparingInt(Positioned::at));
        var builder = builder();
        int cursor = 0;
        for (Positioned p : elements) {
            if (p.at() < cursor) {
                throw new IllegalArgumentException(METADATA_KEY + " lists overlapping elements at " + p.at());
            }
            String display = p.segment().display();
            if (p.at() > content.length() || !content.startsWith(display, p.at())) {
                throw new IllegalArgumentException("the content no longer has '" + display + "' at " + p.at()
                        + " where " + METADATA_KEY + " puts a " + kind(p.segment())
                        + "; write the text again with LinkedInText");
            }
            builder.text(content.substring(cursor, p.at()));
            builder.segments.add(p.segment());
            cursor = p.at() + display.length();
        }
        builder.text(content.substring(cursor));
        return builder.build();
    }

    private static Positioned element(JsonNode node) {
        if (!node.isObject()
                || !node.path("at").canConvertToInt()
                || node.path("at").asInt() < 0) {
            throw new IllegalArgumentException(METADATA_KEY + " entries need a position 'at' (0 or more)");
        }
        int at = node.path("at").asInt();
        Optional<String> mention = Json.text(node, "/mention");
        Optional<String> hashtag = Json.text(node, "/hashtag");
        if (mention.isPresent() && hashtag.isEmpty()) {
            return new Positioned(
                    at, new Mention(mention.get(), Json.text(node, "/urn").orElse("")));
        }
        if (hashtag.isPresent() && mention.isEmpty()) {
            return new Positioned(at, new Hashtag(hashtag.get()));
        }
        throw new IllegalArgumentException(METADATA_KEY + " entries are either a mention (with urn) or a hashtag");
    }

    private static String kind(Segment segment) {
        return segment instanceof Mention ? "mention" : "hashtag";
    }

    /** Escapes every reserved character of {@code text} with a backslash, for little text. */
    public static String escape(String text) {
        Objects.requireNonNull(text, "text");
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (RESERVED.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The length of {@code text} once escaped, in code points: how the channel measures plain content. */
    public static int escapedLength(String text) {
        Objects.requireNonNull(text, "text");
        int length = text.codePointCount(0, text.length());
        for (int i = 0; i < text.length(); i++) {
            if (RESERVED.indexOf(text.charAt(i)) >= 0) {
                length++;
            }
        }
        return length;
    }

    /** The parts of the text, in order (adjacent plain text merged, empty text left out). */
    public List<Segment> segments() {
        return segments;
    }

    /** Whether the text has a mention or a hashtag. */
    public boolean hasElements() {
        return segments.stream().anyMatch(s -> !(s instanceof Text));
    }

    /** The readable text, for a variant's content: mentions as their names, hashtags as {@code #tag}. */
    public String content() {
        var out = new StringBuilder();
        for (Segment s : segments) {
            out.append(s.display());
        }
        return out.toString();
    }

    /** The little text sent to LinkedIn as the commentary. */
    public String commentary() {
        var out = new StringBuilder();
        for (Segment s : segments) {
            out.append(s.littleText());
        }
        return out.toString();
    }

    /** The length LinkedIn's limit applies to: code points of {@link #commentary()}. */
    public int length() {
        String c = commentary();
        return c.codePointCount(0, c.length());
    }

    /**
     * The variant metadata that carries the mentions and hashtags (one entry, {@value #METADATA_KEY}); empty for
     * plain text.
     */
    public Map<String, String> metadata() {
        if (!hasElements()) {
            return Map.of();
        }
        return Map.of(METADATA_KEY, elementsJson());
    }

    /** A LinkedIn variant with this text: {@link #content()} as content, {@link #metadata()} as metadata. */
    public VariantDraft toVariant() {
        return VariantDraft.of(LinkedInChannel.KEY, content()).withMetadata(metadata());
    }

    private String elementsJson() {
        ArrayNode array = Json.array();
        int at = 0;
        for (Segment s : segments) {
            if (s instanceof Mention m) {
                array.addObject().put("at", at).put("mention", m.name()).put("urn", m.urn());
            } else if (s instanceof Hashtag h) {
                array.addObject().put("at", at).put("hashtag", h.tag());
            }
            at += s.display().length();
        }
        return Json.write(array);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkedInText other && other.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public String toString() {
        return "LinkedInText[" + commentary() + "]";
    }

    /** One part of a {@link LinkedInText}. */
    public sealed interface Segment permits Text, Mention, Hashtag {
        /** How the part reads in the variant's content. */
        String display();

        /** How the part is written in the commentary sent to LinkedIn. */
        String littleText();
    }

    /** Ordinary text, escaped when sent. */
    public record Text(String text) implements Segment {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String display() {
            return text;
        }

        @Override
        public String littleText() {
            return escape(text);
        }
    }

    /**
     * A mention of a member or an organization: {@code @[name](urn)}, the name escaped. LinkedIn links the name
     * to the entity (and may notify it).
     *
     * @param name the name shown, such as the organization's name; one line, at most 200 characters
     * @param urn {@code urn:li:person:...}, {@code urn:li:organization:...} or {@code urn:li:organizationBrand:...}
     */
    public record Mention(String name, String urn) implements Segment {
        public Mention {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(urn, "urn");
            if (name.isBlank()
                    || name.length() > MAX_NAME
                    || LINE_BREAK.matcher(name).find()) {
                throw new IllegalArgumentException(
                        "a mention name must be one non-blank line of at most " + MAX_NAME + " characters");
            }
            if (!URN.matcher(urn).matches()) {
                throw new IllegalArgumentException(
                        "a mention needs a person or organization URN (urn:li:person:..., urn:li:organization:...)"
                                + " but got '" + Redaction.truncate(urn, 100) + "'");
            }
        }

        @Override
        public String display() {
            return name;
        }

        @Override
        public String littleText() {
            return "@[" + escape(name) + "](" + urn + ")";
        }
    }

    /**
     * A hashtag, written with LinkedIn's hashtag template {@code {hashtag|\#|tag}}.
     *
     * @param tag the tag without {@code #}: letters, digits and {@code _}, at most 100 characters
     */
    public record Hashtag(String tag) implements Segment {
        public Hashtag {
            Objects.requireNonNull(tag, "tag");
            if (tag.length() > MAX_TAG || !TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException("a hashtag must be letters, digits or _ (at most " + MAX_TAG
                        + " characters) but was '" + Redaction.truncate(tag, 100) + "'");
            }
        }

        @Override
        public String display() {
            return "#" + tag;
        }

        @Override
        public String littleText() {
            return "{hashtag|\\#|" + escape(tag) + "}";
        }
    }

    private record Positioned(int at, Segment segment) {}

    /** Builds a {@link LinkedInText} part by part. */
    public static final class Builder {
        private final List<Segment> segments = new ArrayList<>();

        private Builder() {}

        /** Ordinary text; its reserved characters are posted literally. */
        public Builder text(String text) {
            Objects.requireNonNull(text, "text");
            if (text.isEmpty()) {
                return this;
            }
            if (!segments.isEmpty() && segments.get(segments.size() - 1) instanceof Text previous) {
                segments.set(segments.size() - 1, new Text(previous.text() + text));
            } else {
                segments.add(new Text(text));
            }
            return this;
        }

        /** A mention of {@code urn}, shown as {@code name}. */
        public Builder mention(String name, String urn) {
            segments.add(new Mention(name, urn));
            return this;
        }

        /** A hashtag; a leading {@code #} is accepted and dropped. */
        public Builder hashtag(String tag) {
            Objects.requireNonNull(tag, "tag");
            segments.add(new Hashtag(tag.startsWith("#") ? tag.substring(1) : tag));
            return this;
        }

        /**
         * The text.
         *
         * @throws IllegalArgumentException when the elements are too many to be stored in one metadata value
         */
        public LinkedInText build() {
            var text = new LinkedInText(segments);
            if (text.hasElements() && text.elementsJson().length() > Limits.METADATA_VALUE) {
                throw new IllegalArgumentException("too many mentions and hashtags: their list takes "
                        + text.elementsJson().length() + " characters of variant metadata, at most "
                        + Limits.METADATA_VALUE + " are allowed");
            }
            return text;
        }
    }
}
