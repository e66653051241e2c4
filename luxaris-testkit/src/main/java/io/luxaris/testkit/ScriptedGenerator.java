package io.luxaris.testkit;

import io.luxaris.spi.generation.Candidate;
import io.luxaris.spi.generation.GenerationFailedException;
import io.luxaris.spi.generation.GenerationPrompt;
import io.luxaris.spi.generation.GenerationResult;
import io.luxaris.spi.generation.GeneratorEnvironment;
import io.luxaris.spi.generation.GeneratorProvider;
import io.luxaris.spi.generation.RewordRequest;
import io.luxaris.spi.generation.SuggestionGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A fake generator: answers prompts with scripted candidates (per channel key, or by a function), fails for chosen
 * channels, rewords by a function, and records every prompt it got.
 */
public final class ScriptedGenerator implements GeneratorProvider, SuggestionGenerator {
    private final String key;
    private volatile Function<GenerationPrompt, List<String>> answers =
            p -> List.of("Suggestion for " + p.channel().key() + ": " + p.intent());
    private final Map<String, GenerationFailedException> failures = new ConcurrentHashMap<>();
    private volatile Function<RewordRequest, Optional<String>> reword = r -> Optional.empty();
    private final List<GenerationPrompt> prompts = Collections.synchronizedList(new ArrayList<>());
    private final List<RewordRequest> rewords = Collections.synchronizedList(new ArrayList<>());

    private ScriptedGenerator(String key) {
        this.key = key;
    }

    public static ScriptedGenerator create(String key) {
        return new ScriptedGenerator(Objects.requireNonNull(key, "key"));
    }

    /** Answers every prompt with these texts. */
    public ScriptedGenerator answering(String... texts) {
        List<String> list = List.of(texts);
        this.answers = p -> list;
        return this;
    }

    public ScriptedGenerator answering(Function<GenerationPrompt, List<String>> script) {
        this.answers = Objects.requireNonNull(script, "script");
        return this;
    }

    /** Fails every prompt for this channel key. */
    public ScriptedGenerator failingFor(String channel, GenerationFailedException failure) {
        failures.put(channel, failure);
        return this;
    }

    /** Rewords over-long candidates with this function (empty: cannot). */
    public ScriptedGenerator rewording(Function<RewordRequest, Optional<String>> script) {
        this.reword = Objects.requireNonNull(script, "script");
        return this;
    }

    public List<GenerationPrompt> prompts() {
        synchronized (prompts) {
            return List.copyOf(prompts);
        }
    }

    public List<RewordRequest> rewordRequests() {
        synchronized (rewords) {
            return List.copyOf(rewords);
        }
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public SuggestionGenerator create(GeneratorEnvironment environment) {
        return this;
    }

    @Override
    public GenerationResult generate(GenerationPrompt prompt) {
        prompts.add(prompt);
        GenerationFailedException failure = failures.get(prompt.channel().key());
        if (failure != null) {
            throw failure;
        }
        var candidates = new ArrayList<Candidate>();
        int i = 0;
        for (String text : answers.apply(prompt)) {
            if (candidates.size() >= prompt.count()) {
                break;
            }
            candidates.add(new Candidate(text, OptionalDouble.of(1.0 - 0.1 * i++), Map.of("model", "scripted")));
        }
        return GenerationResult.of(candidates);
    }

    @Override
    public Optional<Candidate> reword(RewordRequest request) {
        rewords.add(request);
        return reword.apply(request).map(request.candidate()::withText);
    }
}
