package se.kvinnohalsa.gateway.followup;

import java.time.Instant;

/**
 * What a section rests on, so that every figure can be traced: an allocation version, a region's report (its
 * version and when it was submitted or reviewed), an indicator import batch or region-reported value (its id and
 * when it was loaded).
 *
 * @param kind AGREEMENT, ALLOCATION, REPORT, IMPORT_BATCH or REGION_REPORT
 * @param reference what it is: "2024", "2024/03", a batch id
 * @param version the version the document used; null where the source has none
 * @param time when that version came about (published, submitted or reviewed, loaded)
 * @param detail a short description for the reader
 */
public record Source(String kind, String reference, Integer version, Instant time, String detail) {
}
