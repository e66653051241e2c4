package io.luxaris.spi.generation;

import java.time.Clock;

/** What Luxaris gives a generator provider. */
public interface GeneratorEnvironment {
    Clock clock();
}
