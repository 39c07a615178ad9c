package se.kvinnohalsa.support.inbox;

import se.kvinnohalsa.events.DomainEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** What one consumer does with each event type it cares about; other types are acknowledged and skipped. */
public final class EventHandlers {

    private final Map<Class<? extends DomainEvent>, BiConsumer<Object, EventContext>> handlers = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    public <E extends DomainEvent> EventHandlers on(Class<E> type, BiConsumer<E, EventContext> handler) {
        handlers.put(type, (event, context) -> handler.accept((E) event, context));
        return this;
    }

    Optional<BiConsumer<Object, EventContext>> handlerFor(Class<?> type) {
        return Optional.ofNullable(handlers.get(type));
    }
}
