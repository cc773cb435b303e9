package io.tablewarden.cli;

import io.tablewarden.profiles.ProfileEnvironment;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A command line that names a subcommand builds that one only; everything else sees the whole tree. */
class LazySubcommandsTest {

    private static List<String> tree(String... args) {
        CliContext ctx = new CliContext(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false, List::of,
                null, null, null, null, System::nanoTime, false);
        CommandLine cmd = Cli.commandLine(ctx, ProfileEnvironment::system, args);
        return List.copyOf(cmd.getSubcommands().keySet());
    }

    @Test
    void theListIsTheWholeTree() {
        assertEquals(Cli.SUBCOMMANDS, tree((String[]) null));
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertEquals(List.of("scan"), tree("scan", "--demo"));
        assertEquals(List.of("profiles"), tree("profiles", "list"));
        assertEquals(List.of("fixture"), tree("--debug-ignored", "fixture", "export", "1"));
    }

    @Test
    void helpVersionAndUnknownWordsSeeEverySubcommand() {
        assertEquals(Cli.SUBCOMMANDS, tree());
        assertEquals(Cli.SUBCOMMANDS, tree("--help"));
        assertEquals(Cli.SUBCOMMANDS, tree("--version"));
        assertEquals(Cli.SUBCOMMANDS, tree("sacn", "--demo"));
        assertEquals(Cli.SUBCOMMANDS, tree("SCAN"));
        assertNull(Cli.subcommandNamed(new String[] {"-h"}));
    }

    @Test
    void anUnknownWordIsAUsageErrorNamingIt() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, List::of, null, null, null, null,
                System::nanoTime, false);
        int code = Cli.run(ctx, "sacn", "--demo");
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.USAGE, code, text);
        assertTrue(text.startsWith("tablewarden: Unmatched arguments from index 0: 'sacn'"), text);
    }
}
