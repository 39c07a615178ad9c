package se.kvinnohalsa.stack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives a service's @QuarkusTest a real PostgreSQL database of its own and the real Kafka broker.
 * Use with {@code @QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "allocation"))}.
 */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infrastructure = Infrastructure.shared();
        infrastructure.postgres().createDatabase(database);
        Map<String, String> config = withoutDatabase();
        config.put("quarkus.datasource.jdbc.url", infrastructure.postgres().jdbcUrl(database));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        return config;
    }

    /** The real Kafka broker and the local token keys, issuer and audience: all a test without a database needs. */
    public static Map<String, String> withoutDatabase() {
        Infrastructure infrastructure = Infrastructure.shared();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", infrastructure.kafka().bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", infrastructure.keys().publicKeyFile().toUri().toString());
        config.put("mp.jwt.verify.issuer", LocalKeys.ISSUER);
        config.put("mp.jwt.verify.audiences", LocalKeys.AUDIENCE);
        return config;
    }

    @Override
    public void stop() {
        // Shared by every test class in this JVM; stopped when the JVM exits.
    }
}
