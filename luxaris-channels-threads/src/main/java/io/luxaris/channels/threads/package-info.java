/**
 * The Threads channel: {@link io.luxaris.channels.threads.ThreadsChannel} (the provider), {@link
 * io.luxaris.channels.threads.ThreadsOAuth} (authorization, long-lived tokens, refresh) and {@link
 * io.luxaris.channels.threads.ThreadsMediaUrls} (where Meta fetches images from).
 */
@NullMarked
package io.luxaris.channels.threads;

import org.jspecify.annotations.NullMarked;
