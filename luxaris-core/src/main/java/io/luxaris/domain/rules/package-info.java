/**
 * Pure domain rules: content length, horizon and DST, connection validity, rate limits, retries, lateness and the
 * post status derived from schedules.
 *
 * <p>Exported. {@link io.luxaris.domain.rules.SchedulingRules} with its {@link io.luxaris.domain.rules.RetryPolicy}
 * and {@link io.luxaris.domain.rules.DstGapPolicy} is what a host configures with {@code Luxaris.builder().rules(...)};
 * the rule objects are stateless functions of domain values, without I/O, so a host, a plugin or a test can check
 * content or derive a status exactly as the use cases do. The lifecycle transition table the domain records enforce
 * is {@link io.luxaris.domain.Lifecycle}, in the domain itself: the domain does not depend on this package.
 */
@NullMarked
package io.luxaris.domain.rules;

import org.jspecify.annotations.NullMarked;
