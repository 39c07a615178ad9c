package se.kvinnohalsa.deploy.kubernetes;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services' JVM options in every overlay (issue 17, item 4): one collector for run-java.sh, the class archive that
 * the image build writes and no option that would keep the JVM from starting or replace the image's own.
 */
class JvmOptionsTest {

    private static final Pattern ARCHIVE_WRITTEN = Pattern.compile("-XX:ArchiveClassesAtExit=(\\S+)");

    private static Map<?, ?> commonSettings(String overlay) {
        return (Map<?, ?>) Yaml.at(OverlaysTest.one(OverlaysTest.render(overlay), "ConfigMap", "kvinnohalsa-common"),
                "data");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void oneCollectorReplacesRunJavasParallelGc(String overlay) {
        Map<?, ?> data = commonSettings(overlay);
        assertEquals("-XX:+UseSerialGC", data.get("GC_CONTAINER_OPTIONS"));
        String append = (String) data.get("JAVA_OPTS_APPEND");
        // A second collector in JAVA_OPTS_APPEND would make the JVM refuse to start (conflicting collectors).
        assertFalse(append.matches(".*-XX:\\+Use\\w*GC.*"), append);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theArchiveMappedAtStartIsTheOneTheImageBuildWrites(String overlay) throws IOException {
        String dockerfile = Files.readString(OverlaysTest.KUBERNETES_DIR.resolve("image/Dockerfile.jvm"));
        Matcher written = ARCHIVE_WRITTEN.matcher(dockerfile);
        assertTrue(written.find(), "the Dockerfile archives the classes at build time");
        List<String> options = Arrays.asList(((String) commonSettings(overlay).get("JAVA_OPTS_APPEND")).split(" "));
        assertTrue(options.contains("-XX:SharedArchiveFile=" + written.group(1)), options.toString());
        // What the Quarkus image sets in JAVA_OPTS_APPEND, which the ConfigMap replaces.
        assertTrue(options.contains("-Djava.util.logging.manager=org.jboss.logmanager.LogManager"), options.toString());
    }
}
