package io.luxaris.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class SqlTest {

    @Test
    void inLists_arePaddedToAPowerOfTwo_andPast512ToAMultipleOf512() {
        assertThat(IntStream.of(1, 2, 3, 4, 5, 31, 32, 33, 100, 500, 512, 513, 1024, 1025, 10_000)
                        .map(Sql::paddedSize)
                        .toArray())
                .containsExactly(1, 2, 4, 4, 8, 32, 32, 64, 128, 512, 512, 1024, 1024, 1536, 10_240);
    }

    @Test
    void listsOfDifferentLengths_shareAFewStatementTexts() {
        var texts = new HashSet<String>();
        for (int n = 1; n <= 500; n++) {
            List<String> values = IntStream.range(0, n).mapToObj(i -> "v" + i).toList();
            texts.add(new Sql("SELECT 1 WHERE x IN ").inStrings("x", values).text());
        }
        assertThat(texts).hasSize(10); // 1, 2, 4, ..., 512
    }

    @Test
    void thePaddingRepeatsTheLastValue_andFindsTheSameRows() {
        var sql = new Sql("SELECT X FROM SYSTEM_RANGE(1, 10) WHERE CAST(X AS VARCHAR) IN ")
                .inStrings("x", List.of("2", "5", "7"))
                .append(" ORDER BY X");
        assertThat(sql.text()).endsWith("IN (:x0, :x1, :x2, :x3) ORDER BY X");

        List<Long> found = Jdbi.create("jdbc:h2:mem:sql-test")
                .withHandle(h ->
                        sql.bindTo(h.createQuery(sql.text())).mapTo(Long.class).list());

        assertThat(found).containsExactly(2L, 5L, 7L);
    }

    @Test
    void anEmptyList_isRefused() {
        assertThatThrownBy(() -> new Sql("x IN ").inStrings("x", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs values");
    }
}
