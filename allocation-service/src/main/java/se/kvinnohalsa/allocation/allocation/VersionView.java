package se.kvinnohalsa.allocation.allocation;

import java.time.Instant;

public record VersionView(int year, int version, Instant publishedAt, String publishedBy, long totalSek) {
}
