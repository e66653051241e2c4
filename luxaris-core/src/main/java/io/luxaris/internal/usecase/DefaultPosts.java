package io.luxaris.internal.usecase;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Cursor;
import io.luxaris.domain.Limits;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.Page;
import io.luxaris.domain.PageRequest;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantSource;
import io.luxaris.domain.VariantStatus;
import io.luxaris.errors.ConflictException;
import io.luxaris.errors.NotFoundException;
import io.luxaris.errors.ValidationException;
import io.luxaris.errors.Violation;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.internal.CoreRuntime;
import io.luxaris.internal.Idempotency;
import io.luxaris.internal.PostStatusSync;
import io.luxaris.internal.RegisteredChannel;
import io.luxaris.internal.Validation;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.ResourceType;
import io.luxaris.spi.storage.PostCriteria;
import io.luxaris.spi.storage.Transaction;
import io.luxaris.usecase.BulkResult;
import io.luxaris.usecase.IdempotencyKey;
import io.luxaris.usecase.PostDetails;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.PostQuery;
import io.luxaris.usecase.PostUpdate;
import io.luxaris.usecase.Posts;
import io.luxaris.usecase.VariantDraft;
import io.luxaris.usecase.VariantUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** The {@link Posts} of an instance, built by the facade. */
public final class DefaultPosts implements Posts {
    private final CoreRuntime rt;

    public DefaultPosts(CoreRuntime rt) {
        this.rt = Objects.requireNonNull(rt, "rt");
    }

    @Override
    public PostDetails create(Principal principal, PostDraft draft) {
        return create(principal, draft, Optional.empty());
    }

    @Override
    public PostDetails create(Principal principal, PostDraft draft, IdempotencyKey key) {
        return create(principal, draft, Optional.of(Objects.requireNonNull(key, "key")));
    }

    @Override
    public BulkResult<PostDetails> createAll(Principal principal, List<PostDraft> drafts) {
        return new BulkPosts(rt, this).createAll(principal, drafts, Optional.empty());
    }

    @Override
    public BulkResult<PostDetails> createAll(Principal principal, List<PostDraft> drafts, IdempotencyKey key) {
        return new BulkPosts(rt, this).createAll(principal, drafts, Optional.of(Objects.requireNonNull(key, "key")));
    }

    private PostDetails create(Principal principal, PostDraft draft, Optional<IdempotencyKey> key) {
        rt.requireCreate(principal, ResourceType.POST);
        Objects.requireNonNull(draft, "draft");
        var v = Validation.start();
        validatePost(v, draft.title(), draft.baseContent(), draft.tags(), draft.metadata());
        for (int i = 0; i < draft.variants().size(); i++) {
            if (draft.variants().get(i) == null) {
                v.add("variants[" + i + "]", "required", "is required");
            }
        }
        v.throwIfInvalid();
        Instant now = rt.now();
        Post post = Post.draft(
                principal.id(),
                draft.title().map(String::strip),
                draft.baseContent(),
                tags(draft.tags()),
                draft.metadata(),
                now);
        Optional<String> fingerprint = key.map(k -> BulkPosts.fingerprint("posts.create", List.of(draft)));
        return rt.storage().inTransaction(tx -> {
            if (key.isPresent()) {
                Optional<String> first = Idempotency.claim(
                        rt, tx, principal, key.get().value(), "posts.create", fingerprint.orElseThrow());
                if (first.isPresent()) {
                    return BulkPosts.details(tx, Idempotency.decode(first.get()).get(0));
                }
            }
            tx.posts().insert(post);
            var variants = new ArrayList<PostVariant>();
            for (int i = 0; i < draft.variants().size(); i++) {
                variants.add(insertVariant(
                        tx,
                        principal,
                        post,
                        draft.variants().get(i),
                        VariantSource.MANUAL,
                        "variants[" + i + "]",
                        now));
            }
            key.ifPresent(k -> Idempotency.complete(
                    tx,
                    principal,
                    k.value(),
                    Idempotency.encode(
                            List.of(Idempotency.Item.created(post.id().value())))));
            return new PostDetails(post, variants);
        });
    }

    @Override
    public PostDetails get(Principal principal, PostId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        return rt.storage().readOnly(tx -> {
            Post post = readablePost(tx, principal, id);
            return new PostDetails(post, tx.variants().listByPost(id));
        });
    }

