package se.kvinnohalsa.stack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps OpenAPI examples out of the Java code (issue 14.5): an example lives in the document's components
 * ({@code META-INF/openapi/*.yaml}, or the shared ones of service-support) and an annotation names it
 * ({@code @ExampleObject(name = ..., ref = ...)}), so that a resource shows its endpoints at a glance. Reads the
 * compiled annotations (constants and text blocks resolved), nested ones included, by their type names, so that it
 * needs no OpenAPI library itself.
 */
public final class InlineExamples {

    /** Where a module's compiled main classes are, seen from its test run. */
    public static final Path MAIN_CLASSES = Path.of("target/classes");
    /** A short literal ("2024", ">=") may stay in {@code @Schema(example)} and {@code @Parameter(example)}. */
    static final int SHORT_LITERAL = 40;
    private static final String EXAMPLE_OBJECT = "org.eclipse.microprofile.openapi.annotations.media.ExampleObject";
    private static final String OPENAPI_ANNOTATIONS = "org.eclipse.microprofile.openapi.annotations.";

    private InlineExamples() {
    }

    /** Fails listing every inline example of the classes under {@code classes} (a directory of .class files). */
    public static void assertNoneIn(Path classes) {
        List<String> found = in(classes);
        assertTrue(found.isEmpty(), found.size() + " inline OpenAPI example(s): move each into the components of "
                + "META-INF/openapi/<module>.yaml and name it with @ExampleObject(name = ..., ref = ...):\n"
                + String.join("\n", found));
    }

    /** Every inline example of the classes under {@code classes}, one line each. */
    public static List<String> in(Path classes) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            List<String> names = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replace(".class", "")).sorted()
                    .toList();
            assertTrue(!names.isEmpty(), "no classes under " + classes.toAbsolutePath());
            boolean annotated = false;
            for (String name : names) {
                Class<?> type;
                try {
                    type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue; // not loadable without what it optionally needs: it declares no resource either
                }
                found.addAll(of(type));
                annotated |= documented(type);
            }
            // Guards the guard: classes it could not load would otherwise pass unread.
            assertTrue(annotated, "no OpenAPI annotation read under " + classes.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The inline examples in the annotations of one class: on it, its fields, methods and their parameters. */
    public static List<String> of(Class<?> type) {
        List<String> found = new ArrayList<>();
        List<AnnotatedElement> elements = new ArrayList<>();
        elements.add(type);
        try {
            elements.addAll(List.of(type.getDeclaredFields()));
            for (Method method : type.getDeclaredMethods()) {
                elements.add(method);
                elements.addAll(List.of(method.getParameters()));
            }
        } catch (LinkageError e) {
            return found; // a member's type is not loadable: nothing OpenAPI scans either
        }
        for (AnnotatedElement element : elements) {
            for (Annotation annotation : element.getDeclaredAnnotations()) {
                walk(type.getName() + " " + name(element), annotation, found);
            }
        }
        return found;
    }

    private static boolean documented(Class<?> type) {
        try {
            return Stream.of(type.getDeclaredMethods()).flatMap(m -> Stream.of(m.getDeclaredAnnotations()))
                    .anyMatch(a -> a.annotationType().getName().startsWith(OPENAPI_ANNOTATIONS));
        } catch (LinkageError e) {
            return false;
        }
    }

    private static void walk(String where, Annotation annotation, List<String> found) {
        String kind = annotation.annotationType().getName();
        for (Method member : annotation.annotationType().getDeclaredMethods()) {
            Object value = invoke(member, annotation);
            if (value instanceof Annotation nested) {
                walk(where, nested, found);
            } else if (value instanceof Annotation[] nested) {
                for (Annotation each : nested) {
                    walk(where, each, found);
                }
            } else if (value instanceof String text && kind.startsWith(OPENAPI_ANNOTATIONS)) {
                String simple = annotation.annotationType().getSimpleName();
                if (EXAMPLE_OBJECT.equals(kind) && member.getName().equals("value") && !text.isEmpty()) {
                    found.add(where + ": @ExampleObject(name = \"" + invoke("name", annotation) + "\") has a value "
                            + "instead of a ref: " + abridged(text));
                } else if (member.getName().equals("example") && inline(text)) {
                    found.add(where + ": @" + simple + "(example) is more than a short literal: " + abridged(text));
                }
            }
        }
    }

    private static boolean inline(String text) {
        String trimmed = text.strip();
        return trimmed.length() > SHORT_LITERAL || trimmed.startsWith("{") || trimmed.startsWith("[");
    }

    private static String abridged(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > SHORT_LITERAL ? line.substring(0, SHORT_LITERAL) + "..." : line;
    }

    private static String name(AnnotatedElement element) {
        if (element instanceof Method method) {
            return method.getName() + "()";
        }
        if (element instanceof Parameter parameter) {
            return parameter.getDeclaringExecutable().getName() + "(" + parameter.getName() + ")";
        }
        if (element instanceof Field field) {
            return field.getName();
        }
        return "";
    }

    private static Object invoke(String member, Annotation annotation) {
        try {
            return invoke(annotation.annotationType().getMethod(member), annotation);
        } catch (NoSuchMethodException e) {
            return "";
        }
    }

    private static Object invoke(Method member, Annotation annotation) {
        try {
            return member.invoke(annotation);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
