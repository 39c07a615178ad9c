package se.kvinnohalsa.reporting;

import io.quarkus.test.junit.QuarkusTest;
import se.kvinnohalsa.events.DomainEvent;
import se.kvinnohalsa.events.contract.ReportSubmittedV1;
import se.kvinnohalsa.stack.testing.InfrastructureRoundTrip;

import java.math.BigDecimal;
import java.time.Instant;

/** reporting-service on its own real PostgreSQL database and the real Kafka broker: report.submitted goes out. */
@QuarkusTest
class InfrastructureRoundTripTest extends InfrastructureRoundTrip {

    @Override
    protected DomainEvent ownEvent() {
        return new ReportSubmittedV1(2099, "25", Instant.parse("2100-03-01T09:00:00Z"), false, 10L, true,
                new BigDecimal("90.5"), true);
    }
}
