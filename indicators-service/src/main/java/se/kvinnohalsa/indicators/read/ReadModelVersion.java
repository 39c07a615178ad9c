package se.kvinnohalsa.indicators.read;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * One counter for everything the reads show. Every change bumps it in its own transaction, so a cached view (in any
 * replica) is stale exactly when its version differs from the database's.
 */
@ApplicationScoped
public class ReadModelVersion {

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void bump() {
        entityManager.createNativeQuery("UPDATE read_model_version SET version = version + 1 WHERE id = 1").executeUpdate();
    }

    public long current() {
        return ((Number) entityManager.createNativeQuery("SELECT version FROM read_model_version WHERE id = 1")
                .getSingleResult()).longValue();
    }
}
