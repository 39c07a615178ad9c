package se.kvinnohalsa.gateway;

import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest of the gateway runs against stub upstreams, the real JWT keys and the real Kafka broker. */
@QuarkusTestResource(StubUpstreams.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
