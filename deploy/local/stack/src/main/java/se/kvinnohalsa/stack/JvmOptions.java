package se.kvinnohalsa.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options the services run with on this machine (local stack, bench, packaged-system tests), chosen by
 * measurement ({@code deploy/local/bench.sh levers}, issue 17 item 4). The Kubernetes manifests set the same through
 * JAVA_OPTS_APPEND (deploy/kubernetes/base/common/configmap.yaml).
 */
public final class JvmOptions {

    /** Every service's maximum heap (the bench's heap figures are read against it). */
    public static final String HEAP = "-Xmx256m";

    /**
     * Heap bound and the serial collector (one GC thread, no G1 remembered sets: the smallest footprint), and a small
     * initial heap: without it the JVM starts with 1/64 of the machine's memory (here all of -Xmx) and the young
     * generation that start-up fills is resident at once. With the class archive, resident memory after the first
     * answer went from about 295 to 242 MB and CPU time to it down by a fifth (allocation-service). C1-only
     * (-XX:TieredStopAtLevel=1) is not here although it started with about 40 % less CPU: its steady-state throughput
     * was not measured, and the bench's P1 and P4 are throughput.
     */
    public static final List<String> SERVICE = List.of(HEAP, "-Xms32m", "-XX:+UseSerialGC");

    private JvmOptions() {
    }

    /** The {@code java} of the JDK running this launcher: the services and the broker run on the same one. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The options of the local stack: {@link #SERVICE} and the service's class archive in {@code archiveDir}. */
    public static List<String> withArchive(Path archiveDir, String service, Path jar) {
        int feature = Runtime.version().feature();
        ClassDataArchive archive = ClassDataArchive.of(archiveDir, service, jar, feature,
                ClassDataArchive.preferred(feature));
        List<String> options = new ArrayList<>(SERVICE);
        options.addAll(archive.jvmOptions());
        return options;
    }
}
