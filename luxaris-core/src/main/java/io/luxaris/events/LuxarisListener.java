package io.luxaris.events;

/**
 * Receives lifecycle events after the change they describe is committed. Called on the thread that made the
 * change (a use-case caller or an engine worker): keep it quick and hand heavy work to your own executor. A
 * listener that throws is logged and never breaks the engine.
 */
@FunctionalInterface
public interface LuxarisListener {
    /**
     * Called once per event, after the change is committed.
     *
     * @param event what happened
     */
    void onEvent(LuxarisEvent event);
}
