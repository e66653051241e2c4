package io.luxaris.usecase;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.GenerationSession;
import io.luxaris.domain.GenerationSuggestion;
import java.util.List;
import java.util.Objects;

/**
 * A generation session with its suggestions (in creation order).
 *
 * @param session the session
 * @param suggestions its suggestions, for every channel
 */
public record SessionDetails(GenerationSession session, List<GenerationSuggestion> suggestions) {
    /**
     * Copies the suggestions.
     *
     * @param session the session
     * @param suggestions its suggestions, for every channel
     */
    public SessionDetails {
        Objects.requireNonNull(session, "session");
        suggestions = List.copyOf(suggestions);
    }

    /**
     * The suggestions made for one channel.
     *
     * @param key the channel's key, such as {@code x}
     * @return its suggestions, in creation order; empty when there is none
     */
    public List<GenerationSuggestion> forChannel(String key) {
        ChannelId id = ChannelId.forKey(key);
        return suggestions.stream().filter(s -> s.channelId().equals(id)).toList();
    }
}
