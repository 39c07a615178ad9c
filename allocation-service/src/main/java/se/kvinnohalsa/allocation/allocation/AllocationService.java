package se.kvinnohalsa.allocation.allocation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import se.kvinnohalsa.allocation.agreement.AgreementPool;
import se.kvinnohalsa.allocation.agreement.AgreementService;
import se.kvinnohalsa.allocation.agreement.KeyKind;
import se.kvinnohalsa.allocation.agreement.PoolKeyEntry;
import se.kvinnohalsa.allocation.region.Regions;
import se.kvinnohalsa.events.contract.AllocationPublishedV1;
import se.kvinnohalsa.support.money.Kronor;
import se.kvinnohalsa.support.outbox.Outbox;
import se.kvinnohalsa.support.problem.FieldError;
import se.kvinnohalsa.support.problem.InvalidContentException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Pools' keys, the allocations they give, and their immutable, versioned publications. */
@ApplicationScoped
public class AllocationService {

    private static final int CONFLICT = 409;

    @Inject
    Clock clock;

    @Inject
    Regions regions;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    public record Publication(VersionView version, boolean created) {
    }

    @Transactional
    public PoolKeyView setWeights(int year, String poolCode, KeyRequest request) {
        AgreementPool pool = AgreementService.requirePool(year, poolCode);
        List<FieldError> errors = KeyRules.checkWeights(request.weights(), regions.codes());
        if (!errors.isEmpty()) {
            throw new InvalidContentException("The key breaks " + errors.size() + " rule(s)", errors);
        }
        replaceEntries(pool, KeyKind.WEIGHTS);
        for (KeyRequest.Weight weight : request.weights()) {
            PoolKeyEntry entry = entry(pool, weight.regionCode());
            entry.weight = weight.weight();
            entry.persist();
        }
        return poolKey(year, pool);
    }

    @Transactional
    public PoolKeyView setAmounts(int year, String poolCode, AmountsRequest request) {
        AgreementPool pool = AgreementService.requirePool(year, poolCode);
        List<FieldError> errors = KeyRules.checkAmounts(request.amounts(), regions.codes(), pool.amountSek);
        if (!errors.isEmpty()) {
            throw new InvalidContentException("The amounts break " + errors.size() + " rule(s)", errors);
        }
        replaceEntries(pool, KeyKind.AMOUNTS);
        for (AmountsRequest.Amount amount : request.amounts()) {
            PoolKeyEntry entry = entry(pool, amount.regionCode());
            entry.amountSek = amount.amountSek();
            entry.persist();
        }
        return poolKey(year, pool);
    }

    /** The allocations the current keys give, marked PUBLISHED when they are exactly the latest publication. */
    @Transactional
    public AllocationView current(int year) {
        AgreementService.require(year);
        AllocationCalculator.Result result = compute(year);
        Optional<AllocationPublication> latest = latest(year);
        boolean published = latest.isPresent() && result.poolsWithoutKey().isEmpty()
                && amounts(result).equals(published(year, latest.get().version));
        return new AllocationView(year, published ? "PUBLISHED" : "DRAFT",
                latest.map(p -> p.version).orElse(null),
                published ? latest.get().publishedAt : null,
                result.totalSek(), result.regions(), result.poolsWithoutKey());
    }

    /**
     * Freezes the current allocations as version n+1, unless they are exactly the latest version already (then that
     * version is returned: publishing twice is harmless). Every pool needs a key.
     */
    @Transactional
    public Publication publish(int year, String publishedBy) {
        AgreementService.require(year);
        // One publisher at a time per year, so that version numbers never collide.
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", 1_000_000L + year)
                .getSingleResult();
        AllocationCalculator.Result result = compute(year);
        if (!result.poolsWithoutKey().isEmpty()) {
            throw new ClientErrorException("Every pool needs a key before publication; without one: "
                    + String.join(", ", result.poolsWithoutKey()), CONFLICT);
        }
        Optional<AllocationPublication> latest = latest(year);
        if (latest.isPresent() && amounts(result).equals(published(year, latest.get().version))) {
            return new Publication(versionView(latest.get()), false);
        }
        AllocationPublication publication = new AllocationPublication();
        publication.year = year;
        publication.version = latest.map(p -> p.version + 1).orElse(1);
        publication.publishedAt = Instant.now(clock);
        publication.publishedBy = publishedBy;
        publication.totalSek = result.totalSek();
        publication.persist();
        for (AllocationCalculator.RegionAllocation region : result.regions()) {
            for (AllocationCalculator.PoolAmount pool : region.pools()) {
                PublishedAllocation row = new PublishedAllocation();
                row.year = year;
                row.version = publication.version;
                row.regionCode = region.regionCode();
                row.poolCode = pool.code();
                row.amountSek = pool.amountSek();
                row.persist();
            }
        }
        outbox.publish(new AllocationPublishedV1(year, publication.version, publication.totalSek,
                publication.publishedAt, result.regions().stream()
                        .map(r -> new AllocationPublishedV1.RegionAllocation(r.regionCode(), r.totalSek(),
                                r.pools().stream()
                                        .map(p -> new AllocationPublishedV1.PoolAmount(p.code(), p.amountSek()))
                                        .toList()))
                        .toList()));
        return new Publication(versionView(publication), true);
    }

    public List<VersionView> versions(int year) {
        AgreementService.require(year);
        return AllocationPublication.<AllocationPublication>list("year = ?1 order by version", year).stream()
                .map(AllocationService::versionView).toList();
    }

