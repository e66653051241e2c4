/**
 * Luxaris storage in SQL databases: {@link io.luxaris.jdbc.JdbcStorage} (PostgreSQL, MariaDB/MySQL, H2) and
 * {@link io.luxaris.jdbc.TinkSecretCipher} for credentials at rest.
 */
@NullMarked
package io.luxaris.jdbc;

import org.jspecify.annotations.NullMarked;
