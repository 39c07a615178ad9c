package se.kvinnohalsa.support.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * Where spans go. Tracing itself is always on (spans, W3C trace context over HTTP and Kafka, the trace id in every log
 * line); sending spans to a collector is not, because Quarkus decides at build time whether its OTLP exporter exists
 * and would otherwise try localhost:4317 everywhere. With {@value #PROPERTY}{@code =none} (the default: the local stack
 * and tests) this bean exists, and Quarkus drops its OTLP exporter in favour of the application's exporter beans;
 * the Kubernetes overlays set it to {@code otlp} together with the collector's endpoint.
 */
@Dependent
public class TraceExport {

    public static final String PROPERTY = "kvinnohalsa.tracing.export";

    @Produces
    @Singleton
    @LookupIfProperty(name = PROPERTY, stringValue = "none")
    SpanExporter dropSpans() {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }
}
