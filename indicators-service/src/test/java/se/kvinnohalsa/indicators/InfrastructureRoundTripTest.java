package se.kvinnohalsa.indicators;

import io.quarkus.test.junit.QuarkusTest;
import se.kvinnohalsa.events.DomainEvent;
import se.kvinnohalsa.events.contract.IndicatorObservationsChangedV1;
import se.kvinnohalsa.stack.testing.InfrastructureRoundTrip;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** indicators-service on its own real PostgreSQL database and the real Kafka broker: observations-changed goes out. */
@QuarkusTest
class InfrastructureRoundTripTest extends InfrastructureRoundTrip {

    @Override
    protected DomainEvent ownEvent() {
        return new IndicatorObservationsChangedV1("ROUND_TRIP", UUID.randomUUID().toString(), List.of("2099"),
                List.of("25"), 1, 0, Instant.parse("2100-03-01T09:00:00Z"));
    }
}
