package io.luxaris.usecase;

import io.luxaris.ConflictException;
import io.luxaris.LuxarisEvent;
import io.luxaris.NotFoundException;
import io.luxaris.Principal;
import io.luxaris.ValidationException;
import io.luxaris.Violation;
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
import io.luxaris.internal.Idempotency;
import io.luxaris.internal.RegisteredChannel;
import io.luxaris.internal.Runtime;
import io.luxaris.internal.UseCaseAccess;
import io.luxaris.internal.Validation;
import io.luxaris.spi.security.ResourceType;
import io.luxaris.spi.storage.PostCriteria;
import io.luxaris.spi.storage.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** Posts and their per-channel variants. */
public final class Posts {
    static {
        UseCaseAccess.register((runtime, engine) -> {
            var posts = new Posts(runtime);
            var templates = new Templates(runtime);
            var schedules = new Schedules(runtime, posts);
            return new UseCaseAccess.UseCases(
                    new Channels(runtime),
                    posts,
                    templates,
                    new Generation(runtime, posts, templates),
                    schedules,
                    new Calendar(runtime),
                    new Publishing(engine, runtime),
                    new Recurrences(runtime, posts),
                    schedules.queues());
        });
    }

    private final Runtime rt;

    Posts(Runtime rt) {
        this.rt = Objects.requireNonNull(rt, "rt");
    }

    /**
     * Creates a draft post with the draft's variants (violations of a variant are reported under {@code variants[i]});
     * the post and its variants are created together, or nothing is.
     *
     * @param principal the acting principal, owner of the new post
     * @param draft the post and its variants
     * @return the stored post with its variants, in the draft's order
     * @throws ValidationException when a field breaks a rule: {@code title}, {@code baseContent}, {@code tags}, {@code
     *     metadata}, or a variant's channel (unknown), content, thread, media, tone or metadata, or its content does
     *     not fit the channel or its connection (all violations of one step at once; nothing is written)
     * @throws NotFoundException when a variant names a connection that does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not create posts, or may not publish with a
     *     variant's connection
     * @throws io.luxaris.StorageException when the storage fails
     */
    public PostDetails create(Principal principal, PostDraft draft) {
        return create(principal, draft, Optional.empty());
    }

    /**
     * {@link #create(Principal, PostDraft)} made safe to repeat: the key is claimed in the transaction that creates
     * the post, so a repeated call with the same key and draft returns the first call's post and variants (the same
     * ids, as they are now) and creates nothing, also when two instances race with one key.
     *
     * @param principal the acting principal, owner of the new post; keys are scoped to it
     * @param draft the post and its variants
     * @param key the caller's idempotency key
     * @return the stored post with its variants
     * @throws ValidationException as {@link #create(Principal, PostDraft)}
     * @throws NotFoundException when a variant names a connection that does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not create posts, or may not publish with a
     *     variant's connection
     * @throws ConflictException when the key was used with a different request
     * @throws io.luxaris.StorageException when the storage fails
     */
    public PostDetails create(Principal principal, PostDraft draft, IdempotencyKey key) {
        return create(principal, draft, Optional.of(Objects.requireNonNull(key, "key")));
    }

    /**
     * Creates many posts with their variants at once: every draft is checked like {@link #create(Principal,
     * PostDraft)}; the valid ones are created together in one transaction, the invalid ones are reported with their
     * violations (fields relative to the draft, such as {@code variants[0].content}) and create nothing. One invalid
     * draft does not fail the batch.
     *
     * @param principal the acting principal, owner of the new posts
     * @param drafts at most {@value Schedules#MAX_BATCH} drafts
     * @return one item per draft, in request order: the stored post with its variants, or the draft's violations
     *     (rules as for a single post, plus {@code not_found} and {@code access_denied} for a variant's connection)
     * @throws ValidationException on {@code drafts}: {@code required} when it is null, {@code max_size} when it holds
     *     more than {@value Schedules#MAX_BATCH} drafts
     * @throws io.luxaris.AccessDeniedException when the principal may not create posts
     * @throws io.luxaris.StorageException when the storage fails
     */
    public BulkResult<PostDetails> createAll(Principal principal, List<PostDraft> drafts) {
        return new BulkPosts(rt, this).createAll(principal, drafts, Optional.empty());
    }

    /**
     * {@link #createAll(Principal, List)} made safe to repeat: a repeated call with the same key and the same drafts
     * returns the first call's result (the same ids) and creates nothing.
     *
     * @param principal the acting principal, owner of the new posts; keys are scoped to it
     * @param drafts at most {@value Schedules#MAX_BATCH} drafts
     * @param key the caller's idempotency key
     * @return one item per draft, in request order
     * @throws ValidationException when {@code drafts} is missing or too long
     * @throws io.luxaris.AccessDeniedException when the principal may not create posts
     * @throws ConflictException when the key was used with different drafts
     * @throws io.luxaris.StorageException when the storage fails
     */
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

