/** Runnable examples of Luxaris: the quickstart, an outbox channel plugin and a multi-node demo. */
@NullMarked
package io.luxaris.examples;

import org.jspecify.annotations.NullMarked;
