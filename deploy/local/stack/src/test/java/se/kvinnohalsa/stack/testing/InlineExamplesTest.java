package se.kvinnohalsa.stack.testing;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard that keeps OpenAPI examples in the components finds them however deep or wherever they are written. */
class InlineExamplesTest {

    private static final String JSON = """
            {"year": 2024, "title": "Överenskommelse om kvinnors hälsa 2024"}""";

    /** What a resource looked like before issue 14.5: examples written into the annotations. */
    static class Inline {
        @APIResponse(responseCode = "200", description = "ok", content = @Content(examples = {
                @ExampleObject(name = "by ref", ref = "Agreement2024"),
                @ExampleObject(name = "inline", value = JSON)}))
        @RequestBody(content = @Content(examples = @ExampleObject(name = "short", value = "2024")))
        void operation(@Parameter(example = "[\"01\", \"23\"]") String regions,
                @Parameter(example = "23") String regionCode) {
        }

        @Schema(example = "{\"operator\": \">=\", \"value\": 90}")
        String target;
    }

    /** What a resource looks like now: names of components and short literals only. */
    static class Named {
        @APIResponse(responseCode = "200", description = "ok", content = @Content(examples = @ExampleObject(name = "2024", ref = "Agreement2024")))
        void operation(@Parameter(example = "2023-08-01/2024-07-31") String period) {
        }

        @Schema(example = ">=")
        String operator;
    }

    @Test
    void findsEveryInlineExampleNestedInAnnotationsOnMethodsParametersAndFields() {
        List<String> found = InlineExamples.of(Inline.class);
        assertEquals(4, found.size(), String.join("\n", found));
        assertTrue(found.stream().anyMatch(f -> f.contains("operation(): @ExampleObject(name = \"inline\")")), found
                .toString());
        assertTrue(found.stream().anyMatch(f -> f.contains("operation(): @ExampleObject(name = \"short\")")), found
                .toString());
        assertTrue(found.stream().anyMatch(f -> f.contains("@Parameter(example)")), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.contains("target: @Schema(example)")), found.toString());
    }

    @Test
    void namedExamplesAndShortLiteralsPass() {
        assertEquals(List.of(), InlineExamples.of(Named.class));
    }

    @Test
    void theAssertionOverADirectoryFailsOnTheInlineOnes() {
        Path classes = Path.of("target/test-classes");
        assertTrue(InlineExamples.in(classes).stream().anyMatch(f -> f.startsWith(Inline.class.getName() + " ")));
        assertTrue(InlineExamples.in(classes).stream().noneMatch(f -> f.startsWith(Named.class.getName() + " ")));
        assertThrows(AssertionError.class, () -> InlineExamples.assertNoneIn(classes));
    }
}
