/**
 * The {@link io.luxaris.Luxaris} entry point, the one type of this package. Exceptions are in
 * {@link io.luxaris.errors}, events in {@link io.luxaris.events}, the principal in {@link io.luxaris.spi.security}.
 */
@NullMarked
package io.luxaris;

import org.jspecify.annotations.NullMarked;
