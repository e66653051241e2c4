/**
 * The publishing engine: claim, dispatch, complete, reap. Internal: not exported by the module descriptor (hosts
 * control it through {@link io.luxaris.usecase.Publishing} and replace it through {@link io.luxaris.spi.engine}), and
 * under {@code io.luxaris.internal} so that its name says so.
 */
@NullMarked
package io.luxaris.internal.engine;

import org.jspecify.annotations.NullMarked;