    /** A published version exactly as it was published. */
    public AllocationView version(int year, int version) {
        AgreementService.require(year);
        AllocationPublication publication = AllocationPublication
                .findById(new AllocationPublication.Key(year, version));
        if (publication == null) {
            throw new NotFoundException("The allocations of " + year + " have no version " + version);
        }
        List<String> poolOrder = AgreementPool.of(year).stream().map(p -> p.code).toList();
        Map<String, Map<String, Long>> byRegion = new LinkedHashMap<>();
        regions.all().forEach(r -> byRegion.put(r.code(), new HashMap<>()));
        published(year, version).forEach((key, amount) -> byRegion.get(key.region()).put(key.pool(), amount));
        List<AllocationCalculator.RegionAllocation> result = new ArrayList<>();
        byRegion.forEach((region, pools) -> {
            List<AllocationCalculator.PoolAmount> amounts = poolOrder.stream().filter(pools::containsKey)
                    .map(p -> new AllocationCalculator.PoolAmount(p, pools.get(p))).toList();
            result.add(new AllocationCalculator.RegionAllocation(region,
                    Kronor.sum(amounts.stream().map(AllocationCalculator.PoolAmount::amountSek).toList()), amounts));
        });
        return new AllocationView(year, "PUBLISHED", version, publication.publishedAt, publication.totalSek, result,
                List.of());
    }

    /** The region's total in the latest published version, if the year has been published. */
    public Optional<Long> publishedTotal(int year, String regionCode) {
        return latest(year).map(p -> entityManager.createQuery("""
                SELECT coalesce(sum(a.amountSek), 0) FROM PublishedAllocation a
                WHERE a.year = :year AND a.version = :version AND a.regionCode = :region""", Long.class)
                .setParameter("year", year).setParameter("version", p.version).setParameter("region", regionCode)
                .getSingleResult());
    }

    Optional<AllocationPublication> latest(int year) {
        return AllocationPublication.<AllocationPublication>find("year = ?1 order by version desc", year)
                .firstResultOptional();
    }

    private AllocationCalculator.Result compute(int year) {
        List<PoolKeyEntry> entries = PoolKeyEntry.of(year);
        List<AllocationCalculator.PoolInput> pools = new ArrayList<>();
        for (AgreementPool pool : AgreementPool.of(year)) {
            Map<String, BigDecimal> weights = new HashMap<>();
            Map<String, Long> amounts = new HashMap<>();
            entries.stream().filter(e -> e.poolCode.equals(pool.code)).forEach(e -> {
                if (e.weight != null) {
                    weights.put(e.regionCode, e.weight);
                } else {
                    amounts.put(e.regionCode, e.amountSek);
                }
            });
            pools.add(new AllocationCalculator.PoolInput(pool.code, pool.amountSek, pool.keyKind, weights, amounts));
        }
        List<String> regionCodes = new ArrayList<>(new TreeSet<>(regions.codes()));
        return AllocationCalculator.compute(regionCodes, pools);
    }

    private record RegionPool(String region, String pool) {
    }

    private static Map<RegionPool, Long> amounts(AllocationCalculator.Result result) {
        Map<RegionPool, Long> amounts = new HashMap<>();
        result.regions().forEach(
                r -> r.pools().forEach(p -> amounts.put(new RegionPool(r.regionCode(), p.code()), p.amountSek())));
        return amounts;
    }

    private static Map<RegionPool, Long> published(int year, int version) {
        Map<RegionPool, Long> amounts = new HashMap<>();
        PublishedAllocation.<PublishedAllocation>list("year = ?1 and version = ?2", year, version)
                .forEach(a -> amounts.put(new RegionPool(a.regionCode, a.poolCode), a.amountSek));
        return amounts;
    }

    private void replaceEntries(AgreementPool pool, KeyKind kind) {
        PoolKeyEntry.delete("year = ?1 and poolCode = ?2", pool.year, pool.code);
        entityManager.flush();
        pool.keyKind = kind;
        pool.keyChangedAt = Instant.now(clock);
    }

    private static PoolKeyEntry entry(AgreementPool pool, String regionCode) {
        PoolKeyEntry entry = new PoolKeyEntry();
        entry.year = pool.year;
        entry.poolCode = pool.code;
        entry.regionCode = regionCode;
        return entry;
    }

    private PoolKeyView poolKey(int year, AgreementPool pool) {
        entityManager.flush();
        AllocationCalculator.Result result = compute(year);
        Map<String, BigDecimal> weights = new HashMap<>();
        PoolKeyEntry.<PoolKeyEntry>list("year = ?1 and poolCode = ?2", year, pool.code)
                .forEach(e -> weights.put(e.regionCode, e.weight));
        List<PoolKeyView.Entry> entries = result.regions().stream().map(r -> new PoolKeyView.Entry(r.regionCode(),
                weights.get(r.regionCode()), r.pools().stream().filter(p -> p.code().equals(pool.code))
                        .mapToLong(AllocationCalculator.PoolAmount::amountSek).sum()))
                .toList();
        return new PoolKeyView(year, pool.code, pool.amountSek, pool.keyKind.name(), entries);
    }

    private static VersionView versionView(AllocationPublication p) {
        return new VersionView(p.year, p.version, p.publishedAt, p.publishedBy, p.totalSek);
    }

}
