package io.luxaris.channels.bluesky.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Finds what Bluesky makes clickable only through facets (its posts guide): links, mentions and hashtags, with their
 * ranges as <b>UTF-8 byte offsets</b> ({@code byteStart} inclusive, {@code byteEnd} exclusive) into the text, never
 * Java's UTF-16 indices. Detection follows the Bluesky app's: a link is an {@code http(s)://} URL, a mention an
 * {@code @} followed by a domain-shaped handle, a hashtag a {@code #} followed by a tag that is not only digits (at
 * most 64 graphemes); each starts the text or follows a space (links and mentions also an opening parenthesis), and
 * trailing punctuation is not part of it. Mentions still need their handle resolved to a DID.
 */
public final class Facets {
    /** A hashtag's tag holds at most this many graphemes (lexicon {@code app.bsky.richtext.facet#tag}). */
    public static final int MAX_TAG_GRAPHEMES = 64;

    private static final Pattern LINK = Pattern.compile("(?<![^\\s(])https?://[^\\s]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern MENTION = Pattern.compile("(?<![^\\s(])@([a-zA-Z0-9][a-zA-Z0-9.-]*)");
    private static final Pattern HANDLE = Pattern.compile(
            "([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?");
    private static final Pattern TAG =
            Pattern.compile("(?<!\\S)[#\uFF03]([^\\s\u00AD\u2060\u200A\u200B\u200C\u200D]+)");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("\\p{P}+$");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private Facets() {}

    /** What a facet points at. */
    public enum Kind {
        LINK,
        MENTION,
        TAG
    }

    /**
     * One facet: its byte range in the text and its value (the full URI of a link, the handle of a mention without
     * {@code @}, the tag of a hashtag without {@code #}).
     */
    public record Facet(Kind kind, int byteStart, int byteEnd, String value) {
        public Facet {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
            if (byteStart < 0 || byteEnd <= byteStart) {
                throw new IllegalArgumentException("bad facet range " + byteStart + ".." + byteEnd);
            }
        }
    }

    /** Every link, mention and hashtag of {@code text}, in the order they appear. */
    public static List<Facet> detect(String text) {
        var found = new ArrayList<Facet>();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String uri = trimLink(link.group());
            if (HttpUrl.parse(uri) != null && uri.indexOf('.', uri.indexOf("://") + 3) > 0) {
                found.add(facet(text, Kind.LINK, link.start(), link.start() + uri.length(), uri));
            }
        }
        Matcher mention = MENTION.matcher(text);
        while (mention.find()) {
            String handle = stripTrailing(mention.group(1), ".-");
            if (HANDLE.matcher(handle).matches() && handle.length() <= 253) {
                found.add(facet(
                        text,
                        Kind.MENTION,
                        mention.start(),
                        mention.start(1) + handle.length(),
                        handle.toLowerCase(Locale.ROOT)));
            }
        }
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            String value = TRAILING_PUNCTUATION.matcher(tag.group(1)).replaceAll("");
            if (value.isEmpty()
                    || DIGITS.matcher(value).matches()
                    || BlueskyText.graphemes(value) > MAX_TAG_GRAPHEMES
                    || value.startsWith("\uFE0F")) {
                continue;
            }
            found.add(facet(text, Kind.TAG, tag.start(), tag.start(1) + value.length(), value));
        }
        found.sort(Comparator.comparingInt(Facet::byteStart));
        // ranges never overlap (each starts after a space); keep the first of any that would
        var result = new ArrayList<Facet>();
        int end = 0;
        for (Facet f : found) {
            if (f.byteStart() >= end) {
                result.add(f);
                end = f.byteEnd();
            }
        }
        return result;
    }

    /** The UTF-8 byte offset of the UTF-16 index {@code index} of {@code text}. */
    public static int byteOffset(String text, int index) {
        return text.substring(0, index).getBytes(StandardCharsets.UTF_8).length;
    }

    private static Facet facet(String text, Kind kind, int start, int end, String value) {
        return new Facet(kind, byteOffset(text, start), byteOffset(text, end), value);
    }

    /** A URL without the punctuation that ends the sentence around it (and a closing parenthesis it does not open). */
    private static String trimLink(String uri) {
        String out = stripTrailing(uri, ".,;:!?'\"");
        while (out.endsWith(")") && count(out, '(') < count(out, ')')) {
            out = stripTrailing(out.substring(0, out.length() - 1), ".,;:!?'\"");
        }
        return out;
    }

    private static String stripTrailing(String text, String characters) {
        int end = text.length();
        while (end > 0 && characters.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end);
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
