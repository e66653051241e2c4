/** See the Luxaris README for an overview. */
@NullMarked
package io.luxaris.spi.security;

import org.jspecify.annotations.NullMarked;
