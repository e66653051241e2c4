/** Pure domain rules: lifecycles, content length, horizon and DST, connection validity, rate limits, retries. */
@NullMarked
package io.luxaris.domain.rules;

import org.jspecify.annotations.NullMarked;
