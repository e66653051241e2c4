/**
 * The X channel: {@link io.luxaris.channels.x.XChannel} (the provider), {@link io.luxaris.channels.x.XOAuth2}
 * (authorization-code flow with PKCE), {@link io.luxaris.channels.x.XOAuth1} (request signing) and the keys of
 * {@link io.luxaris.channels.x.XCredentials}.
 */
@NullMarked
package io.luxaris.channels.x;

import org.jspecify.annotations.NullMarked;
