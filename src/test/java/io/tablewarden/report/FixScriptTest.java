package io.tablewarden.report;

import io.tablewarden.model.CheckResult;
import io.tablewarden.model.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The combined fix script of the demo account: valid bash that shellcheck accepts, one key per table even when both
 * KMS checks fail, waits between two changes of one table, a dry run that runs nothing, and a real run (against a
 * stand-in {@code aws} that records its arguments) that makes each change once.
 */
class FixScriptTest {

    private static ScanReport demo;
    private static String script;

    @BeforeAll
    static void build() throws Exception {
        demo = DemoReports.demo();
        script = FixScript.build(demo.results(), demo, true);
    }

    @Test
    void startsStrictAndSaysWhatItChanges() {
        assertTrue(script.startsWith("#!/usr/bin/env bash\n"));
        assertTrue(script.contains("\nset -euo pipefail\n"));
        assertTrue(script.contains("# What it changes:"));
        assertTrue(script.contains("DRY_RUN=1"));
        long fixesListed = script.lines().filter(l -> l.startsWith("#  - ")).count();
        long fixBlocks = script.lines().filter(l -> l.startsWith("# --- ")).count();
        assertEquals(fixesListed, fixBlocks, "the header lists every fix");
    }

    @Test
    void passesBashSyntaxCheckAndShellcheck(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fix.sh");
        Files.writeString(file, script);
        Result syntax = run(List.of("bash", "-n", file.toString()), Map.of(), dir);
        assertEquals(0, syntax.exit, syntax.err);
        boolean shellcheck = Files.isExecutable(Path.of("/usr/bin/shellcheck"));
        if (!shellcheck && System.getenv("CI") != null) {
            throw new AssertionError("CI must install shellcheck (.ci/run does)");
        }
        assumeTrue(shellcheck, "shellcheck is not installed");
        Result check = run(List.of("shellcheck", "-s", "bash", "-S", "warning", file.toString()), Map.of(), dir);
        assertEquals(0, check.exit, check.out + check.err);
    }

    @Test
    void oneKeyPerTableWhenBothKmsChecksFail() {
        Set<String> kmsFailing = new HashSet<>();
        Set<String> both = new HashSet<>();
        for (CheckResult r : demo.results()) {
            if (r.status() == Status.FAIL && (r.checkId().equals("dynamodb_table_customer_managed_key")
                    || r.checkId().equals("dynamodb_tables_kms_cmk_encryption_enabled"))
                    && demo.muteOf(r) == null && !kmsFailing.add(r.resource().arn())) {
                both.add(r.resource().arn());
            }
        }
        assertFalse(both.isEmpty(), "the demo account has tables failing both KMS checks");
        for (String arn : both) {
            String name = arn.substring(arn.indexOf("table/") + 6);
            long keys = script.lines().filter(l -> l.contains("aws kms create-key"))
                    .filter(l -> script.indexOf(l) >= 0).count();
            assertTrue(keys >= 1);
            long blocks = script.lines().filter(l -> l.startsWith("# --- table " + name + ":")
                    && l.contains("kms")).count();
            assertEquals(1, blocks, "one KMS fix for " + name);
        }
    }

    @Test
    void aDryRunPrintsEveryCommandAndRunsNone(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("calls.log");
        Path bin = fakeAws(dir, log);
        Path file = dir.resolve("fix.sh");
        Files.writeString(file, script);
        Result dry = run(List.of("bash", file.toString()), Map.of("DRY_RUN", "1",
                "PATH", bin + ":" + System.getenv("PATH")), dir);
        assertEquals(0, dry.exit, dry.err);
        assertFalse(Files.exists(log), "a dry run called aws");
        assertTrue(dry.err.contains("[dry run] aws dynamodb update-continuous-backups"), dry.err);
        assertTrue(dry.out.contains("All fixes ran."));
    }

    @Test
    void aRealRunMakesEachChangeOnceAndWaitsBetweenChangesOfOneTable(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("calls.log");
        Path bin = fakeAws(dir, log);
        Path file = dir.resolve("fix.sh");
        Files.writeString(file, script);
        Result real = run(List.of("bash", file.toString()), Map.of("PATH", bin + ":" + System.getenv("PATH")), dir);
        assertEquals(0, real.exit, real.err);
        List<String> calls = Files.readAllLines(log);
        Map<String, Integer> keysPerTable = new HashMap<>();
        List<String> updates = new ArrayList<>();
        for (String call : calls) {
            if (call.startsWith("kms create-key")) {
                String table = call.replaceAll(".*--region ([^ ]+).*Encrypts DynamoDB table ([^ ]+).*", "$1 $2");
                keysPerTable.merge(table, 1, Integer::sum);
            }
            if (call.startsWith("dynamodb update-table") || call.startsWith("dynamodb wait table-exists")) {
                updates.add(call);
            }
        }
        keysPerTable.forEach((table, n) -> assertEquals(1, n, "keys created for " + table));
        // Two updates of one table always have a wait between them.
        String lastUpdatedTable = null;
        for (String call : updates) {
            String table = call.replaceAll(".*--region ([^ ]+).*--table-name ([^ ]+).*", "$1 $2");
            if (call.startsWith("dynamodb update-table")) {
                assertFalse(table.equals(lastUpdatedTable), "no wait before the second update of " + table);
                lastUpdatedTable = table;
            } else {
                lastUpdatedTable = null;
            }
        }
    }

