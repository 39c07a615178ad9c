package se.kvinnohalsa.stack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU time of the bench's PostgreSQL (Linux /proc): the postmaster, its live backends, and the backends that have
 * ended (which the kernel adds to the postmaster's children's time). Beside a service's own CPU time it shows where
 * an import's time goes; -1 where /proc is not there.
 */
final class PostgresCpu {

    /** USER_HZ of Linux' /proc/<pid>/stat: 100 on every common platform. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private static final long MILLIS_PER_SECOND = 1000;
    /** Fields of /proc/<pid>/stat after the command name: ppid, utime, stime, cutime, cstime. */
    private static final int PPID = 1;
    private static final int UTIME = 11;
    private static final int STIME = 12;
    private static final int CUTIME = 13;
    private static final int CSTIME = 14;
    private static final long POLL_MILLIS = 20;

    private final Path dataDir;

    PostgresCpu(Path dataDir) {
        this.dataDir = dataDir;
    }

    long millis() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            String[] own = fields(postmaster);
            long ticks = sum(own, UTIME, STIME, CUTIME, CSTIME);
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                ticks += processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .mapToLong(p -> {
                            String[] child = fields(Long.parseLong(p.getFileName().toString()));
                            return child != null && Long.parseLong(child[PPID]) == postmaster
                                    ? sum(child, UTIME, STIME)
                                    : 0;
                        }).sum();
            }
            return ticks * MILLIS_PER_SECOND / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Waits (up to timeout) until no backend of the database is left: an ended backend's time reaches the
     * postmaster's only once the postmaster has reaped it, a moment after its client (psql) has exited.
     */
    void awaitBackendsGone(String database, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && hasBackend(database)) {
            Thread.sleep(POLL_MILLIS);
        }
    }

    private boolean hasBackend(String database) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .anyMatch(p -> {
                        String[] fields = fields(Long.parseLong(p.getFileName().toString()));
                        if (fields == null || Long.parseLong(fields[PPID]) != postmaster) {
                            return false;
                        }
                        try {
                            // A backend's title: "postgres: <user> <database> <client> <state>"
                            String title = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                            return title.contains(" " + database + " ");
                        } catch (IOException gone) {
                            return false;
                        }
                    });
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static long sum(String[] fields, int... which) {
        long total = 0;
        for (int i : which) {
            total += Long.parseLong(fields[i]);
        }
        return total;
    }

    /** The stat fields after the command name (which is in parentheses and may hold spaces); null once gone. */
    private static String[] fields(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null;
        }
    }
}
