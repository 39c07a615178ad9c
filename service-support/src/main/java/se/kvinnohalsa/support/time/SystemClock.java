package se.kvinnohalsa.support.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The one clock of every service: whatever records or judges a time (submission, lateness, provenance, the outbox)
 * reads it from the injected {@link Clock}, so that tests can put another one in its place.
 */
public class SystemClock {

    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
