/**
 * The exception hierarchy of Luxaris, rooted at {@link io.luxaris.errors.LuxarisException}: validation (with its
 * {@link io.luxaris.errors.Violation violations}), not found, access denied, conflict and storage failures. A leaf
 * package: it depends on nothing else of Luxaris.
 */
@NullMarked
package io.luxaris.errors;

import org.jspecify.annotations.NullMarked;
