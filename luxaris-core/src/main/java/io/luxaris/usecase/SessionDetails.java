package io.luxaris.usecase;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.GenerationSession;
import io.luxaris.domain.GenerationSuggestion;
import java.util.List;
import java.util.Objects;

/** A generation session with its suggestions (in creation order). */
public record SessionDetails(GenerationSession session, List<GenerationSuggestion> suggestions) {
    public SessionDetails {
        Objects.requireNonNull(session, "session");
        suggestions = List.copyOf(suggestions);
    }

    public List<GenerationSuggestion> forChannel(String key) {
        ChannelId id = ChannelId.forKey(key);
        return suggestions.stream().filter(s -> s.channelId().equals(id)).toList();
    }
}
