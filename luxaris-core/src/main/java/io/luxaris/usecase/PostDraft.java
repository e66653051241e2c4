package io.luxaris.usecase;

import io.luxaris.internal.Args;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A new post: optional title, base content (not blank), tags, metadata, and the variants to create with it, in
 * order (a post has any number of variants; each {@link #withVariant} adds one). The post and all its variants are
 * created together, or nothing is.
 */
public record PostDraft(
        Optional<String> title,
        String baseContent,
        List<String> tags,
        Map<String, String> metadata,
        List<VariantDraft> variants) {
    public PostDraft {
        title = title == null ? Optional.empty() : title;
        tags = Args.snapshot(tags);
        metadata = Args.snapshot(metadata);
        variants = Args.snapshot(variants);
    }

    public static PostDraft of(String baseContent) {
        return new PostDraft(Optional.empty(), baseContent, List.of(), Map.of(), List.of());
    }

    /** This draft with a title; null means none. */
    public PostDraft withTitle(String value) {
        return new PostDraft(Optional.ofNullable(value), baseContent, tags, metadata, variants);
    }

    public PostDraft withTags(List<String> value) {
        return new PostDraft(title, baseContent, value, metadata, variants);
    }

    public PostDraft withTags(String... value) {
        return withTags(value == null ? null : java.util.Arrays.asList(value));
    }

    public PostDraft withMetadata(Map<String, String> value) {
        return new PostDraft(title, baseContent, tags, value, variants);
    }

    /** This draft with one more variant (after those added before, which are kept). */
    public PostDraft withVariant(VariantDraft value) {
        var more = new ArrayList<>(variants);
        more.add(value);
        return new PostDraft(title, baseContent, tags, metadata, more);
    }
}
