package se.kvinnohalsa.allocation;

import io.quarkus.test.junit.QuarkusTest;
import se.kvinnohalsa.events.DomainEvent;
import se.kvinnohalsa.events.contract.AgreementChangedV1;
import se.kvinnohalsa.stack.testing.InfrastructureRoundTrip;

import java.time.LocalDate;
import java.util.List;

/** allocation-service on its own real PostgreSQL database and the real Kafka broker: agreement.changed goes out. */
@QuarkusTest
class InfrastructureRoundTripTest extends InfrastructureRoundTrip {

    @Override
    protected DomainEvent ownEvent() {
        return new AgreementChangedV1(2099, "Round trip", 10L, LocalDate.parse("2100-03-31"), List.of(), List.of(),
                List.of());
    }
}
