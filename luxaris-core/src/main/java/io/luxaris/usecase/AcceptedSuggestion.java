package io.luxaris.usecase;

import io.luxaris.domain.GenerationSuggestion;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostVariant;

/**
 * The result of accepting a suggestion: the post (new or existing), the new variant, the suggestion.
 *
 * @param post the post the variant was added to
 * @param variant the new, generated variant
 * @param suggestion the suggestion, marked accepted
 */
public record AcceptedSuggestion(Post post, PostVariant variant, GenerationSuggestion suggestion) {}
