package se.kvinnohalsa.indicators.tracing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The spans of this module's tests, kept in memory (the application's exporter beans get every finished span). */
public class SpansInMemory {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
