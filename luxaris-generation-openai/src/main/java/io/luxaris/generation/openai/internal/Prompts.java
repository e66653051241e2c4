package io.luxaris.generation.openai.internal;

import io.luxaris.domain.TextMeasure;
import io.luxaris.spi.generation.GenerationPrompt;
import io.luxaris.spi.generation.LengthHint;
import io.luxaris.spi.generation.RewordRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The messages sent to the model: a system message with the channel's rules (its limit measured the way the channel
 * measures, what the schema fields mean), a user message with the intent, the rendered template, tone and length,
 * and for a reword a follow-up that says how long the draft was and how long it may be.
 */
final class Prompts {
    private static final String PROBE_URL = "https://example.com/a/fairly/long/path/to/probe/link/weighting";
    private static final String PROBE_CJK = "日本語";
    private static final String PROBE_EMOJI = "😀";

    private Prompts() {}

    static String system(GenerationPrompt prompt) {
        var channel = prompt.channel();
        var lines = new ArrayList<String>();
        lines.add("You write social-media posts for " + channel.name() + ".");
        lines.add("Answer only with JSON that matches the given schema:");
        lines.add("- \"text\": the post itself, ready to publish as is;");
        lines.add("- \"hashtags\": hashtags without '#' that will be appended at the end of the post, or an empty list"
                + " when none suit the channel or fit;");
        lines.add("- \"score\": your own assessment, from 0 to 1, of how well the post meets the brief;");
        lines.add("- \"rationale\": one short sentence on why.");
        lines.add("Hard limit: the whole post (text plus the appended hashtags) must be at most " + prompt.maxLength()
                + " " + channel.measure().unit() + " as " + channel.name() + " counts them" + notes(channel.measure())
                + ". Never go over it; shorter is fine.");
        if (!channel.limits().supportsLinks()) {
            lines.add(channel.name() + " does not allow links: do not include any.");
        }
        lines.add("Keep the facts, names and links of the brief; do not invent facts, numbers, dates or links.");
        return String.join("\n", lines);
    }

    static String user(GenerationPrompt prompt, int draft, int drafts, List<String> earlier) {
        var lines = new ArrayList<String>();
        lines.add("Intent: " + prompt.intent());
        prompt.renderedTemplate().ifPresent(t -> {
            lines.add("Start from this text (from the author's template); keep its facts and links and adapt the"
                    + " wording to " + prompt.channel().name() + ":");
            lines.add("\"\"\"");
            lines.add(t);
            lines.add("\"\"\"");
        });
        lines.add("Tone: "
                + prompt.tone().orElse("natural for " + prompt.channel().name()) + ".");
        int target = Math.min(prompt.maxLength(), prompt.lengthHint().targetFor(prompt.maxLength()));
        String unit = prompt.channel().measure().unit();
        lines.add("Length: " + prompt.lengthHint().name().toLowerCase(Locale.ROOT) + " — "
                + (prompt.lengthHint() == LengthHint.LONG ? "up to" : "about") + " " + target + " " + unit
                + " (hard maximum " + prompt.maxLength() + ").");
        if (drafts > 1) {
            lines.add("This is draft " + draft + " of " + drafts + ".");
            if (!earlier.isEmpty()) {
                lines.add("Make it clearly different from the earlier drafts:");
                earlier.forEach(e -> lines.add("- " + e.replace('\n', ' ')));
            }
        }
        return String.join("\n", lines);
    }

    static String reword(RewordRequest request) {
        var prompt = request.prompt();
        String unit = prompt.channel().measure().unit();
        int aim = Math.max(1, request.maxLength() * 85 / 100);
        return "That post is " + request.measuredLength() + " " + unit + " as "
                + prompt.channel().name()
                + " counts them, but the limit is " + request.maxLength() + ". Rewrite it shorter so that the"
                + " whole post, text plus hashtags, is at most " + request.maxLength() + " " + unit + " — aim for"
                + " about " + aim + ". Keep its meaning, facts, links and tone.";
    }

    /** How the measure differs from counting characters, found by measuring samples (links, CJK, emoji). */
    static String notes(TextMeasure measure) {
        var notes = new ArrayList<String>();
        try {
            int url = measure.measure(PROBE_URL);
            if (url != PROBE_URL.length()) {
                notes.add("every link counts as " + url + " whatever its length");
            }
            int cjk = measure.measure(PROBE_CJK);
            if (cjk != 3 && cjk % 3 == 0) {
                notes.add("each CJK character counts " + cjk / 3);
            }
            int emoji = measure.measure(PROBE_EMOJI);
            if (emoji != 1) {
                notes.add("each emoji counts " + emoji);
            }
        } catch (RuntimeException e) {
            return "";
        }
        return notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")";
    }
}
