package io.luxaris.usecase;

import io.luxaris.domain.PostId;
import io.luxaris.domain.TemplateId;
import io.luxaris.spi.generation.LengthHint;
import io.luxaris.util.Args;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Generate suggestions: the intent, optionally a template and its values, the target channel keys, tone, length,
 * candidates per channel, the post the session belongs to, and which generator (default: the configured one).
 *
 * @param prompt the intent
 * @param template a template to render into the prompt
 * @param templateValues the template's values
 * @param channels the target channel keys
 * @param tone the tone; default: the template's
 * @param length how long the texts should be
 * @param count candidates per channel
 * @param post the post the session belongs to
 * @param generator the generator's key; default: the configured one
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
    /**
     * Turns nulls into empty values and a medium length.
     *
     * @param prompt the intent
     * @param template a template to render into the prompt
     * @param templateValues the template's values
     * @param channels the target channel keys
     * @param tone the tone; default: the template's
     * @param length how long the texts should be
     * @param count candidates per channel
     * @param post the post the session belongs to
     * @param generator the generator's key; default: the configured one
     */
    public GenerationRequest {
        template = template == null ? Optional.empty() : template;
        templateValues = Args.snapshot(templateValues);
        channels = Args.snapshot(channels);
        tone = tone == null ? Optional.empty() : tone;
        length = length == null ? LengthHint.MEDIUM : length;
        post = post == null ? Optional.empty() : post;
        generator = generator == null ? Optional.empty() : generator;
    }

    /**
     * One medium-length suggestion per channel.
     *
     * @param prompt the intent
     * @param channels the target channel keys
     * @return the request
     */
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

    /**
     * This request with a template.
     *
     * @param id the template's id
     * @param values its values
     * @return the changed copy
     */
    public GenerationRequest withTemplate(TemplateId id, Map<String, String> values) {
        return new GenerationRequest(
                prompt, Optional.ofNullable(id), values, channels, tone, length, count, post, generator);
    }

    /**
     * This request with a tone.
     *
     * @param value the tone; null: the template's, or none
     * @return the changed copy
     */
    public GenerationRequest withTone(String value) {
        return new GenerationRequest(
                prompt, template, templateValues, channels, Optional.ofNullable(value), length, count, post, generator);
    }

    /**
     * This request with a length.
     *
     * @param value the length
     * @return the changed copy
     */
    public GenerationRequest withLength(LengthHint value) {
        return new GenerationRequest(prompt, template, templateValues, channels, tone, value, count, post, generator);
    }

    /**
     * This request with more candidates per channel.
     *
     * @param value candidates per channel
     * @return the changed copy
     */
    public GenerationRequest withCount(int value) {
        return new GenerationRequest(prompt, template, templateValues, channels, tone, length, value, post, generator);
    }

    /**
     * This request for a post.
     *
     * @param value the post; accepted suggestions go to it
     * @return the changed copy
     */
    public GenerationRequest forPost(PostId value) {
        return new GenerationRequest(
                prompt, template, templateValues, channels, tone, length, count, Optional.ofNullable(value), generator);
    }

    /**
     * This request for a generator.
     *
     * @param key the generator's key
     * @return the changed copy
     */
    public GenerationRequest usingGenerator(String key) {
        return new GenerationRequest(
                prompt, template, templateValues, channels, tone, length, count, post, Optional.ofNullable(key));
    }
}
