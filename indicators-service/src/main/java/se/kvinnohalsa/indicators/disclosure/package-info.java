/**
 * Disclosure control of the public reads: small cells and secondary (complementary) cell suppression.
 * <p>
 * <b>What is protected.</b> A value with a denominator below {@code indicators.suppression.min-denominator} is a
 * small cell and withheld (SMALL_CELL). No combination of published figures may then bound it tighter than
 * {@code indicators.suppression.protection-interval} points on either side of its true value (clipped to the
 * unit's range): where one could, more values are withheld (COMPLEMENTARY). A period is one unit of protection
 * (every group's table at once); periods are not related to each other, so previous values, changes and series
 * follow each period's own plan, the same in every view.
 * <p>
 * <b>What an attacker is assumed to know</b> ({@link se.kvinnohalsa.indicators.disclosure.DisclosureModel}): every
 * published value; the national value as a combination of the regions, computed here (weighted by denominators,
 * which the attacker is assumed to know although they are not published, or the unweighted mean, known to the
 * national value's rounding) or reported by the registry (pooled over its regions, a rest for what its own
 * denominator has beyond theirs; a mixture with unknown weights, i.e. between the lowest and highest region, when
 * the regions' denominators are missing); groups that make up ALL (configured, or pairs whose denominators add up)
 * likewise weighted, or a mixture without denominators. Gaps, changes and ranks are differences of published values
 * and never shown beside a withheld one.
 * <p>
 * <b>Method</b> ({@link se.kvinnohalsa.indicators.disclosure.SecondarySuppression}): iterative LP audit with greedy
 * complementary suppression. Each small cell's feasibility interval is found by linear programming over all these
 * relations ({@link se.kvinnohalsa.indicators.disclosure.FeasibilityAudit}, Apache Commons Math's simplex; a mixture
 * is a disjunction, solved case by case, so the interval is exact for the model); complementary cells are added one
 * at a time, the cheapest that protects first, until every small cell is protected, then each is dropped again if
 * it is not needed. Like tau-Argus' audit, the intervals ignore that numerators are whole numbers.
 */
package se.kvinnohalsa.indicators.disclosure;
