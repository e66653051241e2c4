package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.PageRequest;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.SecretCipher;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.usecase.BulkResult;
import io.luxaris.usecase.PostDetails;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.PostQuery;
import io.luxaris.usecase.VariantDraft;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code posts().createAll} on PostgreSQL with batches of 1,000 drafts (two variants and two tags each): every post
 * is stored with its variants and tags. Prints the posts per second it reached (informative only, not asserted).
 */
class CreateAllThroughputTest {
    private static final Principal PRODUCER = Principal.of("producer");
    private static final int BATCH = 1_000;
    private static final int BATCHES = 4;

    @Test
    void createAll_storesEveryPostOfLargeBatches() {
        try (ContractDatabase database = new ContractDatabase(TestDatabase.Kind.POSTGRESQL);
                Luxaris luxaris = Luxaris.builder()
                        .storage(database.emptied())
                        .secretCipher(SecretCipher.ephemeral())
                        .channel(ScriptedChannel.create("fake"))
                        .channel(ScriptedChannel.create("other"))
                        .build()) {
            luxaris.posts().createAll(PRODUCER, drafts(-1)); // warm-up
            long started = System.nanoTime();
            var created = new ArrayList<PostDetails>();
            for (int b = 0; b < BATCHES; b++) {
                BulkResult<PostDetails> result = luxaris.posts().createAll(PRODUCER, drafts(b));
                assertThat(result.rejected()).isEmpty();
                created.addAll(result.created());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "createAll on PostgreSQL: %d batches of %d posts (2 variants, 2 tags each): %.0f posts/s%n",
                    BATCHES, BATCH, BATCHES * BATCH / seconds);

            assertThat(created).hasSize(BATCHES * BATCH);
            for (PostDetails d : List.of(created.get(0), created.get(created.size() - 1))) {
                PostDetails stored = luxaris.posts().get(PRODUCER, d.post().id());
                assertThat(stored.post().baseContent()).isEqualTo(d.post().baseContent());
                assertThat(stored.post().tags()).isEqualTo(d.post().tags());
                assertThat(stored.variants())
                        .extracting(v -> v.id() + " " + v.channelId() + " " + v.content())
                        .containsExactlyInAnyOrderElementsOf(d.variants().stream()
                                .map(v -> v.id() + " " + v.channelId() + " " + v.content())
                                .toList());
            }
            String lastTag = "batch-" + (BATCHES - 1);
            var page = luxaris.posts()
                    .list(
                            PRODUCER,
                            PostQuery.all().withTag(lastTag).withPage(PageRequest.first(PageRequest.MAX_LIMIT)));
            assertThat(page.items()).hasSize(PageRequest.MAX_LIMIT);
            assertThat(page.items()).allSatisfy(p -> assertThat(p.tags()).contains("bulk", lastTag));
        }
    }

    private static List<PostDraft> drafts(int batch) {
        var drafts = new ArrayList<PostDraft>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            String text = "post " + batch + "." + i;
            drafts.add(PostDraft.of(text)
                    .withTags("bulk", "batch-" + batch)
                    .withVariant(VariantDraft.of("fake", text))
                    .withVariant(VariantDraft.of("other", text + " (other)")));
        }
        return drafts;
    }
}
