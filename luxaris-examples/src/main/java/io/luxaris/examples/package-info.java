/** Runnable examples of Luxaris: the quickstart, an outbox channel plugin and a multi-node demo. */
package io.luxaris.examples;
