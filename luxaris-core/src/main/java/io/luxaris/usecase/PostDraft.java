package io.luxaris.usecase;

import io.luxaris.util.Args;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A new post: optional title, base content (not blank), tags, metadata, and the variants to create with it, in order (a
 * post has any number of variants; each {@link #withVariant} adds one). The post and all its variants are created
 * together, or nothing is.
 *
 * @param title the internal title
 * @param baseContent the channel-agnostic text
 * @param tags the tags
 * @param metadata the host's facts
 * @param variants the variants to create with it
 */
public record PostDraft(
        Optional<String> title,
        String baseContent,
        List<String> tags,
        Map<String, String> metadata,
        List<VariantDraft> variants) {
    /**
     * Takes snapshots of the collections; nulls mean empty.
     *
     * @param title the internal title
     * @param baseContent the channel-agnostic text
     * @param tags the tags
     * @param metadata the host's facts
     * @param variants the variants to create with it
     */
    public PostDraft {
        title = title == null ? Optional.empty() : title;
        tags = Args.snapshot(tags);
        metadata = Args.snapshot(metadata);
        variants = Args.snapshot(variants);
    }

    /**
     * A post with base content alone.
     *
     * @param baseContent the channel-agnostic text
     * @return the draft
     */
    public static PostDraft of(String baseContent) {
        return new PostDraft(Optional.empty(), baseContent, List.of(), Map.of(), List.of());
    }

    /**
     * This draft with a title; null means none.
     *
     * @param value the title
     * @return the changed copy
     */
    public PostDraft withTitle(String value) {
        return new PostDraft(Optional.ofNullable(value), baseContent, tags, metadata, variants);
    }

    /**
     * This draft with tags.
     *
     * @param value the tags
     * @return the changed copy
     */
    public PostDraft withTags(List<String> value) {
        return new PostDraft(title, baseContent, value, metadata, variants);
    }

    /**
     * This draft with tags.
     *
     * @param value the tags
     * @return the changed copy
     */
    public PostDraft withTags(String... value) {
        return withTags(value == null ? List.of() : java.util.Arrays.asList(value));
    }

    /**
     * This draft with metadata.
     *
     * @param value the host's facts
     * @return the changed copy
     */
    public PostDraft withMetadata(Map<String, String> value) {
        return new PostDraft(title, baseContent, tags, value, variants);
    }

    /**
     * This draft with one more variant (after those added before, which are kept).
     *
     * @param value the variant
     * @return the changed copy
     */
    public PostDraft withVariant(VariantDraft value) {
        var more = new ArrayList<>(variants);
        more.add(value);
        return new PostDraft(title, baseContent, tags, metadata, more);
    }
}
