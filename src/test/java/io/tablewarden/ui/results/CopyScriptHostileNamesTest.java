package io.tablewarden.ui.results;

import io.tablewarden.model.Status;
import io.tablewarden.store.StoredResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.tablewarden.ui.results.TestSnapshots.PITR;
import static io.tablewarden.ui.results.TestSnapshots.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The copied fix script of tables with hostile names: bash runs it with {@code aws} recording its arguments, each
 * name arrives as one argument, nothing in a name runs, and a newline in a name cannot end the comment header.
 */
class CopyScriptHostileNamesTest {

    @Test
    void namesAreDataInTheScriptAndInItsComments(@TempDir Path dir) throws Exception {
        String quoted = "x'$(touch pwned)\"`touch pwned`";
        String newline = "y\ntouch pwned\n\u001b]0;t\u0007";
        StoredResult first = table(PITR, "eu-west-1", quoted, Status.FAIL, false);
        StoredResult second = table(PITR, "eu-west-1", newline, Status.FAIL, false);
        String script = CopyScriptBuilder.build(List.of(first, second),
                TestSnapshots.snapshot(List.of(first, second)));
        assertTrue(script.contains("# --- table y\\ntouch pwned\\n\\e]0;t\\a: " + PITR), script);

        // The script's own aws() runs the command found on PATH: a stand-in that records its arguments.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path aws = bin.resolve("aws");
        Files.writeString(aws, "#!/usr/bin/env bash\nprintf '%s\\0' \"$@\" >> \"$ARGV_FILE\"\n");
        aws.toFile().setExecutable(true);
        Files.writeString(dir.resolve("fix.sh"), script, StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder("bash", "fix.sh").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("ARGV_FILE", dir.resolve("argv").toString());
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertFalse(Files.exists(dir.resolve("pwned")), "a table name ran a command");
        String argv = Files.readString(dir.resolve("argv"), StandardCharsets.UTF_8);
        assertTrue(argv.contains("\0--table-name\0" + quoted + "\0"), argv);
        assertTrue(argv.contains("\0--table-name\0" + newline + "\0"), argv);
    }
}
