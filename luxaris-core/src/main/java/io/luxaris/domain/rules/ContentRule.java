package io.luxaris.domain.rules;

import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.FollowUp;
import io.luxaris.domain.FollowUpKind;
import io.luxaris.domain.MediaKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.TextMeasure;
import io.luxaris.errors.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a variant's texts and media fit a channel: every text measured the channel's way within its limit,
 * thread parts and media within what the channel supports.
 */
public final class ContentRule {
    private static final Pattern LINK = Pattern.compile("(?i)\\bhttps?://\\S+");

    private ContentRule() {}

    /**
     * Checks a variant's texts and media against a channel's limits: rules {@code required}, {@code content_length},
     * {@code links_unsupported}, {@code threads_unsupported}, {@code too_many}, {@code media_unsupported} and {@code
     * media_mix}.
     *
     * @param content the text of the first post
     * @param thread the follow-up parts
     * @param media the attachments
     * @param channelName the channel's name, for the messages
     * @param limits what the channel accepts
     * @param measure how the channel counts text
     * @param prefix the prefix of the violations' fields, such as {@code variants[0]}; empty for none
     * @return the violations, empty when the content fits
     */
    public static List<Violation> check(
            String content,
            List<String> thread,
            List<MediaRef> media,
            String channelName,
            ChannelLimits limits,
            TextMeasure measure,
            String prefix) {
        var violations = new ArrayList<Violation>();
        if (content.isBlank() && media.isEmpty()) {
            violations.add(
                    Violation.of(field(prefix, "content"), "required", "must not be blank unless media is attached"));
        } else {
            checkText(content, field(prefix, "content"), channelName, limits, measure, violations);
        }
        if (!thread.isEmpty()) {
            if (!limits.supportsThreads()) {
                violations.add(Violation.of(
                        field(prefix, "thread"), "threads_unsupported", channelName + " does not support threads"));
            } else if (thread.size() > limits.maxThreadParts()) {
                violations.add(Violation.of(
                        field(prefix, "thread"),
                        "too_many",
                        "has " + thread.size() + " parts; " + channelName + " allows " + limits.maxThreadParts()));
            }
            for (int i = 0; i < thread.size(); i++) {
                String part = thread.get(i);
                String f = field(prefix, "thread[" + i + "]");
                if (part.isBlank()) {
                    violations.add(Violation.of(f, "required", "a thread part must not be blank"));
                } else {
                    checkText(part, f, channelName, limits, measure, violations);
                }
            }
        }
        checkMedia(media, channelName, limits, field(prefix, "media"), violations);
        return violations;
    }

    /**
     * Checks a variant's follow-up parts against a channel: each kind declared by the channel (rule {@code
     * follow_up_unsupported}, on field {@code followUps[j].kind}), each text non-blank ({@code required}) and fitting
     * like a thread part ({@code content_length}, {@code links_unsupported}, on {@code followUps[j].text}).
     *
     * @param followUps the follow-up parts
     * @param kinds the kinds the channel's publisher posts
     * @param channelName the channel's name, for the messages
     * @param limits what the channel accepts
     * @param measure how the channel counts text
     * @param prefix the prefix of the violations' fields, such as {@code variants[0]}; empty for none
     * @return the violations, empty when the follow-ups fit
     */
    public static List<Violation> checkFollowUps(
            List<FollowUp> followUps,
            Set<FollowUpKind> kinds,
            String channelName,
            ChannelLimits limits,
            TextMeasure measure,
            String prefix) {
        var violations = new ArrayList<Violation>();
        for (int j = 0; j < followUps.size(); j++) {
            FollowUp part = followUps.get(j);
            String f = field(prefix, "followUps[" + j + "]");
            if (!kinds.contains(part.kind())) {
                violations.add(Violation.of(
                        f + ".kind",
                        "follow_up_unsupported",
                        channelName + " does not post follow-ups of kind "
                                + part.kind().wireName() + (kinds.isEmpty() ? " (it posts none)" : "")));
            }
            if (part.text().isBlank()) {
                violations.add(Violation.of(f + ".text", "required", "a follow-up must not be blank"));
            } else {
                checkText(part.text(), f + ".text", channelName, limits, measure, violations);
            }
        }
        return violations;
    }

    /**
     * The length check of one text, exposed for generation (fit a suggestion) and templates.
     *
     * @param text the text
     * @param limits what the channel accepts
     * @param measure how the channel counts text
     * @return whether the text is within the channel's maximum length
     */
    public static boolean fits(String text, ChannelLimits limits, TextMeasure measure) {
        return measure.measure(text) <= limits.maxTextLength();
    }

    private static void checkText(
            String text,
            String field,
            String channelName,
            ChannelLimits limits,
            TextMeasure measure,
            List<Violation> violations) {
        int length = measure.measure(text);
        if (length > limits.maxTextLength()) {
            violations.add(Violation.of(
                    field,
                    "content_length",
                    "is " + length + " " + measure.unit() + " as " + channelName + " counts them; the limit is "
                            + limits.maxTextLength()));
        }
        if (!limits.supportsLinks() && LINK.matcher(text).find()) {
            violations.add(Violation.of(field, "links_unsupported", channelName + " does not accept links"));
        }
    }

    private static void checkMedia(
            List<MediaRef> media, String channelName, ChannelLimits limits, String field, List<Violation> violations) {
        if (media.isEmpty()) {
            return;
        }
        if (!limits.supportsMedia()) {
            violations.add(Violation.of(field, "media_unsupported", channelName + " does not accept media"));
            return;
        }
        if (media.size() > limits.maxMediaItems()) {
            violations.add(Violation.of(
                    field,
                    "too_many",
                    "has " + media.size() + " items; " + channelName + " allows " + limits.maxMediaItems()));
        }
        long images = media.stream().filter(m -> m.kind() == MediaKind.IMAGE).count();
        long gifs = media.stream().filter(m -> m.kind() == MediaKind.GIF).count();
        long videos = media.stream().filter(m -> m.kind() == MediaKind.VIDEO).count();
        if (images > 0 && !limits.supportsImages()) {
            violations.add(Violation.of(field, "media_unsupported", channelName + " does not accept images"));
        }
        if (gifs > 0 && !limits.supportsGif()) {
            violations.add(Violation.of(field, "media_unsupported", channelName + " does not accept GIFs"));
        }
        if (videos > 0 && !limits.supportsVideo()) {
            violations.add(Violation.of(field, "media_unsupported", channelName + " does not accept videos"));
        }
        if ((gifs + videos) > 0 && media.size() > 1) {
            violations.add(Violation.of(field, "media_mix", "a GIF or a video must be the only attachment of a post"));
        }
    }

    private static String field(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
