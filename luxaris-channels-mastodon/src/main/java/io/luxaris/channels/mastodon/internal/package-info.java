/** Implementation of the Mastodon channel; not exported. */
@NullMarked
package io.luxaris.channels.mastodon.internal;

import org.jspecify.annotations.NullMarked;
