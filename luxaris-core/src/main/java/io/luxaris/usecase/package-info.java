/**
 * One interface per use-case area, reached through the {@link io.luxaris.Luxaris} facade, and their input and result
 * records. The implementations are internal (not exported) and built by the facade.
 */
@NullMarked
package io.luxaris.usecase;

import org.jspecify.annotations.NullMarked;
