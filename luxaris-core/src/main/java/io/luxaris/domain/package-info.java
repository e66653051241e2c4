/** Entities (immutable records), typed ids, statuses and value objects of the Posts &amp; Scheduling context. */
@NullMarked
package io.luxaris.domain;

import org.jspecify.annotations.NullMarked;
