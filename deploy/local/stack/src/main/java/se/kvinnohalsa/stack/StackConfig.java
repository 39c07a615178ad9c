package se.kvinnohalsa.stack;

import java.nio.file.Path;

/**
 * Ports and folders of the local stack; each can be overridden by an environment variable. Every service has an API
 * port and a management port (health, metrics, its OpenAPI document).
 */
public record StackConfig(Path root, Path workDir, int postgresPort, int kafkaPort, int kafkaControllerPort,
        int gatewayPort, int allocationPort, int reportingPort, int indicatorsPort, int gatewayManagementPort,
        int allocationManagementPort, int reportingManagementPort, int indicatorsManagementPort) {

    public static StackConfig fromEnvironment(Path root) {
        return new StackConfig(root,
                Path.of(env("STACK_DIR", root.resolve("deploy/local/work").toString())).toAbsolutePath(),
                intEnv("STACK_POSTGRES_PORT", 55432),
                intEnv("STACK_KAFKA_PORT", 59092),
                intEnv("STACK_KAFKA_CONTROLLER_PORT", 59093),
                intEnv("STACK_GATEWAY_PORT", 8080),
                intEnv("STACK_ALLOCATION_PORT", 8081),
                intEnv("STACK_REPORTING_PORT", 8082),
                intEnv("STACK_INDICATORS_PORT", 8083),
                intEnv("STACK_GATEWAY_MANAGEMENT_PORT", 9080),
                intEnv("STACK_ALLOCATION_MANAGEMENT_PORT", 9081),
                intEnv("STACK_REPORTING_MANAGEMENT_PORT", 9082),
                intEnv("STACK_INDICATORS_MANAGEMENT_PORT", 9083));
    }

    public Path jwtDir() {
        return workDir.resolve("jwt");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'", e);
        }
    }
}
