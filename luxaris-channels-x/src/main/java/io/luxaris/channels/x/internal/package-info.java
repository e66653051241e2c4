/** Implementation of the X channel; not exported. */
@NullMarked
package io.luxaris.channels.x.internal;

import org.jspecify.annotations.NullMarked;
