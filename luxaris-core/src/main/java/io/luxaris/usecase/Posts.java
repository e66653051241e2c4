package io.luxaris.usecase;

import io.luxaris.domain.Page;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.VariantId;
import io.luxaris.errors.ConflictException;
import io.luxaris.errors.NotFoundException;
import io.luxaris.errors.ValidationException;
import io.luxaris.errors.Violation;
import io.luxaris.spi.security.Principal;
import java.util.List;

/** Posts and their per-channel variants. */
public interface Posts {
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
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not create posts, or may not publish with a
     *     variant's connection
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    PostDetails create(Principal principal, PostDraft draft);

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
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not create posts, or may not publish with a
     *     variant's connection
     * @throws ConflictException when the key was used with a different request
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    PostDetails create(Principal principal, PostDraft draft, IdempotencyKey key);

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
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not create posts
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    BulkResult<PostDetails> createAll(Principal principal, List<PostDraft> drafts);

    /**
     * {@link #createAll(Principal, List)} made safe to repeat: a repeated call with the same key and the same drafts
     * returns the first call's result (the same ids) and creates nothing.
     *
     * @param principal the acting principal, owner of the new posts; keys are scoped to it
     * @param drafts at most {@value Schedules#MAX_BATCH} drafts
     * @param key the caller's idempotency key
     * @return one item per draft, in request order
     * @throws ValidationException when {@code drafts} is missing or too long
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not create posts
     * @throws ConflictException when the key was used with different drafts
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    BulkResult<PostDetails> createAll(Principal principal, List<PostDraft> drafts, IdempotencyKey key);

    /**
     * A post with its variants.
     *
     * @param principal the acting principal
     * @param id the post's id
     * @return the post with its variants, oldest first
     * @throws NotFoundException when the post does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read the post
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    PostDetails get(Principal principal, PostId id);

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
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the post
     * @throws ConflictException when the post is archived, or changed since {@code update.expectedVersion()} (or
     *     concurrently): read it again and retry
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    Post update(Principal principal, PostId id, PostUpdate update);

    /**
     * Archives a post: its pending, queued and held schedules are cancelled; a schedule being published right now finishes
     * and is recorded. Archiving an archived post returns it unchanged.
     *
     * @param principal the acting principal
     * @param id the post's id
     * @return the archived post
     * @throws NotFoundException when the post does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the post
     * @throws ConflictException when the post or one of its schedules changed concurrently: retry
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    Post archive(Principal principal, PostId id);

    /**
     * Posts the principal may see, newest first, filtered and paged.
     *
     * @param principal the acting principal
     * @param query statuses, tag and page
     * @return one page of posts
     * @throws ValidationException when {@code page.limit} is out of range, {@code page.cursor} is not a cursor of a
     *     previous page, {@code tag} is too long or {@code statuses} holds null
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    Page<Post> list(Principal principal, PostQuery query);

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
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the post or publish with the
     *     connection
     * @throws ConflictException when the post is archived
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    PostVariant addVariant(Principal principal, PostId postId, VariantDraft draft);

    /**
     * One variant.
     *
     * @param principal the acting principal
     * @param id the variant's id
     * @return the variant
     * @throws NotFoundException when the variant does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read its post
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    PostVariant variant(Principal principal, VariantId id);

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
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the post or publish with the
     *     connection
     * @throws ConflictException when the post is archived, the variant is published or being published, its channel has
     *     no registered provider, or it changed since {@code update.expectedVersion()} (or concurrently)
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    PostVariant updateVariant(Principal principal, VariantId id, VariantUpdate update);

    /**
     * Deletes a variant that was never scheduled.
     *
     * @param principal the acting principal
     * @param id the variant's id
     * @throws NotFoundException when the variant does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change its post
     * @throws ConflictException when the variant has schedules (they are kept for the record)
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    void deleteVariant(Principal principal, VariantId id);

    /**
     * Checks a variant draft against every rule without saving anything: the violations a {@link #addVariant} of it
     * would raise (for live feedback in a composer).
     *
     * @param principal the acting principal
     * @param draft the variant to check
     * @return the violations, empty when the draft would be accepted
     * @throws NotFoundException when the draft's connection does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read or publish with the draft's connection
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    List<Violation> check(Principal principal, VariantDraft draft);
}
