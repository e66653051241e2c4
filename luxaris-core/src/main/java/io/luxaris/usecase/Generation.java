package io.luxaris.usecase;

import io.luxaris.domain.GenerationSession;
import io.luxaris.domain.GenerationSessionId;
import io.luxaris.domain.PostId;
import io.luxaris.domain.SuggestionId;
import io.luxaris.errors.ConflictException;
import io.luxaris.errors.NotFoundException;
import io.luxaris.errors.ValidationException;
import io.luxaris.spi.security.Principal;
import java.util.List;

/**
 * AI-assisted drafting: a session asks the generator for candidates per target channel, fits each to the channel
 * (one reword request, else a cut at a word boundary, flagged), keeps them as suggestions, and turns an accepted
 * one into a variant. No storage transaction is open while a generator runs.
 */
public interface Generation {
    /**
     * Runs a generation: one call per target channel. Channels whose generation failed are recorded in the session's
     * {@code channelErrors}; the suggestions of the others are kept. The session is {@code in_progress} while the
     * generator runs; it ends {@code completed}, or {@code aborted} when no suggestion came. When the call itself fails
     * after the session was stored (a generator or channel plugin throwing an {@code Error}, the suggestions failing to
     * be stored...), the session is ended {@code aborted} with the reason in its {@code channelErrors} before the
     * failure is rethrown: no session is left in progress.
     *
     * @param principal the acting principal, owner of the session
     * @param request the prompt, channels, template, tone, length, count, post and generator
     * @return the finished session with its suggestions
     * @throws ValidationException when {@code prompt} is blank or too long, {@code channels} is empty, too long or
     *     names an unknown channel, {@code count} or {@code tone} is out of range, {@code templateValues} are too many
     *     or too long or lack a placeholder of the template, or {@code generator} is not registered
     * @throws NotFoundException when the request's post or template does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not create sessions, change the post or read the
     *     template
     * @throws ConflictException when the session was aborted while the generator ran
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    SessionDetails generate(Principal principal, GenerationRequest request);

    /**
     * A session with its suggestions.
     *
     * @param principal the acting principal
     * @param id the session's id
     * @return the session with its suggestions, in creation order
     * @throws NotFoundException when the session does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read the session
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    SessionDetails get(Principal principal, GenerationSessionId id);

    /**
     * The principal's sessions, newest first.
     *
     * @param principal the acting principal
     * @param limit the most sessions to return, 1..500
     * @return the sessions its access policy lets it see
     * @throws ValidationException when {@code limit} is out of range
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    List<GenerationSession> list(Principal principal, int limit);

    /**
     * Accepts a suggestion: it becomes a generated variant of the session's post, or of a new draft post (whose base
     * content is the suggestion) when the session has none.
     *
     * @param principal the acting principal
     * @param id the suggestion's id
     * @return the post, the new variant and the accepted suggestion
     * @throws ValidationException when the suggestion does not make a valid variant of its channel
     * @throws NotFoundException when the suggestion or the session's post does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the session, change the post or create
     *     posts
     * @throws ConflictException when the session was aborted, the suggestion's channel has no registered provider, the
     *     post is archived, or something changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    AcceptedSuggestion accept(Principal principal, SuggestionId id);

    /**
     * Accepts a suggestion into a given post.
     *
     * @param principal the acting principal
     * @param id the suggestion's id
     * @param post the post the new variant goes to
     * @return the post, the new variant and the accepted suggestion
     * @throws ValidationException when the suggestion does not make a valid variant of its channel
     * @throws NotFoundException when the suggestion or the post does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the session or the post
     * @throws ConflictException when the session was aborted, the suggestion's channel has no registered provider, the
     *     post is archived, or something changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    AcceptedSuggestion acceptInto(Principal principal, SuggestionId id, PostId post);

    /**
     * Aborts a session still in progress (its suggestions are kept, none can be accepted). Aborting an aborted session
     * stays aborted.
     *
     * @param principal the acting principal
     * @param id the session's id
     * @return the aborted session
     * @throws NotFoundException when the session does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the session
     * @throws ConflictException when the session is completed, or changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    GenerationSession abort(Principal principal, GenerationSessionId id);
}
