/** Luxaris core: domain, rules, use cases, SPIs, the publishing engine and the in-memory storage. */
module io.luxaris {
    requires org.slf4j;
    requires com.samskivert.jmustache;
    requires static transitive org.jspecify; // transitive: @Nullable appears in exported type bounds
    requires static com.google.errorprone.annotations;

    // API: the facade, its exceptions and events, the domain and its rules, the use cases, the offline generator and
    // the in-memory storage
    exports io.luxaris;
    exports io.luxaris.errors;
    exports io.luxaris.events;
    exports io.luxaris.domain;
    exports io.luxaris.domain.rules;
    exports io.luxaris.usecase;
    exports io.luxaris.generation;
    exports io.luxaris.memory;
    // SPI for plugins: storage, channels, generators, scheduler engines, security
    exports io.luxaris.spi.storage;
    exports io.luxaris.spi.channel;
    exports io.luxaris.spi.generation;
    exports io.luxaris.spi.engine;
    exports io.luxaris.spi.security;

    // not exported: io.luxaris.internal (with .engine and .usecase), io.luxaris.util

    uses io.luxaris.spi.channel.ChannelProvider;
    uses io.luxaris.spi.generation.GeneratorProvider;
    uses io.luxaris.spi.storage.StorageProvider;
}
