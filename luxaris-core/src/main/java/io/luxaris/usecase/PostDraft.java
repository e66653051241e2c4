package io.luxaris.usecase;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A new post: optional title, base content, tags, metadata and optionally its first variant. */
public record PostDraft(
        Optional<String> title,
        String baseContent,
        List<String> tags,
        Map<String, String> metadata,
        Optional<VariantDraft> firstVariant) {
    public PostDraft {
        title = title == null ? Optional.empty() : title;
        tags = tags == null ? List.of() : tags;
        metadata = metadata == null ? Map.of() : metadata;
        firstVariant = firstVariant == null ? Optional.empty() : firstVariant;
    }

    public static PostDraft of(String baseContent) {
        return new PostDraft(Optional.empty(), baseContent, List.of(), Map.of(), Optional.empty());
    }

    public PostDraft withTitle(String value) {
        return new PostDraft(Optional.of(value), baseContent, tags, metadata, firstVariant);
    }

    public PostDraft withTags(List<String> value) {
        return new PostDraft(title, baseContent, value, metadata, firstVariant);
    }

    public PostDraft withTags(String... value) {
        return withTags(List.of(value));
    }

    public PostDraft withMetadata(Map<String, String> value) {
        return new PostDraft(title, baseContent, tags, value, firstVariant);
    }

    public PostDraft withVariant(VariantDraft value) {
        return new PostDraft(title, baseContent, tags, metadata, Optional.of(value));
    }
}
