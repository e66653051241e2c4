package io.luxaris.jdbc.internal;

import io.luxaris.spi.security.OwnerScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlStatement;

/** A statement assembled from fragments, with its bindings (for queries whose shape depends on the input). */
final class Sql {
    private static final int PAD_STEP = 512;

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

    /**
     * Appends {@code (:name0, :name1, ...)} bound to the values; the collection must not be empty. The list is padded
     * with its last value to {@link #paddedSize} entries, so that lists of different lengths share a few statement
     * texts: Jdbi parses, and the driver prepares, each text once instead of once per length.
     */
    Sql in(String name, Collection<Argument> values) {
        return list(name, values, this::bind);
    }

    /** {@link #in} for strings. */
    Sql inStrings(String name, Collection<String> values) {
        return list(name, values, this::bind);
    }

    private <T> Sql list(String name, Collection<T> values, BiConsumer<String, T> binder) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs values");
        }
        text.append('(');
        List<T> list = List.copyOf(values);
        int size = paddedSize(list.size());
        for (int i = 0; i < size; i++) {
            // padded with the last value: a value twice in an IN list changes nothing
            parameter(name, i, list.get(Math.min(i, list.size() - 1)), binder);
        }
        text.append(')');
        return this;
    }

    private <T> void parameter(String name, int i, T value, BiConsumer<String, T> binder) {
        if (i > 0) {
            text.append(", ");
        }
        String param = name + i;
        text.append(':').append(param);
        binder.accept(param, value);
    }

    /** The length an IN list of {@code n} values is padded to: the next power of two, past 512 a multiple of 512. */
    static int paddedSize(int n) {
        if (n <= PAD_STEP) {
            return Integer.highestOneBit(n) == n ? n : Integer.highestOneBit(n) << 1;
        }
        return (n + PAD_STEP - 1) / PAD_STEP * PAD_STEP;
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
