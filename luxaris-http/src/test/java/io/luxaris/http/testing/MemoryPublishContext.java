package io.luxaris.http.testing;

import io.luxaris.domain.Credentials;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A publish context for adapter tests (through this module's test jar): credentials kept in memory as a store would
 * keep them (a save replaces the stored ones, a reload reads them back), every save and every connection property
 * update recorded, hooks that run at a save or an update, and another worker's rotation simulated with {@link
 * #storeElsewhere}. Each adapter's {@code Fixtures.Context} extends it with its defaults.
 *
 * @param <C> the extending type, which the hook setters answer
 */
public class MemoryPublishContext<C extends MemoryPublishContext<C>> implements PublishContext {
    private volatile Credentials current;
    private volatile Credentials stored;
    private final List<Credentials> saved = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<Map<String, String>> propertyUpdates = new ArrayList<>();
    private final Clock clock;
    private final MediaSource media;
    private Consumer<Credentials> onSave = c -> {};
    private Consumer<Map<String, String>> onProperties = p -> {};

    public MemoryPublishContext(Credentials credentials, Clock clock, MediaSource media) {
        this.current = credentials;
        this.stored = credentials;
        this.clock = clock;
        this.media = media;
    }

    /** Runs {@code hook} at each save, before the credentials are stored; answers this context (as its own type). */
    @SuppressWarnings("unchecked")
    public C onSave(Consumer<Credentials> hook) {
        this.onSave = hook;
        return (C) this;
    }

    /** Runs {@code hook} at each connection property update, before it is recorded; answers this context. */
    @SuppressWarnings("unchecked")
    public C onProperties(Consumer<Map<String, String>> hook) {
        this.onProperties = hook;
        return (C) this;
    }

    /** Simulates another worker having rotated the stored credentials (this context holds the old ones until it reloads). */
    public void storeElsewhere(Credentials credentials) {
        this.stored = credentials;
    }

    @Override
    public Credentials credentials() {
        return current;
    }

    @Override
    public synchronized void saveCredentials(Credentials rotated) {
        onSave.accept(rotated);
        stored = stored.replacedBy(rotated);
        current = stored;
        saved.add(current);
    }

    @Override
    public Credentials reloadCredentials() {
        current = stored;
        return current;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public MediaSource media() {
        return media;
    }

    @Override
    public synchronized void updateConnectionProperties(Map<String, String> updates) {
        onProperties.accept(updates);
        properties.putAll(updates);
        propertyUpdates.add(Map.copyOf(updates));
    }

    /** The connection properties updated so far. */
    public synchronized Map<String, String> properties() {
        return Map.copyOf(properties);
    }

    /** Each update of connection properties, in order. */
    public synchronized List<Map<String, String>> propertyUpdates() {
        return List.copyOf(propertyUpdates);
    }

    /** The credentials stored by each save, in order. */
    public synchronized List<Credentials> saved() {
        return List.copyOf(saved);
    }
}
