/** The Threads channel's implementation; not exported. */
@NullMarked
package io.luxaris.channels.threads.internal;

import org.jspecify.annotations.NullMarked;
