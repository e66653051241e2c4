package io.luxaris.internal;

import io.luxaris.events.LuxarisEvent;
import io.luxaris.events.LuxarisListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers events to the host's listeners; a throwing listener is logged and skipped. */
public final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    private final List<LuxarisListener> listeners;

    public Events(List<LuxarisListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public void publish(LuxarisEvent event) {
        for (LuxarisListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError vme) {
                    throw vme;
                }
                LOG.warn(
                        "Luxaris listener {} failed on {}",
                        listener.getClass().getName(),
                        event.getClass().getSimpleName(),
                        e);
            }
        }
    }

    public void publishAll(List<? extends LuxarisEvent> events) {
        if (listeners.isEmpty()) {
            return;
        }
        for (LuxarisEvent event : events) {
            publish(event);
        }
    }
}
