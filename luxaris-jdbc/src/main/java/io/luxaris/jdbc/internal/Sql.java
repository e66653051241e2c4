package io.luxaris.jdbc.internal;

import io.luxaris.spi.security.OwnerScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlStatement;

/** A statement assembled from fragments, with its bindings (for queries whose shape depends on the input). */
final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Consumer<SqlStatement<?>>> bindings = new ArrayList<>();

    Sql(String start) {
        text.append(start);
    }

    Sql append(String fragment) {
        text.append(fragment);
        return this;
    }

    Sql bind(String name, Argument value) {
        bindings.add(s -> s.bind(name, value));
        return this;
    }

    Sql bind(String name, String value) {
        bindings.add(s -> s.bind(name, value));
        return this;
    }

    Sql bind(String name, int value) {
        bindings.add(s -> s.bind(name, value));
        return this;
    }

    /** Appends {@code (:name0, :name1, ...)} bound to the values; the collection must not be empty. */
    Sql in(String name, Collection<Argument> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs values");
        }
        text.append('(');
        int i = 0;
        for (Argument value : values) {
            if (i > 0) {
                text.append(", ");
            }
            String param = name + i;
            text.append(':').append(param);
            bind(param, value);
            i++;
        }
        text.append(')');
        return this;
    }

    /** Appends {@code (:name0, ...)} bound to the strings; the collection must not be empty. */
    Sql inStrings(String name, Collection<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs values");
        }
        text.append('(');
        int i = 0;
        for (String value : values) {
            if (i > 0) {
                text.append(", ");
            }
            String param = name + i;
            text.append(':').append(param);
            bind(param, value);
            i++;
        }
        text.append(')');
        return this;
    }

    /** Appends {@code AND <column> IN (...)} for a restricted scope, {@code AND 1 = 0} for an empty one. */
    Sql owners(String column, OwnerScope scope) {
        if (scope instanceof OwnerScope.Only only) {
            if (only.owners().isEmpty()) {
                text.append(" AND 1 = 0");
            } else {
                text.append(" AND ").append(column).append(" IN ");
                inStrings("owner", only.owners().stream().sorted().toList());
            }
        }
        return this;
    }

    String text() {
        return text.toString();
    }

    <S extends SqlStatement<S>> S bindTo(S statement) {
        bindings.forEach(b -> b.accept(statement));
        return statement;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
