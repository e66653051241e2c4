package io.luxaris.usecase;

import io.luxaris.domain.PostId;
import io.luxaris.domain.TemplateId;
import io.luxaris.internal.Args;
import io.luxaris.spi.generation.LengthHint;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Generate suggestions: the intent, optionally a template and its values, the target channel keys, tone, length,
 * candidates per channel, the post the session belongs to, and which generator (default: the configured one).
 */
public record GenerationRequest(
        String prompt,
        Optional<TemplateId> template,
        Map<String, String> templateValues,
        List<String> channels,
        Optional<String> tone,
        LengthHint length,
        int count,
        Optional<PostId> post,
        Optional<String> generator) {
    public GenerationRequest {
        template = template == null ? Optional.empty() : template;
        templateValues = Args.snapshot(templateValues);
        channels = Args.snapshot(channels);
        tone = tone == null ? Optional.empty() : tone;
        length = length == null ? LengthHint.MEDIUM : length;
        post = post == null ? Optional.empty() : post;
        generator = generator == null ? Optional.empty() : generator;
    }

    /** One medium-length suggestion per channel. */
    public static GenerationRequest of(String prompt, String... channels) {
        return new GenerationRequest(
                prompt,
                Optional.empty(),
                Map.of(),
                channels == null ? List.of() : java.util.Arrays.asList(channels),
                Optional.empty(),
                LengthHint.MEDIUM,
                1,
                Optional.empty(),
                Optional.empty());
    }

    public GenerationRequest withTemplate(TemplateId id, Map<String, String> values) {
        return new GenerationRequest(
                prompt, Optional.ofNullable(id), values, channels, tone, length, count, post, generator);
    }

    public GenerationRequest withTone(String value) {
        return new GenerationRequest(
                prompt, template, templateValues, channels, Optional.ofNullable(value), length, count, post, generator);
    }

    public GenerationRequest withLength(LengthHint value) {
        return new GenerationRequest(prompt, template, templateValues, channels, tone, value, count, post, generator);
    }

    public GenerationRequest withCount(int value) {
        return new GenerationRequest(prompt, template, templateValues, channels, tone, length, value, post, generator);
    }

    public GenerationRequest forPost(PostId value) {
        return new GenerationRequest(
                prompt, template, templateValues, channels, tone, length, count, Optional.ofNullable(value), generator);
    }

    public GenerationRequest usingGenerator(String key) {
        return new GenerationRequest(
                prompt, template, templateValues, channels, tone, length, count, post, Optional.ofNullable(key));
    }
}
