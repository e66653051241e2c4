/**
 * Small argument, copy and id helpers shared by the domain, the SPIs and the implementation. A leaf package (it
 * depends on nothing else of Luxaris, so every other package may use it) and not exported: hosts and plugins do not
 * see it.
 */
@NullMarked
package io.luxaris.util;

import org.jspecify.annotations.NullMarked;
