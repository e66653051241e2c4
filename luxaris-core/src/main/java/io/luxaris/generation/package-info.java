/** The built-in {@link io.luxaris.generation.OfflineGenerator}: suggestions without any network. */
@NullMarked
package io.luxaris.generation;

import org.jspecify.annotations.NullMarked;
