/** See the Luxaris README for an overview. */
@NullMarked
package io.luxaris.spi.channel;

import org.jspecify.annotations.NullMarked;
