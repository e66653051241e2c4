/** Testing support for hosts and plugin authors: storage and channel contracts, scripted fakes, a settable clock. */
@NullMarked
package io.luxaris.testkit;

import org.jspecify.annotations.NullMarked;
