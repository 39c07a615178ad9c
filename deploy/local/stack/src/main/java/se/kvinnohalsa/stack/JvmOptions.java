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

    /** Heap bound and the serial collector: one GC thread and no G1 remembered sets, the smallest footprint. */
    public static final List<String> SERVICE = List.of("-Xmx256m", "-XX:+UseSerialGC");

    private JvmOptions() {
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
