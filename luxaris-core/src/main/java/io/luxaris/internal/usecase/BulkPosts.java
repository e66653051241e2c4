package io.luxaris.internal.usecase;

import io.luxaris.domain.MediaRef;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.VariantSource;
import io.luxaris.errors.AccessDeniedException;
import io.luxaris.errors.NotFoundException;
import io.luxaris.errors.ValidationException;
import io.luxaris.internal.CoreRuntime;
import io.luxaris.internal.Idempotency;
import io.luxaris.internal.Validation;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.ResourceType;
import io.luxaris.spi.storage.Transaction;
import io.luxaris.usecase.BulkItem;
import io.luxaris.usecase.BulkResult;
import io.luxaris.usecase.IdempotencyKey;
import io.luxaris.usecase.PostDetails;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.Posts;
import io.luxaris.usecase.VariantDraft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@link Posts#createAll}: every draft checked like a single post (reads only), then the valid ones written in one
 * transaction; an invalid draft writes nothing.
 */
final class BulkPosts {
    static final String OPERATION = "posts.createAll";

    private final CoreRuntime rt;
    private final DefaultPosts posts;

    public BulkPosts(CoreRuntime rt, DefaultPosts posts) {
        this.rt = rt;
        this.posts = posts;
    }

    BulkResult<PostDetails> createAll(Principal principal, List<PostDraft> drafts, Optional<IdempotencyKey> key) {
        rt.requireCreate(principal, ResourceType.POST);
        BulkScheduling.checkSize(drafts, "drafts");
        Optional<String> fingerprint = key.map(k -> fingerprint(OPERATION, drafts));
        return rt.storage().inTransaction(tx -> {
            if (key.isPresent()) {
                Optional<String> first =
                        Idempotency.claim(rt, tx, principal, key.get().value(), OPERATION, fingerprint.orElseThrow());
                if (first.isPresent()) {
                    return BulkReplay.decode(first.get(), item -> details(tx, item));
                }
            }
            Instant now = rt.now();
            var items = new ArrayList<BulkItem<PostDetails>>(drafts.size());
            var newPosts = new ArrayList<Post>(drafts.size());
            var newVariants = new ArrayList<PostVariant>();
            for (int i = 0; i < drafts.size(); i++) {
                var v = Validation.start();
                PostDetails details = checked(tx, principal, drafts.get(i), now, v);
                if (details == null) {
                    items.add(BulkItem.rejected(i, v.violations()));
                    continue;
                }
                newPosts.add(details.post());
                newVariants.addAll(details.variants());
                items.add(BulkItem.created(i, details));
            }
            // one batch each on stores that batch (the checks above read nothing the new posts change)
            tx.posts().insertAll(newPosts);
            tx.variants().insertAll(newVariants);
            var result = new BulkResult<>(items);
            key.ifPresent(k -> Idempotency.complete(tx, principal, k.value(), BulkReplay.encode(result, d -> d.post()
                    .id()
                    .value())));
            return result;
        });
    }

    /** The post and variants the draft makes, checked and not yet stored; null with the violations in {@code v}. */
    private @Nullable PostDetails checked(
            Transaction tx, Principal principal, PostDraft draft, Instant now, Validation v) {
        if (draft == null) {
            v.add("draft", "required", "is required");
            return null;
        }
        DefaultPosts.validatePost(v, draft.title(), draft.baseContent(), draft.tags(), draft.metadata());
        for (int j = 0; j < draft.variants().size(); j++) {
            if (draft.variants().get(j) == null) {
                v.add("variants[" + j + "]", "required", "is required");
            }
        }
        if (!v.ok()) {
            return null;
        }
        Post post = Post.draft(
                principal.id(),
                draft.title().map(String::strip),
                draft.baseContent(),
                DefaultPosts.tags(draft.tags()),
                draft.metadata(),
                now);
        var variants = new ArrayList<PostVariant>();
        for (int j = 0; j < draft.variants().size(); j++) {
            String prefix = "variants[" + j + "]";
            try {
                variants.add(posts.validatedVariant(
                        tx, principal, post.id(), draft.variants().get(j), VariantSource.MANUAL, prefix, now));
            } catch (ValidationException e) {
                v.addAll(e.violations());
            } catch (NotFoundException e) {
                v.add(prefix + ".connection", "not_found", String.valueOf(e.getMessage()));
            } catch (AccessDeniedException e) {
                v.add(prefix + ".connection", "access_denied", String.valueOf(e.getMessage()));
            }
        }
        return v.ok() ? new PostDetails(post, variants) : null;
    }

    static String fingerprint(String operation, List<PostDraft> drafts) {
        var f = Idempotency.fingerprint(operation).add(drafts.size());
        for (PostDraft d : drafts) {
            if (d == null) {
                f.add((Object) null);
                continue;
            }
            f.add(d.title()).add(d.baseContent()).addAll(d.tags()).add(d.metadata());
            f.add(d.variants().size());
            for (VariantDraft vd : d.variants()) {
                if (vd == null) {
                    f.add((Object) null);
                    continue;
                }
                f.add(vd.channel()).add(vd.connection()).add(vd.content()).addAll(vd.thread());
                f.add(vd.followUps().size());
                for (io.luxaris.domain.FollowUp u : vd.followUps()) {
                    f.add(u == null ? null : u.kind()).add(u == null ? null : u.text());
                    f.add(u == null ? null : u.delay());
                }
                f.add(vd.media().size());
                for (MediaRef m : vd.media()) {
                    f.add(m == null ? null : m.kind()).add(m == null ? null : m.ref());
                    f.add(m == null ? Optional.empty() : m.altText());
                }
                f.add(vd.tone()).add(vd.metadata());
            }
        }
        return f.hash();
    }

    /** The post (with its variants, as they are now) that a call with an idempotency key created first. */
    static PostDetails details(Transaction tx, Idempotency.Item item) {
        PostId id = new PostId(UUID.fromString(item.id().orElseThrow()));
        Post post = tx.posts().find(id).orElseThrow(() -> new NotFoundException("post", id));
        return new PostDetails(post, tx.variants().listByPost(id));
    }
}
