package se.kvinnohalsa.gateway.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A subscriber of the gateway's own, as the document cache and HTTP cache are: it records what it is told. */
@ApplicationScoped
public class DomainEventRecorder {

    private final List<DomainEventReceived> received = new CopyOnWriteArrayList<>();

    void on(@ObservesAsync DomainEventReceived event) {
        received.add(event);
    }

    public List<DomainEventReceived> received() {
        return received;
    }
}
