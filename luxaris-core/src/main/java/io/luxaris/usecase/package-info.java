/** One class per use-case area, reached through the {@link io.luxaris.Luxaris} facade, and their input records. */
@NullMarked
package io.luxaris.usecase;

import org.jspecify.annotations.NullMarked;
