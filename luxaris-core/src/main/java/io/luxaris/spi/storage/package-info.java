/** See the Luxaris README for an overview. */
@NullMarked
package io.luxaris.spi.storage;

import org.jspecify.annotations.NullMarked;
