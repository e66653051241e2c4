/** See the Luxaris README for an overview. */
@NullMarked
package io.luxaris.generation;

import org.jspecify.annotations.NullMarked;
