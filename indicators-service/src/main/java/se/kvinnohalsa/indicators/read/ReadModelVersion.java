package se.kvinnohalsa.indicators.read;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import se.kvinnohalsa.indicators.IndicatorsConfig;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One counter for everything the reads show. Every change bumps it in its own transaction, so a cached view is
 * stale exactly when its version differs from the database's. The database is asked at most once per
 * {@code indicators.read.version-check-millis}: a change committed by this replica is seen at once (the commit
 * clears the remembered version), one committed by another replica within that interval.
 */
@ApplicationScoped
public class ReadModelVersion {

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    IndicatorsConfig config;

    private record Known(long version, long checkedAtNanos) {
    }

    private volatile Known known;
    /** Bumped on every local commit, so that a read racing with the commit cannot remember the old version. */
    private final AtomicLong generation = new AtomicLong();

    @Transactional(Transactional.TxType.MANDATORY)
    public void bump() {
        entityManager.createNativeQuery("UPDATE read_model_version SET version = version + 1 WHERE id = 1")
                .executeUpdate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    generation.incrementAndGet();
                    known = null;
                }
            }
        });
    }

    public long current() {
        Known remembered = known;
        long now = System.nanoTime();
        if (remembered != null && now - remembered.checkedAtNanos() < config.read().versionCheckMillis() * 1_000_000L) {
            return remembered.version();
        }
        long before = generation.get();
        long version = ((Number) entityManager.createNativeQuery("SELECT version FROM read_model_version WHERE id = 1")
                .getSingleResult()).longValue();
        if (generation.get() == before) {
            known = new Known(version, now);
        }
        return version;
    }
}
