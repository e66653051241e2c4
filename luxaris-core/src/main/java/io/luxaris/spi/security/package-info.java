/**
 * Security hooks: the host's {@link io.luxaris.spi.security.AccessPolicy}, the
 * {@link io.luxaris.spi.security.SecretCipher} of credentials at rest, and {@link io.luxaris.spi.security.Redaction}
 * of secrets in stored, logged and shown text.
 */
@NullMarked
package io.luxaris.spi.security;

import org.jspecify.annotations.NullMarked;
