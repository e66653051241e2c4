/** Luxaris core: domain, rules, use cases, SPIs, the publishing engine and the in-memory storage. */
module io.luxaris {
    requires org.slf4j;
    requires com.samskivert.jmustache;
    requires static transitive org.jspecify; // transitive: @Nullable appears in exported type bounds
    requires static com.google.errorprone.annotations;

    exports io.luxaris;
    exports io.luxaris.domain;
    exports io.luxaris.domain.rules;
    exports io.luxaris.usecase;
    exports io.luxaris.generation;
    exports io.luxaris.memory;
    exports io.luxaris.spi.storage;
    exports io.luxaris.spi.channel;
    exports io.luxaris.spi.generation;
    exports io.luxaris.spi.engine;
    exports io.luxaris.spi.security;

    uses io.luxaris.spi.channel.ChannelProvider;
    uses io.luxaris.spi.generation.GeneratorProvider;
    uses io.luxaris.spi.storage.StorageProvider;
}
