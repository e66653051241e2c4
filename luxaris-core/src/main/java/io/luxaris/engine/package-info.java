/** The default publishing engine: the coordinator loop, claims within the concurrency limits, calls with timeouts and the outbox of outcomes. Not API: the module does not export it. */
@NullMarked
package io.luxaris.engine;

import org.jspecify.annotations.NullMarked;
