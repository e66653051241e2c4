/** The shared HTTP layer of the OkHttp adapters; exported to them only. */
@NullMarked
package io.luxaris.http.internal;

import org.jspecify.annotations.NullMarked;
