package io.luxaris.usecase;

import io.luxaris.domain.GenerationSuggestion;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostVariant;

/** The result of accepting a suggestion: the post (new or existing), the new variant, the suggestion. */
public record AcceptedSuggestion(Post post, PostVariant variant, GenerationSuggestion suggestion) {}
