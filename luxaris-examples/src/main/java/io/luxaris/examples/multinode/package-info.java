/** The multi-node demo: several engines on one PostgreSQL database publish every schedule exactly once. */
@NullMarked
package io.luxaris.examples.multinode;

import org.jspecify.annotations.NullMarked;
