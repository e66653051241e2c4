package io.luxaris.generation;

import io.luxaris.internal.Fitting;
import io.luxaris.spi.generation.Candidate;
import io.luxaris.spi.generation.GenerationPrompt;
import io.luxaris.spi.generation.GenerationResult;
import io.luxaris.spi.generation.GeneratorEnvironment;
import io.luxaris.spi.generation.GeneratorProvider;
import io.luxaris.spi.generation.RewordRequest;
import io.luxaris.spi.generation.SuggestionGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A generator without any network: builds candidates deterministically from the rendered template (or the
 * prompt), a tone preset and the length hint. The same input gives the same candidates, so quick starts and tests
 * work without an API key. Key {@code offline}; always registered unless a host registers its own under that key.
 */
public final class OfflineGenerator implements GeneratorProvider, SuggestionGenerator {
    /** The generator's key. */
    public static final String KEY = "offline";

    private static final Map<String, List<String>> OPENERS = Map.of(
            "neutral", List.of("", "Update: ", "News: ", "Today: "),
            "excited", List.of("Big news! ", "It's here! ", "We did it! ", "Guess what? "),
            "formal", List.of("Announcement: ", "We are pleased to share: ", "Notice: ", "Update: "),
            "playful", List.of("Psst… ", "Plot twist: ", "Fun fact: ", "Spoiler: "),
            "provocative", List.of("Unpopular opinion: ", "Hot take: ", "Let's be honest: ", "Stop scrolling: "));
    private static final Map<String, List<String>> CLOSERS = Map.of(
            "neutral", List.of("", " More soon.", " Details below.", ""),
            "excited", List.of(" 🎉", " Don't miss it!", " 🚀", " Let's go!"),
            "formal", List.of("", " Further details will follow.", " Thank you for your support.", ""),
            "playful", List.of(" 😉", " You heard it here first.", " 🙌", ""),
            "provocative", List.of(" Agree?", " Change my mind.", " Thoughts?", ""));

    private OfflineGenerator() {}

    /**
     * The generator as a provider (it is its own generator: stateless and thread-safe).
     *
     * @return the generator
     */
    public static OfflineGenerator create() {
        return new OfflineGenerator();
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public SuggestionGenerator create(GeneratorEnvironment environment) {
        return this;
    }

    @Override
    public GenerationResult generate(GenerationPrompt prompt) {
        String tone = prompt.tone().map(t -> t.toLowerCase(Locale.ROOT).strip()).orElse("neutral");
        List<String> openers = OPENERS.getOrDefault(tone, Objects.requireNonNull(OPENERS.get("neutral")));
        List<String> closers = CLOSERS.getOrDefault(tone, Objects.requireNonNull(CLOSERS.get("neutral")));
        String base = clean(prompt.renderedTemplate().orElse(prompt.intent()));
        int target = prompt.lengthHint().targetFor(prompt.maxLength());
        var candidates = new ArrayList<Candidate>();
        for (int i = 0; i < prompt.count(); i++) {
            String opener = openers.get(i % openers.size());
            String closer = closers.get((i / openers.size() + i) % closers.size());
            String text = opener + base + closer;
            if (prompt.channel().measure().measure(text) > target) {
                String body = Fitting.truncate(
                        base,
                        Math.max(1, target - prompt.channel().measure().measure(opener)),
                        prompt.channel().measure());
                text = opener + body;
            }
            var metadata = new LinkedHashMap<String, String>();
            metadata.put("model", "offline");
            metadata.put("tone", tone);
            metadata.put("length_hint", prompt.lengthHint().name().toLowerCase(Locale.ROOT));
            metadata.put("variant", Integer.toString(i + 1));
            candidates.add(new Candidate(text.strip(), OptionalDouble.of(Math.max(0.1, 0.9 - i * 0.1)), metadata));
        }
        return new GenerationResult(candidates, List.of(), Map.of());
    }

    /** A shorter version: the first sentence, cut to fit at a word boundary when still too long. */
    @Override
    public Optional<Candidate> reword(RewordRequest request) {
        String text = request.candidate().text();
        int end = firstSentenceEnd(text);
        String shorter = end > 0 ? text.substring(0, end).strip() : text;
        var measure = request.prompt().channel().measure();
        if (measure.measure(shorter) > request.maxLength()) {
            shorter = Fitting.truncate(shorter, request.maxLength(), measure);
        }
        return Optional.of(request.candidate().withText(shorter));
    }

    private static int firstSentenceEnd(String text) {
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1))) {
                return i + 1;
            }
        }
        return -1;
    }

    private static String clean(String text) {
        return text.strip().replaceAll("[ \\t]+", " ");
    }
}
