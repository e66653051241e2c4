package io.luxaris.internal.usecase;

import io.luxaris.internal.Idempotency;
import io.luxaris.usecase.BulkItem;
import io.luxaris.usecase.BulkResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The stored form of a bulk result under an idempotency key: per item the created id or the violations. */
final class BulkReplay {
    private BulkReplay() {}

    static <T> String encode(BulkResult<T> result, Function<T, Object> id) {
        return Idempotency.encode(result.items().stream()
                .map(i -> i.created()
                        .map(value -> Idempotency.Item.created(id.apply(value)))
                        .orElseGet(() -> Idempotency.Item.rejected(i.violations())))
                .toList());
    }

    static <T> BulkResult<T> decode(String stored, Function<Idempotency.Item, T> load) {
        List<Idempotency.Item> items = Idempotency.decode(stored);
        var result = new ArrayList<BulkItem<T>>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Idempotency.Item item = items.get(i);
            result.add(
                    item.id().isPresent()
                            ? BulkItem.created(i, load.apply(item))
                            : BulkItem.rejected(i, item.violations()));
        }
        return new BulkResult<>(result);
    }
}
