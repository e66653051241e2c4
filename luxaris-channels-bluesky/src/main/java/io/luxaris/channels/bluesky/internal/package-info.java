/** Implementation of the Bluesky channel; not exported. */
@NullMarked
package io.luxaris.channels.bluesky.internal;

import org.jspecify.annotations.NullMarked;
