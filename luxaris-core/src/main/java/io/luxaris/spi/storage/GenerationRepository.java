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
    void insertSession(GenerationSession session);

    /** Versioned update; returns the stored record. */
    GenerationSession updateSession(GenerationSession session);

    Optional<GenerationSession> findSession(GenerationSessionId id);

    /** Sessions of the given owners, newest first, at most {@code limit}. */
    List<GenerationSession> listSessions(OwnerScope owners, int limit);

    void insertSuggestions(List<GenerationSuggestion> suggestions);

    /** Versioned update; returns the stored record. */
    GenerationSuggestion updateSuggestion(GenerationSuggestion suggestion);

    Optional<GenerationSuggestion> findSuggestion(SuggestionId id);

    /** Suggestions of a session in creation order. */
    List<GenerationSuggestion> listSuggestions(GenerationSessionId session);
}
