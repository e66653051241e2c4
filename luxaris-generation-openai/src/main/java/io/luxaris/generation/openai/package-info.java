/**
 * The OpenAI generator: {@link io.luxaris.generation.openai.OpenAiGenerator} (the provider and its builder), the
 * server profiles of {@link io.luxaris.generation.openai.ServerProfile} and the {@link
 * io.luxaris.generation.openai.AuthScheme} a server expects.
 */
@NullMarked
package io.luxaris.generation.openai;

import org.jspecify.annotations.NullMarked;
