/**
 * The lifecycle {@link io.luxaris.events.LuxarisEvent events} an instance reports and the
 * {@link io.luxaris.events.LuxarisListener listener} a host registers to react to them.
 */
@NullMarked
package io.luxaris.events;

import org.jspecify.annotations.NullMarked;
