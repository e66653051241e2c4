/**
 * Micrometer metrics and observations of the Luxaris publishing engine: {@link
 * io.luxaris.micrometer.MicrometerEngineObserver} and {@link io.luxaris.micrometer.LuxarisMeterBinder}.
 *
 * <p>Micrometer's jars declare automatic module names, not descriptors, hence the suppression.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.luxaris.micrometer {
    requires transitive io.luxaris;
    requires transitive micrometer.core;
    requires transitive micrometer.observation;
    requires org.slf4j;
    requires static org.jspecify;

    exports io.luxaris.micrometer;
}
