package se.kvinnohalsa.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Application class-data sharing for a service launched from its Quarkus build: the classes one run loaded are
 * archived when it exits and mapped by the next start instead of being read, verified and parsed again (issue 17,
 * item 4). Works with every JDK from 17 and needs no build step: the first start writes the archive, later ones use
 * it. On JDK 25 and later the JDK's ahead-of-time cache (JEP 483/514) also keeps linked classes and profiles.
 * The archive is named after the build (the application's jars) and the JVM, so a rebuild or another JDK starts a new
 * one; a JVM that cannot use an archive says so and runs without it.
 */
public final class ClassDataArchive {

    /** The JDK that has the one-step AOT cache ({@code -XX:AOTCacheOutput}, JEP 514). */
    static final int AOT_CACHE_FEATURE = 25;
    private static final int HASH_CHARACTERS = 12;

    /** How a JVM keeps what a run loaded. */
    public enum Kind {
        /** A dynamic CDS archive: {@code -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile}. */
        CDS,
        /** JDK 25+: {@code -XX:AOTCacheOutput} (a training run), then {@code -XX:AOTCache}. */
        AOT_CACHE
    }

    private final Path file;
    private final Kind kind;

    private ClassDataArchive(Path file, Kind kind) {
        this.file = file;
        this.kind = kind;
    }

    /** The archive for {@code service}'s build at {@code jar}, run by the JDK of {@code javaFeature}, in {@code dir}. */
    public static ClassDataArchive of(Path dir, String service, Path jar, int javaFeature, Kind kind) {
        String extension = kind == Kind.AOT_CACHE ? ".aot" : ".jsa";
        return new ClassDataArchive(dir.resolve(service + "-jdk" + javaFeature + "-" + buildHash(jar) + extension),
                kind);
    }

    /** The best the JDK offers: its AOT cache from JDK 25, else a dynamic CDS archive. */
    public static Kind preferred(int javaFeature) {
        return javaFeature >= AOT_CACHE_FEATURE ? Kind.AOT_CACHE : Kind.CDS;
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /**
     * The JVM options of the next launch: use the archive if it is there, else write it when the process exits. Older
     * archives of the same service (another build or JDK) are removed then, so they do not pile up.
     */
    public List<String> jvmOptions() {
        if (exists()) {
            return kind == Kind.AOT_CACHE
                    ? List.of("-XX:AOTCache=" + file)
                    : List.of("-XX:SharedArchiveFile=" + file);
        }
        removeStale();
        return kind == Kind.AOT_CACHE
                ? List.of("-XX:AOTCacheOutput=" + file)
                : List.of("-XX:ArchiveClassesAtExit=" + file);
    }

    private void removeStale() {
        Path dir = file.getParent();
        String service = file.getFileName().toString();
        String prefix = service.substring(0, service.indexOf("-jdk") + "-jdk".length());
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path old : files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                    Files.deleteIfExists(old);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Names the build: the launcher jar and every jar and generated file of the fast-jar layout, by name, size and
     * modification time (a rebuild changes them), without reading their content.
     */
    static String buildHash(Path jar) {
        try (Stream<Path> files = Files.walk(jar.getParent())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String line = jar.getParent().relativize(p) + " " + Files.size(p) + " "
                        + Files.getLastModifiedTime(p).toMillis() + "\n";
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, HASH_CHARACTERS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
