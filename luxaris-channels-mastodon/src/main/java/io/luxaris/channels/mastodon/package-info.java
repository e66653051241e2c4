/**
 * The Mastodon channel: {@link io.luxaris.channels.mastodon.MastodonChannel} (the provider), {@link
 * io.luxaris.channels.mastodon.MastodonOAuth} (app registration, authorization code with PKCE, token exchange),
 * {@link io.luxaris.channels.mastodon.MastodonPostOptions} (visibility, content warning, language) and {@link
 * io.luxaris.channels.mastodon.MastodonInstance} (what an instance accepts).
 */
@NullMarked
package io.luxaris.channels.mastodon;

import org.jspecify.annotations.NullMarked;
