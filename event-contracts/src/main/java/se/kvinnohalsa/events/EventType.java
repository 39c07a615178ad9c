package se.kvinnohalsa.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The CloudEvents type and topic of one event record; a new version of an event is a new record. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    /** CloudEvents {@code type}, e.g. {@code se.kvinnohalsa.report.submitted.v1}. */
    String value();

    String topic();
}
