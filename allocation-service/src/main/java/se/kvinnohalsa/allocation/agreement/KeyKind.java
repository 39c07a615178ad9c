package se.kvinnohalsa.allocation.agreement;

/** How a pool is split: not yet (NONE), by a distribution key (WEIGHTS), or by fixed amounts (AMOUNTS). */
public enum KeyKind {
    NONE, WEIGHTS, AMOUNTS
}
