/** The SQL behind {@link io.luxaris.jdbc.JdbcStorage}: repositories, dialects, migrations and row mapping. Not API: the module does not export it. */
@NullMarked
package io.luxaris.jdbc.internal;

import org.jspecify.annotations.NullMarked;
