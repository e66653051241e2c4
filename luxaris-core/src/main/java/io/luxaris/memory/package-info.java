/** The built-in {@link io.luxaris.memory.InMemoryStorage}, the default storage. */
@NullMarked
package io.luxaris.memory;

import org.jspecify.annotations.NullMarked;
