/**
 * The Bluesky channel: {@link io.luxaris.channels.bluesky.BlueskyChannel} (the provider), the credential keys and
 * factories of {@link io.luxaris.channels.bluesky.BlueskyCredentials}, and the dry-run {@link
 * io.luxaris.channels.bluesky.BlueskyRequestPreview}.
 */
@NullMarked
package io.luxaris.channels.bluesky;

import org.jspecify.annotations.NullMarked;
