package io.luxaris.spi.generation;

import java.time.Clock;

/** What Luxaris gives a generator provider. */
public interface GeneratorEnvironment {
    /** {@return the host's clock} */
    Clock clock();
}
