/** The core's internals shared by its use cases: validation, idempotency, templates and the runtime. Not API: the module does not export it. */
@NullMarked
package io.luxaris.internal;

import org.jspecify.annotations.NullMarked;
