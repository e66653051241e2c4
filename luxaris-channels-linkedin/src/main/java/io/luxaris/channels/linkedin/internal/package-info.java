/** Implementation of the LinkedIn channel; not exported. */
@NullMarked
package io.luxaris.channels.linkedin.internal;

import org.jspecify.annotations.NullMarked;
