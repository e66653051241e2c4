/** The {@link io.luxaris.Luxaris} entry point, principals, events and the exception hierarchy. */
@NullMarked
package io.luxaris;

import org.jspecify.annotations.NullMarked;
