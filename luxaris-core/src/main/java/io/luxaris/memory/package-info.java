/** See the Luxaris README for an overview. */
@NullMarked
package io.luxaris.memory;

import org.jspecify.annotations.NullMarked;