    /**
     * DynamoDB.4 on the demo account, with each failure's fix chosen by its cause and with the generic fix for every
     * failure (the metadata without causes): the fixes to run, and the opt-in of eu-central-1 said once for its
     * three tables instead of three new selections beside the tag selection that already names them.
     */
    @Test
    void dynamoDb4OnTheDemoAccountNeedsFewerAndNarrowerFixes(@TempDir Path dir) throws Exception {
        String check = "dynamodb_table_protected_by_backup_plan";
        Map<String, io.tablewarden.model.CheckMetadata> genericOnly = new java.util.LinkedHashMap<>(demo.metadata());
        io.tablewarden.model.CheckMetadata m = genericOnly.get(check);
        genericOnly.put(check, new io.tablewarden.model.CheckMetadata(m.id(), m.title(), m.shortLabel(), m.severity(),
                m.resourceType(), m.description(), m.risk(), m.securityHubControl(), m.categories(), m.links(),
                m.remediation()));
        ScanReport before = new ScanReport(demo.scan(), demo.results(), demo.stats(), genericOnly, demo.mutes(), null);
        List<CheckResult> failing = demo.results().stream()
                .filter(r -> r.checkId().equals(check) && r.status() == Status.FAIL).toList();
        String scriptBefore = FixScript.build(failing, before, true);
        String scriptAfter = FixScript.build(failing, demo, true);
        int fixesBefore = fixesToRun(scriptBefore);
        int fixesAfter = fixesToRun(scriptAfter);
        List<String> writesBefore = writes(scriptBefore, dir.resolve("before"));
        List<String> writesAfter = writes(scriptAfter, dir.resolve("after"));
        System.out.printf("DynamoDB.4 on the demo account: %d failing tables; fixes to run %d before, %d after;"
                        + " write calls %d before, %d after (selections created %d before, %d after)%n",
                failing.size(), fixesBefore, fixesAfter, writesBefore.size(), writesAfter.size(),
                count(writesBefore, "backup create-backup-selection"), count(writesAfter, "backup create-backup-selection"));
        assertEquals(failing.size(), fixesBefore, "the generic fix is one per table");
        assertTrue(fixesAfter < fixesBefore, fixesAfter + " fixes after, " + fixesBefore + " before");
        assertEquals(1, writesAfter.stream().filter(w -> w.startsWith("backup update-region-settings --region eu-central-1"))
                .count(), String.valueOf(writesAfter));
        assertTrue(count(writesAfter, "backup create-backup-selection") < count(writesBefore,
                "backup create-backup-selection"));
        assertTrue(scriptAfter.contains("# --- region eu-central-1, one fix for 3 resources (de-invoices, de-payroll,"
                + " de-tax-rules)"), scriptAfter);
    }

    /** The fix blocks of a script that run at least one command (a block of comments only is a note). */
    private static int fixesToRun(String script) {
        int fixes = 0;
        boolean inFix = false;
        boolean runs = false;
        for (String line : (script + "\n# --- end").split("\n")) {
            if (line.startsWith("# --- ") || line.startsWith("# =====") || line.startsWith("echo 'All fixes ran.'")) {
                fixes += inFix && runs ? 1 : 0;
                inFix = line.startsWith("# --- ");
                runs = false;
            } else if (inFix && !line.isBlank() && !line.startsWith("#") && !line.equals("(") && !line.equals(")")) {
                runs = true;
            }
        }
        return fixes;
    }

    /** The calls of a real run against an {@code aws} that records them, without the reads. */
    private static List<String> writes(String script, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path log = dir.resolve("calls.log");
        Path bin = fakeAws(dir, log);
        Path file = dir.resolve("fix.sh");
        Files.writeString(file, script);
        Result real = run(List.of("bash", file.toString()), Map.of("PATH", bin + ":" + System.getenv("PATH")), dir);
        assertEquals(0, real.exit, real.err);
        List<String> out = new ArrayList<>();
        for (String call : Files.readAllLines(log)) {
            String operation = call.split(" ")[1];
            if (!operation.startsWith("describe-") && !operation.startsWith("list-") && !operation.startsWith("get-")
                    && !operation.equals("wait")) {
                out.add(call);
            }
        }
        return out;
    }

    private static long count(List<String> calls, String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).count();
    }

    @Test
    void namesInCommentsStayOnOneLine() {
        assertEquals("a\\nb\\rc", FixScript.comment("a\nb\rc"));
        assertEquals("x\\u202Ey", FixScript.comment("x\u202Ey"));
        assertEquals("'it'\\''s'", io.tablewarden.engine.remediation.ShellWords.word("it's"));
        assertEquals("'$(touch x)'", io.tablewarden.engine.remediation.ShellWords.word("$(touch x)"));
        assertEquals("orders.v2", io.tablewarden.engine.remediation.ShellWords.word("orders.v2"));
    }

    /** An {@code aws} stand-in that appends its arguments to {@code log} and answers nothing. */
    static Path fakeAws(Path dir, Path log) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path aws = bin.resolve("aws");
        Files.writeString(aws, "#!/usr/bin/env bash\nprintf '%s\\n' \"$*\" >> '" + log + "'\n");
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    record Result(int exit, String out, String err) {
    }

    static Result run(List<String> command, Map<String, String> env, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().putAll(env);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish: " + command);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