    /**
     * A post with its variants.
     *
     * @param principal the acting principal
     * @param id the post's id
     * @return the post with its variants, oldest first
     * @throws NotFoundException when the post does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not read the post
     * @throws io.luxaris.StorageException when the storage fails
     */
    public PostDetails get(Principal principal, PostId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        return rt.storage().readOnly(tx -> {
            Post post = readablePost(tx, principal, id);
            return new PostDetails(post, tx.variants().listByPost(id));
        });
    }

    /**
     * Replaces title, base content, tags and metadata. An archived post cannot change.
     *
     * @param principal the acting principal
     * @param id the post's id
     * @param update the new fields, optionally with the version they were read at
     * @return the stored post
     * @throws ValidationException when {@code title}, {@code baseContent}, {@code tags} or {@code metadata} breaks a
     *     rule
     * @throws NotFoundException when the post does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not change the post
     * @throws ConflictException when the post is archived, or changed since {@code update.expectedVersion()} (or
     *     concurrently): read it again and retry
     * @throws io.luxaris.StorageException when the storage fails
     */
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

    /**
     * Archives a post: its pending, queued and held schedules are cancelled; a schedule being published right now finishes
     * and is recorded. Archiving an archived post returns it unchanged.
     *
     * @param principal the acting principal
     * @param id the post's id
     * @return the archived post
     * @throws NotFoundException when the post does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not change the post
     * @throws ConflictException when the post or one of its schedules changed concurrently: retry
     * @throws io.luxaris.StorageException when the storage fails
     */
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

    /**
     * Posts the principal may see, newest first, filtered and paged.
     *
     * @param principal the acting principal
     * @param query statuses, tag and page
     * @return one page of posts
     * @throws ValidationException when {@code page.limit} is out of range, {@code page.cursor} is not a cursor of a
     *     previous page, {@code tag} is too long or {@code statuses} holds null
     * @throws io.luxaris.StorageException when the storage fails
     */
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

    /**
     * Adds a variant to a post; the content must fit the channel (and the target connection, when given).
     *
     * @param principal the acting principal
     * @param postId the post's id
     * @param draft the variant
     * @return the stored variant, in status {@code draft}
     * @throws ValidationException when the channel is unknown, a field ({@code content}, {@code thread}, {@code media},
     *     {@code tone}, {@code metadata}) breaks a rule, the connection is on another channel, or the content does not
     *     fit the channel
     * @throws NotFoundException when the post, or the draft's connection, does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not change the post or publish with the
     *     connection
     * @throws ConflictException when the post is archived
     * @throws io.luxaris.StorageException when the storage fails
     */
    public PostVariant addVariant(Principal principal, PostId postId, VariantDraft draft) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(draft, "draft");
        return rt.storage().inTransaction(tx -> {
            Post post = writablePost(tx, principal, postId);
            return insertVariant(tx, principal, post, draft, VariantSource.MANUAL, "", rt.now());
        });
    }

    /**
     * One variant.
     *
     * @param principal the acting principal
     * @param id the variant's id
     * @return the variant
     * @throws NotFoundException when the variant does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not read its post
     * @throws io.luxaris.StorageException when the storage fails
     */
    public PostVariant variant(Principal principal, VariantId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        return rt.storage().readOnly(tx -> {
            PostVariant variant = tx.variants().find(id).orElseThrow(() -> new NotFoundException("variant", id));
            readablePost(tx, principal, variant.postId());
            return variant;
        });
    }

    /**
     * Replaces a variant's content. A published variant, or one being published right now, refuses with {@code
     * ConflictException}; the new content must fit the channel and every connection it is scheduled to.
     *
     * @param principal the acting principal
     * @param id the variant's id
     * @param update the new fields, optionally with the version they were read at
     * @return the stored variant
     * @throws ValidationException when a field breaks a rule, the connection is on another channel, or the content does
     *     not fit the channel, the new connection or a connection of a pending schedule
     * @throws NotFoundException when the variant, or the update's connection, does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not change the post or publish with the
     *     connection
     * @throws ConflictException when the post is archived, the variant is published or being published, its channel has
     *     no registered provider, or it changed since {@code update.expectedVersion()} (or concurrently)
     * @throws io.luxaris.StorageException when the storage fails
     */
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
            v.throwIfInvalid();
            Optional<ChannelConnection> connection =
                    update.connection().map(cid -> usableConnection(tx, principal, cid, channel, "connection", v));
            v.throwIfInvalid();
            PostVariant changed = variant.withContent(
                    update.content(),
                    update.thread(),
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

    /**
     * Deletes a variant that was never scheduled.
     *
     * @param principal the acting principal
     * @param id the variant's id
     * @throws NotFoundException when the variant does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not change its post
     * @throws ConflictException when the variant has schedules (they are kept for the record)
     * @throws io.luxaris.StorageException when the storage fails
     */
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

    /**
     * Checks a variant draft against every rule without saving anything: the violations a {@link #addVariant} of it
     * would raise (for live feedback in a composer).
     *
     * @param principal the acting principal
     * @param draft the variant to check
     * @return the violations, empty when the draft would be accepted
     * @throws NotFoundException when the draft's connection does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not read or publish with the draft's connection
     * @throws io.luxaris.StorageException when the storage fails
     */
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
            throw io.luxaris.ConflictException.concurrentModification(entity, id);
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
}