    @Override
    public Post update(Principal principal, PostId id, PostUpdate update) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(update, "update");
        var v = Validation.start();
        validatePost(v, update.title(), update.baseContent(), update.tags(), update.metadata());
        v.throwIfInvalid();
        return rt.storage().inTransaction(tx -> {
            Post post = writablePost(tx, principal, id);
            expectVersion("post", id, post.version(), update.expectedVersion());
            if (post.isArchived()) {
                throw new ConflictException("post " + id + " is archived and cannot change any more");
            }
            return tx.posts()
                    .update(post.withContent(
                            update.title().map(String::strip),
                            update.baseContent(),
                            tags(update.tags()),
                            update.metadata(),
                            rt.now()));
        });
    }

    @Override
    public Post archive(Principal principal, PostId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        var events = new ArrayList<LuxarisEvent>();
        Post archived = rt.storage().inTransaction(tx -> {
            Post post = writablePost(tx, principal, id);
            if (post.isArchived()) {
                return post;
            }
            Instant now = rt.now();
            for (Schedule s : tx.schedules().listByPost(id)) {
                if (s.status() == ScheduleStatus.PENDING
                        || s.status() == ScheduleStatus.QUEUED
                        || s.status() == ScheduleStatus.AWAITING_APPROVAL) {
                    Schedule cancelled = tx.schedules()
                            .update(s.withStatus(ScheduleStatus.CANCELLED, now).toBuilder()
                                    .lease(Optional.empty())
                                    .error(Optional.of("post_archived"), Optional.of("the post was archived"))
                                    .build());
                    events.add(new LuxarisEvent.Cancelled(now, cancelled));
                }
            }
            return tx.posts().update(tx.posts().find(id).orElseThrow().withStatus(PostStatus.ARCHIVED, now));
        });
        rt.events().publishAll(events);
        return archived;
    }

    @Override
    public Page<Post> list(Principal principal, PostQuery query) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(query, "query");
        var v = Validation.start();
        PageRequest page = query.page();
        v.range("page.limit", page.limit(), 1, PageRequest.MAX_LIMIT);
        Optional<Cursor> after = decodeCursor(v, page);
        query.tag().ifPresent(t -> v.maxLength("tag", t, Limits.TAG));
        noNulls(v, "statuses", query.statuses());
        v.throwIfInvalid();
        var scope = rt.access().readableOwners(principal, ResourceType.POST);
        var criteria = new PostCriteria(scope, query.statuses(), query.tag(), after, page.limit() + 1);
        List<Post> rows = rt.storage().readOnly(tx -> tx.posts().list(criteria));
        return page(rows, page.limit(), p -> new Cursor(p.createdAt(), p.id().value()));
    }

    @Override
    public PostVariant addVariant(Principal principal, PostId postId, VariantDraft draft) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(draft, "draft");
        return rt.storage().inTransaction(tx -> {
            Post post = writablePost(tx, principal, postId);
            return insertVariant(tx, principal, post, draft, VariantSource.MANUAL, "", rt.now());
        });
    }

    @Override
    public PostVariant variant(Principal principal, VariantId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        return rt.storage().readOnly(tx -> {
            PostVariant variant = tx.variants().find(id).orElseThrow(() -> new NotFoundException("variant", id));
            readablePost(tx, principal, variant.postId());
            return variant;
        });
    }

    @Override
    public PostVariant updateVariant(Principal principal, VariantId id, VariantUpdate update) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(update, "update");
        return rt.storage().inTransaction(tx -> {
            PostVariant variant = tx.variants().find(id).orElseThrow(() -> new NotFoundException("variant", id));
            Post post = writablePost(tx, principal, variant.postId());
            expectVersion("variant", id, variant.version(), update.expectedVersion());
            if (post.isArchived()) {
                throw new ConflictException("post " + post.id() + " is archived and cannot change any more");
            }
            if (variant.isPublished()) {
                throw new ConflictException("variant " + id + " is published; its content cannot change any more");
            }
            List<Schedule> schedules = tx.schedules().listByVariant(id);
            for (Schedule s : schedules) {
                if (s.status() == ScheduleStatus.QUEUED || s.status() == ScheduleStatus.PROCESSING) {
                    throw new ConflictException("variant " + id + " is being published right now; try again shortly");
                }
            }
            RegisteredChannel channel = rt.channel(variant.channelId())
                    .orElseThrow(() ->
                            new ConflictException("variant " + id + " is on a channel with no registered provider"));
            var v = Validation.start();
            validateVariantFields(
                    v, update.content(), update.thread(), update.media(), update.tone(), update.metadata(), "");
            update.followUps().ifPresent(f -> validateFollowUps(v, f, ""));
            v.throwIfInvalid();
            Optional<ChannelConnection> connection =
                    update.connection().map(cid -> usableConnection(tx, principal, cid, channel, "connection", v));
            v.throwIfInvalid();
            PostVariant changed = variant.withContent(
                    update.content(),
                    update.thread(),
                    update.followUps().orElse(variant.followUps()),
                    update.media(),
                    update.tone().map(String::strip),
                    update.connection(),
                    update.metadata(),
                    rt.now());
            v.addAll(channel.validate(changed, connection, ""));
            for (Schedule s : schedules) {
                if (s.status() == ScheduleStatus.PENDING || s.status() == ScheduleStatus.AWAITING_APPROVAL) {
                    ChannelConnection target = rt.connection(tx, s.connectionId());
                    for (Violation violation : channel.validate(changed, Optional.of(target), "")) {
                        if (!v.violations().contains(violation)) {
                            v.add(violation);
                        }
                    }
                }
            }
            v.throwIfInvalid();
            return tx.variants().update(changed);
        });
    }

    @Override
    public void deleteVariant(Principal principal, VariantId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        rt.storage().inTransaction(tx -> {
            PostVariant variant = tx.variants().find(id).orElseThrow(() -> new NotFoundException("variant", id));
            writablePost(tx, principal, variant.postId());
            if (!tx.schedules().listByVariant(id).isEmpty()) {
                throw new ConflictException(
                        "variant " + id + " has schedules; schedules are kept for the record, so it cannot be deleted");
            }
            tx.variants().delete(id);
            return null;
        });
    }

    @Override
    public List<Violation> check(Principal principal, VariantDraft draft) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(draft, "draft");
        var v = Validation.start();
        RegisteredChannel channel;
        try {
            channel = rt.requireChannel(draft.channel(), "channel");
        } catch (ValidationException e) {
            return e.violations();
        }
        validateVariantFields(v, draft.content(), draft.thread(), draft.media(), draft.tone(), draft.metadata(), "");
        validateFollowUps(v, draft.followUps(), "");
        if (!v.ok()) {
            return v.violations();
        }
        Optional<ChannelConnection> connection = rt.storage().readOnly(tx -> draft.connection()
                .map(cid -> usableConnection(tx, principal, cid, channel, "connection", v)));
        if (!v.ok()) {
            return v.violations();
        }
        Instant now = rt.now();
        PostVariant probe = newVariant(PostId.random(), channel, draft, VariantSource.MANUAL, now);
        v.addAll(channel.validate(probe, connection, ""));
        return v.violations();
    }

    // ---- shared with other use cases ----

    PostVariant insertVariant(
            Transaction tx,
            Principal principal,
            Post post,
            VariantDraft draft,
            VariantSource source,
            String prefix,
            Instant now) {
        if (post.isArchived()) {
            throw new ConflictException("post " + post.id() + " is archived and cannot change any more");
        }
        PostVariant variant = validatedVariant(tx, principal, post.id(), draft, source, prefix, now);
        tx.variants().insert(variant);
        return variant;
    }

    /** The variant the draft makes, checked and not yet stored. */
    PostVariant validatedVariant(
            Transaction tx,
            Principal principal,
            PostId postId,
            VariantDraft draft,
            VariantSource source,
            String prefix,
            Instant now) {
        var v = Validation.start();
        RegisteredChannel channel = null;
        try {
            channel = rt.requireChannel(draft.channel(), field(prefix, "channel"));
        } catch (ValidationException e) {
            v.addAll(e.violations());
        }
        validateVariantFields(
                v, draft.content(), draft.thread(), draft.media(), draft.tone(), draft.metadata(), prefix);
        validateFollowUps(v, draft.followUps(), prefix);
        v.throwIfInvalid();
        final RegisteredChannel ch = Objects.requireNonNull(channel);
        Optional<ChannelConnection> connection =
                draft.connection().map(cid -> usableConnection(tx, principal, cid, ch, field(prefix, "connection"), v));
        v.throwIfInvalid();
        PostVariant variant = newVariant(postId, ch, draft, source, now);
        v.addAll(ch.validate(variant, connection, prefix));
        v.throwIfInvalid();
        return variant;
    }

    private static PostVariant newVariant(
            PostId post, RegisteredChannel channel, VariantDraft draft, VariantSource source, Instant now) {
        return new PostVariant(
                VariantId.random(),
                post,
                channel.channel().id(),
                draft.connection(),
                draft.content(),
                draft.thread(),
                draft.followUps(),
                draft.media(),
                draft.tone().map(String::strip),
                source,
                VariantStatus.DRAFT,
                draft.metadata(),
                now,
                now,
                Optional.empty(),
                0);
    }

    private ChannelConnection usableConnection(
            Transaction tx,
            Principal principal,
            io.luxaris.domain.ConnectionId id,
            RegisteredChannel channel,
            String field,
            Validation v) {
        ChannelConnection c = tx.connections().find(id).orElseThrow(() -> new NotFoundException("connection", id));
        rt.requireRead(principal, ResourceType.CONNECTION, c.ownerPrincipalId(), id);
        rt.requirePublishWith(principal, c);
        if (!c.channelId().equals(channel.channel().id())) {
            v.add(field, "channel_mismatch", "connection " + id + " is not on channel " + channel.key());
        }
        return c;
    }

    Post readablePost(Transaction tx, Principal principal, PostId id) {
        Post post = tx.posts().find(id).orElseThrow(() -> new NotFoundException("post", id));
        rt.requireRead(principal, ResourceType.POST, post.ownerPrincipalId(), id);
        return post;
    }

    Post writablePost(Transaction tx, Principal principal, PostId id) {
        Post post = tx.posts().find(id).orElseThrow(() -> new NotFoundException("post", id));
        rt.requireWrite(principal, ResourceType.POST, post.ownerPrincipalId(), id);
        return post;
    }

    /**
     * The checks of follow-up parts that need no channel: at most {@link Limits#FOLLOW_UPS} ({@code too_many}), each
     * present ({@code required}), its text within {@link Limits#VARIANT_CONTENT} ({@code max_length}), its delay
     * within {@link Limits#FOLLOW_UP_DELAY} ({@code range}). The channel's checks (kind, blank text, length) are
     * {@link RegisteredChannel#validate}'s.
     */
    static void validateFollowUps(Validation v, List<io.luxaris.domain.FollowUp> followUps, String prefix) {
        v.maxSize(field(prefix, "followUps"), followUps, Limits.FOLLOW_UPS);
        for (int j = 0; j < followUps.size(); j++) {
            io.luxaris.domain.FollowUp part = followUps.get(j);
            String f = field(prefix, "followUps[" + j + "]");
            if (part == null) {
                v.add(f, "required", "is required");
                continue;
            }
            v.maxLength(f + ".text", part.text(), Limits.VARIANT_CONTENT);
            if (part.delay().compareTo(Limits.FOLLOW_UP_DELAY) > 0) {
                v.add(
                        f + ".delay",
                        "range",
                        "is " + part.delay() + "; it must be within 0.." + Limits.FOLLOW_UP_DELAY + " (7 days)");
            }
        }
    }

    static void validateVariantFields(
            Validation v,
            String content,
            List<String> thread,
            List<MediaRef> media,
            Optional<String> tone,
            Map<String, String> metadata,
            String prefix) {
        v.maybeBlank(field(prefix, "content"), content, Limits.VARIANT_CONTENT);
        v.maxSize(field(prefix, "thread"), thread, Limits.THREAD_PARTS);
        for (int i = 0; i < thread.size(); i++) {
            v.maybeBlank(field(prefix, "thread[" + i + "]"), thread.get(i), Limits.VARIANT_CONTENT);
        }
        v.maxSize(field(prefix, "media"), media, Limits.MEDIA);
        for (int i = 0; i < media.size(); i++) {
            MediaRef m = media.get(i);
            String f = field(prefix, "media[" + i + "]");
            if (m == null) {
                v.add(f, "required", "is required");
                continue;
            }
            v.text(f + ".ref", m.ref(), Limits.MEDIA_REF);
            m.altText().ifPresent(alt -> v.maxLength(f + ".altText", alt, Limits.MEDIA_REF));
        }
        tone.ifPresent(t -> v.text(field(prefix, "tone"), t, Limits.TONE));
        v.metadata(field(prefix, "metadata"), metadata);
    }

    static void validatePost(
            Validation v, Optional<String> title, String baseContent, List<String> tags, Map<String, String> metadata) {
        title.ifPresent(t -> v.text("title", t, Limits.TITLE));
        v.text("baseContent", baseContent, Limits.BASE_CONTENT);
        v.tags("tags", tags);
        v.metadata("metadata", metadata);
    }

    static List<String> tags(List<String> tags) {
        return tags.stream().map(String::strip).distinct().toList();
    }

    /** A filter set must not hold null (rule {@code required} on the set's field). */
    static void noNulls(Validation v, String field, java.util.Collection<?> values) {
        for (Object value : values) {
            if (value == null) {
                v.add(field, "required", "must not contain null");
                return;
            }
        }
    }

    static void expectVersion(String entity, Object id, long actual, OptionalLong expected) {
        if (expected.isPresent() && expected.getAsLong() != actual) {
            throw io.luxaris.errors.ConflictException.concurrentModification(entity, id);
        }
    }

    static Optional<Cursor> decodeCursor(Validation v, PageRequest page) {
        if (page.cursor().isEmpty()) {
            return Optional.empty();
        }
        Optional<Cursor> cursor = Cursor.decode(page.cursor().get());
        if (cursor.isEmpty()) {
            v.add("page.cursor", "invalid_cursor", "is not a cursor returned by a previous page");
        }
        return cursor;
    }

    static <T> Page<T> page(List<T> rows, int limit, java.util.function.Function<T, Cursor> position) {
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(
                items, Optional.of(position.apply(items.get(limit - 1)).encode()));
    }

    static String field(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /** Re-derives the post status after schedule changes. */
    Post refreshStatus(Transaction tx, PostId id) {
        return PostStatusSync.refresh(tx, id, rt.rules(), rt.now());
    }
}
