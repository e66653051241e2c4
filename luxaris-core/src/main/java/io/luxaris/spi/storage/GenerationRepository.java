package io.luxaris.spi.storage;

import io.luxaris.domain.GenerationSession;
import io.luxaris.domain.GenerationSessionId;
import io.luxaris.domain.GenerationSuggestion;
import io.luxaris.domain.SuggestionId;
import io.luxaris.spi.security.OwnerScope;
import java.util.List;
import java.util.Optional;

/** Generation sessions and their suggestions. */
public interface GenerationRepository {
    /**
     * Stores a new session.
     *
     * @param session the session
     */
    void insertSession(GenerationSession session);

    /**
     * Versioned update; returns the stored record.
     *
     * @param session the session as changed, with the version it was read at
     * @return the stored session, version + 1
     * @throws io.luxaris.errors.ConflictException when the stored version is another one
     */
    GenerationSession updateSession(GenerationSession session);

    /**
     * One session.
     *
     * @param id the session's id
     * @return the session, or empty when it does not exist
     */
    Optional<GenerationSession> findSession(GenerationSessionId id);

    /**
     * Sessions of the given owners, newest first, at most {@code limit}.
     *
     * @param owners whose sessions
     * @param limit the most sessions to return
     * @return the sessions
     */
    List<GenerationSession> listSessions(OwnerScope owners, int limit);

    /**
     * Stores new suggestions.
     *
     * @param suggestions the suggestions, possibly none
     */
    void insertSuggestions(List<GenerationSuggestion> suggestions);

    /**
     * Versioned update; returns the stored record.
     *
     * @param suggestion the suggestion as changed, with the version it was read at
     * @return the stored suggestion, version + 1
     * @throws io.luxaris.errors.ConflictException when the stored version is another one
     */
    GenerationSuggestion updateSuggestion(GenerationSuggestion suggestion);

    /**
     * One suggestion.
     *
     * @param id the suggestion's id
     * @return the suggestion, or empty when it does not exist
     */
    Optional<GenerationSuggestion> findSuggestion(SuggestionId id);

    /**
     * Suggestions of a session in creation order.
     *
     * @param session the session's id
     * @return its suggestions
     */
    List<GenerationSuggestion> listSuggestions(GenerationSessionId session);
}
