package se.kvinnohalsa.stack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/local/token.sh as a developer runs it: the token on stdout and nothing on stderr (no SLF4J warnings). */
class TokenScriptTest {

    private static final Path ROOT = Path.of("../../..").toAbsolutePath().normalize();
    private static final long TIMEOUT_SECONDS = 60;

    record Run(int exit, String out, String err) {
    }

    @Test
    void printsATokenAndNothingElse() throws Exception {
        Run run = tokenSh("reporter", "23");
        assertEquals("", run.err(), "stderr stays empty");
        assertEquals(0, run.exit());
        assertTrue(run.out().strip().matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+"), "a signed JWT: " + run.out());
    }

    @Test
    void aWrongCallSaysHowToCallIt() throws Exception {
        Run run = tokenSh("reporter");
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), "one line on stderr: " + run.err());
        assertTrue(lines.get(0).startsWith("usage: token.sh ROLE [REGION]"), lines.get(0));
    }

    private static Run tokenSh(String... args) throws IOException, InterruptedException {
        Path work = Files.createDirectories(Path.of("target/token-sh").toAbsolutePath());
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("deploy/local/token.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().put("STACK_DIR", work.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("token.sh did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
