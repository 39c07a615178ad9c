package se.kvinnohalsa.allocation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import se.kvinnohalsa.stack.InfrastructureTestResource;

/** Every @QuarkusTest of this module runs against a real PostgreSQL database "allocation" and the real Kafka broker. */
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "allocation"))
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
