package se.kvinnohalsa.support.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import se.kvinnohalsa.support.json.JsonLimits;
import se.kvinnohalsa.support.json.RejectedValueException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The contract's error shapes (shared/API.md): 400 for malformed bodies and wrong types, 422 for content that breaks
 * a rule, both as problem+json with {@code errors: [{field, message}]} naming each field.
 */
public class ApiProblems {

    public static final int UNPROCESSABLE_CONTENT = 422;
    /** Before quarkus-resteasy-problem's mappers of the same exception types, whose shapes differ from the contract. */
    static final int FIRST = 1;

    /**
     * Quarkus REST wraps unreadable JSON in a plain WebApplicationException(400); other statuses of it keep their
     * status and headers and become problem+json.
     */
    @ServerExceptionMapper(priority = FIRST)
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return wrongType(mapping, uri);
        }
        if (e.getCause() instanceof StreamConstraintsException limit) {
            return tooLargeJson(limit, uri);
        }
        if (e.getCause() instanceof JsonProcessingException other) {
            return withErrors(BAD_REQUEST, "The body is not readable JSON",
                    List.of(new FieldError("body", firstLine(other))), uri);
        }
        Response original = e.getResponse();
        Response.ResponseBuilder problem = SecurityProblems.problem(original.getStatus(),
                original.getStatusInfo().getReasonPhrase(), e.getMessage(), uri.getPath(), Map.of());
        original.getStringHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(v -> problem.header(name, v));
            }
        });
        return problem.build();
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response invalidContent(InvalidContentException e, UriInfo uri) {
        return withErrors(UNPROCESSABLE_CONTENT, e.getMessage(), e.errors(), uri);
    }

    /** Quarkus throws this subclass for REST parameters; mapped by exact type so it wins over other mappers. */
    @ServerExceptionMapper(priority = FIRST)
    public Response restViolations(ResteasyReactiveViolationException e, UriInfo uri) {
        return constraintViolations(e, uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return withErrors(UNPROCESSABLE_CONTENT, "The request has invalid fields", errors, uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        String where = "(line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith(DUPLICATE_FIELD)) {
            // Jackson names the field: "Duplicate field 'amountSek'". The last one would silently win otherwise.
            return withErrors(BAD_REQUEST, "The body gives a field twice " + where,
                    List.of(new FieldError("body", "a field given twice: " + message.substring(
                            DUPLICATE_FIELD.length()).trim())),
                    uri);
        }
        return withErrors(BAD_REQUEST, "The body is not well-formed JSON " + where,
                List.of(new FieldError("body", "malformed JSON")), uri);
    }

    /** A number, string, name or nesting beyond JsonLimits: refused while parsing, before it costs anything. */
    @ServerExceptionMapper(priority = FIRST)
    public Response tooLargeJson(StreamConstraintsException e, UriInfo uri) {
        return withErrors(BAD_REQUEST, "The body has a value beyond this API's limits",
                List.of(new FieldError("body", JsonLimits.describe(e))), uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return wrongType(e, uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return wrongType(e, uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return wrongType(e, uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response wrongType(JsonMappingException e, UriInfo uri) {
        String field = pathOf(e);
        String message;
        if (e instanceof RejectedValueException rejected) {
            message = rejected.reason();
        } else if (e.getCause() instanceof StreamConstraintsException limit) {
            return tooLargeJson(limit, uri);
        } else if (e.getCause() instanceof InputCoercionException) {
            message = "out of range for a " + simpleType(((InputCoercionException) e.getCause()).getTargetType());
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field '" + unknown.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException format) {
            message = "'" + format.getValue() + "' is not a valid " + simpleType(format.getTargetType());
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "expected " + simpleType(mismatch.getTargetType());
        } else {
            message = "invalid value";
        }
        return withErrors(BAD_REQUEST, "The body does not match the expected structure",
                List.of(new FieldError(field.isEmpty() ? "body" : field, message)), uri);
    }

    private static final int BAD_REQUEST = 400;
    private static final String DUPLICATE_FIELD = "Duplicate field";

    static Response withErrors(int status, String detail, List<FieldError> errors, UriInfo uri) {
        String title = status == BAD_REQUEST ? "Bad Request" : "Unprocessable Content";
        return SecurityProblems.problem(status, title, detail, uri.getPath(), Map.of("errors", errors)).build();
    }

    /** {@code lines[1].amountSek} from Jackson's reference path. */
    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** {@code lines[1].amountSek} from a bean-validation path such as {@code put.body.lines[1].amountSek}. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> nodes = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                if (node.getKind() == ElementKind.PARAMETER) {
                    nodes.add("\u0000" + node.getName());
                }
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null) {
                int last = nodes.size() - 1;
                if (last >= 0) {
                    nodes.set(last, nodes.get(last) + "[" + node.getIndex() + "]");
                }
            }
            if (!name.isEmpty() && !name.startsWith("<")) {
                nodes.add(name);
            }
        }
        // A violation on a whole body parameter is named after the parameter; inside the body, by its path.
        List<String> inside = nodes.stream().filter(n -> !n.startsWith("\u0000")).toList();
        if (inside.isEmpty()) {
            return nodes.isEmpty() ? "body" : nodes.get(nodes.size() - 1).substring(1);
        }
        return inside.stream().collect(Collectors.joining("."));
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (type.isEnum()) {
            return "value, one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class) {
            return "string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (type.getName().startsWith("java.time")) {
            return "ISO 8601 " + type.getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase();
        }
        return "object";
    }
}
