/** Micrometer metrics and observations of the Luxaris publishing engine. */
@NullMarked
package io.luxaris.micrometer;

import org.jspecify.annotations.NullMarked;
