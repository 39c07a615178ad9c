package se.kvinnohalsa.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's class archive: written by the first start, mapped by the next, renewed by a rebuild. */
class ClassDataArchiveTest {

    @TempDir
    Path dir;

    private Path build() throws IOException {
        Path app = Files.createDirectories(dir.resolve("quarkus-app"));
        Files.createDirectories(app.resolve("lib/main"));
        Files.writeString(app.resolve("lib/main/library.jar"), "library");
        return Files.writeString(app.resolve("quarkus-run.jar"), "launcher");
    }

    @Test
    void theFirstStartWritesTheArchiveTheNextMapsIt() throws IOException {
        Path jar = build();
        Path archives = dir.resolve("cds");
        ClassDataArchive archive = ClassDataArchive.of(archives, "gateway", jar, 17, ClassDataArchive.Kind.CDS);
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + archive.file()), archive.jvmOptions());
        Files.writeString(archive.file(), "archive");
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive.file()), archive.jvmOptions());
    }

    @Test
    void theJdk25CacheIsTrainedThenUsed() throws IOException {
        Path jar = build();
        ClassDataArchive cache = ClassDataArchive.of(dir, "gateway", jar, 25, ClassDataArchive.Kind.AOT_CACHE);
        assertEquals(List.of("-XX:AOTCacheOutput=" + cache.file()), cache.jvmOptions());
        Files.writeString(cache.file(), "cache");
        assertEquals(List.of("-XX:AOTCache=" + cache.file()), cache.jvmOptions());
        assertEquals(ClassDataArchive.Kind.AOT_CACHE, ClassDataArchive.preferred(25));
        assertEquals(ClassDataArchive.Kind.CDS, ClassDataArchive.preferred(17));
    }

    @Test
    void aRebuildOrAnotherJdkStartsANewArchiveAndTheOldOneGoes() throws IOException {
        Path jar = build();
        Path archives = dir.resolve("cds");
        ClassDataArchive before = ClassDataArchive.of(archives, "gateway", jar, 17, ClassDataArchive.Kind.CDS);
        before.jvmOptions();
        Files.writeString(before.file(), "archive");
        Path other = ClassDataArchive.of(archives, "reporting-service", jar, 17, ClassDataArchive.Kind.CDS).file();
        Files.writeString(other, "another service's");

        Path library = jar.getParent().resolve("lib/main/library.jar");
        Files.setLastModifiedTime(library, FileTime.fromMillis(Files.getLastModifiedTime(library).toMillis() + 1000));
        ClassDataArchive rebuilt = ClassDataArchive.of(archives, "gateway", jar, 17, ClassDataArchive.Kind.CDS);
        assertNotEquals(before.file(), rebuilt.file());
        assertNotEquals(rebuilt.file(),
                ClassDataArchive.of(archives, "gateway", jar, 21, ClassDataArchive.Kind.CDS).file());

        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + rebuilt.file()), rebuilt.jvmOptions());
        assertFalse(Files.exists(before.file()), "the stale archive is removed");
        assertTrue(Files.exists(other), "other services' archives stay");
    }
}
