package io.luxaris.usecase;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.PostVariant;
import io.luxaris.internal.Args;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * New content of a variant (replaces every field). With {@code expectedVersion} the update fails with a {@code
 * ConflictException} if someone changed the variant since that version was read.
 */
public record VariantUpdate(
        String content,
        List<String> thread,
        List<MediaRef> media,
        Optional<String> tone,
        Optional<ConnectionId> connection,
        Map<String, String> metadata,
        OptionalLong expectedVersion) {
    public VariantUpdate {
        thread = Args.snapshot(thread);
        media = Args.snapshot(media);
        tone = tone == null ? Optional.empty() : tone;
        connection = connection == null ? Optional.empty() : connection;
        metadata = Args.snapshot(metadata);
        expectedVersion = expectedVersion == null ? OptionalLong.empty() : expectedVersion;
    }

    /** Starts from the variant as it is, so only what you change differs. */
    public static VariantUpdate from(PostVariant variant) {
        return new VariantUpdate(
                variant.content(),
                variant.thread(),
                variant.media(),
                variant.tone(),
                variant.connectionId(),
                variant.metadata(),
                OptionalLong.of(variant.version()));
    }

    public VariantUpdate withContent(String value) {
        return new VariantUpdate(value, thread, media, tone, connection, metadata, expectedVersion);
    }

    public VariantUpdate withThread(List<String> value) {
        return new VariantUpdate(content, value, media, tone, connection, metadata, expectedVersion);
    }

    public VariantUpdate withMedia(List<MediaRef> value) {
        return new VariantUpdate(content, thread, value, tone, connection, metadata, expectedVersion);
    }
}
