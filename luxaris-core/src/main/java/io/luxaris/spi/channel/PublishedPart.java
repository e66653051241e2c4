package io.luxaris.spi.channel;

import io.luxaris.util.Args;
import java.util.Map;

/**
 * A part already on the platform that a follow-up hangs on: the post id its publish returned and the checkpoint its
 * publisher left (where an adapter keeps what a reply needs besides the id, such as the last thread part's id or a
 * content hash).
 *
 * @param externalId the platform's id of the published post
 * @param checkpoint the checkpoint its publish left
 */
public record PublishedPart(String externalId, Map<String, String> checkpoint) {
    /**
     * Checks the components and copies the checkpoint.
     *
     * @param externalId the platform's id of the published post
     * @param checkpoint the checkpoint its publish left
     * @throws IllegalArgumentException when the id is blank
     */
    public PublishedPart {
        Args.nonBlank(externalId, "externalId");
        checkpoint = Args.orderedCopy(checkpoint, "checkpoint");
    }
}
