/**
 * The LinkedIn channel: {@link io.luxaris.channels.linkedin.LinkedInChannel} (the provider, key {@code linkedin}),
 * {@link io.luxaris.channels.linkedin.LinkedInText} (commentary with mentions and hashtags, escaped for LinkedIn's
 * little-text format) and {@link io.luxaris.channels.linkedin.LinkedInOAuth} (3-legged OAuth helpers). The
 * implementation is in {@code io.luxaris.channels.linkedin.internal}, which the module does not export.
 */
@NullMarked
package io.luxaris.channels.linkedin;

import org.jspecify.annotations.NullMarked;
