package se.kvinnohalsa.gateway.openapi;

import org.junit.jupiter.api.Test;
import se.kvinnohalsa.stack.testing.InlineExamples;

/**
 * The gateway's resources name their OpenAPI examples; the examples themselves are components of
 * META-INF/openapi/gateway.yaml (issue 14.5), as in every service's OpenApiTest.
 */
class ExamplesInComponentsTest {

    @Test
    void theExamplesAreComponentsNotInlineInTheResources() {
        InlineExamples.assertNoneIn(InlineExamples.MAIN_CLASSES);
    }
}
