/**
 * The implementations of the use-case interfaces of {@link io.luxaris.usecase}, built by {@link io.luxaris.Luxaris}.
 * Internal: not exported by the module descriptor.
 */
@NullMarked
package io.luxaris.internal.usecase;

import org.jspecify.annotations.NullMarked;
