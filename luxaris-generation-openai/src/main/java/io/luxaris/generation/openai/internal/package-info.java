/** Implementation of the OpenAI generator; not exported. */
@NullMarked
package io.luxaris.generation.openai.internal;

import org.jspecify.annotations.NullMarked;
