package io.luxaris.http.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * The base of the adapters' fake platform servers (through this module's test jar): a started {@code mockwebserver3}
 * server whose requests go to {@link #dispatch(RecordedRequest)}, responses scripted per route (such as {@code POST
 * /2/tweets}) that the fake serves first, in order, and taking the requests it received. Closing it shuts the server
 * down, so a test can hold it in an {@code @AutoClose} field.
 */
public abstract class FakePlatform implements AutoCloseable {
    /** The server the fake answers on. */
    protected final MockWebServer server = new MockWebServer();

    private final String name;
    private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();

    /**
     * Starts the server.
     *
     * @param name how assertion messages name the fake, such as {@code the fake X server}
     */
    protected FakePlatform(String name) {
        this.name = name;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return FakePlatform.this.dispatch(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fake's answer to a request; {@link #nextScripted(String)} gives what a test scripted for its route. */
    protected abstract MockResponse dispatch(RecordedRequest request);

    /** {@return the server's base URL, ending in {@code /}} */
    public String url() {
        return server.url("/").toString();
    }

    /** Responses for a route, served in order before the fake's own answers. */
    public void script(String route, MockResponse... responses) {
        scripted.computeIfAbsent(route, r -> new ArrayDeque<>()).addAll(List.of(responses));
    }

    /** {@return the next response scripted for {@code route}, taken off its queue, or null when none is left} */
    protected @Nullable MockResponse nextScripted(String route) {
        Deque<MockResponse> queue = scripted.get(route);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.pollFirst();
        }
    }

    /** {@return the next request received, waiting up to 2 s; an assertion error if none came} */
    public RecordedRequest take() throws InterruptedException {
        return Recorded.take(server, name);
    }

    /** {@return every request received since the last take, in order} */
    public List<RecordedRequest> takeAll() throws InterruptedException {
        return Recorded.takeAll(server);
    }

    /** {@return how many requests the server received} */
    public int requestCount() {
        return server.getRequestCount();
    }

    @Override
    public void close() {
        server.close();
    }
}
