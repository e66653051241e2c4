/**
 * The generation SPI: a {@link io.luxaris.spi.generation.GeneratorProvider} creates the
 * {@link io.luxaris.spi.generation.SuggestionGenerator} that turns a prompt for one channel into candidate texts.
 */
@NullMarked
package io.luxaris.spi.generation;

import org.jspecify.annotations.NullMarked;
