/** See the Luxaris README for an overview. */
@NullMarked
package io.luxaris.spi.generation;

import org.jspecify.annotations.NullMarked;
