package se.kvinnohalsa.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import se.kvinnohalsa.stack.InfrastructureTestResource;

/** Every @QuarkusTest of this module runs against a real PostgreSQL database "reporting" and the real Kafka broker. */
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
