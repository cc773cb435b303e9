package io.tablewarden.engine.remediation;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property: for random hostile strings, the bash word is read back by bash as exactly one argument equal to the
 * value, a comment holding it stays a comment, a JSON document built with the json filter parses back to the
 * value, and nothing in the values runs.
 */
class ShellWordsTest {

    private static final int SAMPLES = 600;

    @TempDir
    Path dir;

    @Test
    void knownExamples() {
        assertEquals("orders", ShellWords.word("orders"));
        assertEquals("us-east-1", ShellWords.word("us-east-1"));
        assertEquals("''", ShellWords.word(""));
        assertEquals("'$(touch /tmp/x)'", ShellWords.word("$(touch /tmp/x)"));
        assertEquals("'it'\\''s'", ShellWords.word("it's"));
        assertEquals("$'a\\x0ab'", ShellWords.word("a\nb"));
        assertEquals("$'\\x1b]0;t\\x07'", ShellWords.word("\u001b]0;t\u0007"));
        assertEquals("$'x\\xe2\\x80\\xaey'", ShellWords.word("x\u202ey"));
        assertEquals("$'\\'\\\\\\x0a\\x21'", ShellWords.word("'\\\n!"));
        assertThrows(IllegalArgumentException.class, () -> ShellWords.word("a\0b"));
    }

    @Test
    void anOptionWhoseValueStartsWithADashKeepsItsValue() {
        assertEquals("--table-name orders", ShellWords.option("table-name", "orders"));
        assertEquals("--table-name=-orders", ShellWords.option("table-name", "-orders"));
        assertEquals("--table-name='-a b'", ShellWords.option("table-name", "-a b"));
        assertEquals("--table-name '$(x)'", ShellWords.option("table-name", "$(x)"));
    }

    @Test
    void bashReadsEveryWordBackAsTheValueAndRunsNothing() throws Exception {
        Random random = new Random(20261207L);
        List<String> values = new ArrayList<>();
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < SAMPLES; i++) {
            String value = HostileStrings.nextWithoutNul(random);
            values.add(value);
            String word = ShellWords.word(value);
            assertFalse(word.contains("\n") || word.contains("\r"), "one line for " + describe(value));
            script.append("printf '%s\\0' ").append(word).append('\n');
            // inside a comment the word must not end the comment
            script.append("# ").append(i).append(' ').append(word).append('\n');
            // the json filter: a JSON document built around the word
            script.append("printf '%s\\0' '{\"v\":\"'")
                    .append(SnippetFormat.SHELL.escape(value, true)).append("'\"}'\n");
        }
        List<String> args = runBash(script.toString());

        ObjectMapper json = new ObjectMapper();
        assertEquals(SAMPLES * 2, args.size(), "one argument per printf line");
        for (int i = 0; i < SAMPLES; i++) {
            String expected = VisibleText.wellFormed(values.get(i));
            assertEquals(expected, args.get(2 * i), describe(values.get(i)));
            assertEquals(expected, json.readTree(args.get(2 * i + 1)).get("v").asText(), describe(values.get(i)));
        }
        assertFalse(Files.exists(dir.resolve(HostileStrings.MARKER)), "a value ran a command");
    }

    @Test
    void bashAcceptsTheSyntaxOfEveryWord() throws Exception {
        Random random = new Random(7L);
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < SAMPLES; i++) {
            script.append("aws dynamodb describe-table --table-name ")
                    .append(ShellWords.word(HostileStrings.nextWithoutNul(random))).append('\n');
        }
        Path file = dir.resolve("syntax.sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
    }

    /** Runs {@code script} with bash in the temporary directory; its NUL-separated output. */
    private List<String> runBash(String script) throws IOException, InterruptedException {
        Path file = dir.resolve("words.sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).directory(dir.toFile());
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = builder.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                args.add(new String(out, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return args;
    }

    static String describe(String value) {
        StringBuilder out = new StringBuilder("value [");
        value.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                : String.format("\\u{%X}", c)));
        return out.append(']').toString();
    }
}
