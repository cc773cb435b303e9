import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Builds Tablewarden's installers for the platform it runs on, from the shaded jar: a runtime trimmed by jlink to
 * the JDK modules jdeps finds (plus those loaded by name), then jpackage. Run by {@code mvn -Ppackage package}
 * as a single-file program ({@code java packaging/Installers.java ...}), so it works the same on Linux, Windows
 * and macOS without a shell.
 *
 * <pre>
 * java packaging/Installers.java --jar target/tablewarden.jar --version 0.1.0-SNAPSHOT --dest target/installer
 *      [--types default|app-image,deb,rpm] [--icons icons] [--resources packaging/linux]
 * </pre>
 *
 * Linux: app-image, .deb and .rpm (a type whose tool, dpkg-deb or rpmbuild, is missing is skipped with a note).
 * Windows: app-image and .msi (needs the WiX 3 tools on the PATH). macOS: app-image and .dmg.
 */
public final class Installers {

    /** Loaded by name (service loaders, TLS, JNI), so jdeps cannot see them in the bytecode. */
    private static final List<String> EXTRA_MODULES = List.of("jdk.crypto.ec", "jdk.localedata", "jdk.zipfs",
            "jdk.charsets", "jdk.net");

    /** The locales kept by jlink: Tablewarden's text is English; dates and numbers follow the user's locale. */
    private static final String LOCALES = "en,de,fr,es,it,ja,pt,zh,ko,nl,sv,pl";

    /** Never change it: Windows upgrades an installed Tablewarden in place only while this stays the same. */
    private static final String WINDOWS_UPGRADE_UUID = "5f0c7a9e-2b1d-4c6e-9a43-7d1e2f8b6c35";

    private static final String NAME = "tablewarden";
    /** JVM options of the workbench's launcher (which also runs the command line when given arguments). */
    static final String WORKBENCH_OPTIONS = "-Xmx2g";
    /** JVM options of the command line's launcher: C1 only (see {@code Platform.cliLauncher}). */
    static final String CLI_OPTIONS = "-Xmx2g -XX:TieredStopAtLevel=1";
    private static final String DESCRIPTION = "Security posture workbench for Amazon DynamoDB and DAX";

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path jar = Path.of(required(options, "jar"));
        Path dest = Path.of(required(options, "dest"));
        Path icons = Path.of(options.getOrDefault("icons", "icons"));
        Path resources = Path.of(options.getOrDefault("resources", "packaging/linux"));
        String version = appVersion(required(options, "version"));
        Platform platform = Platform.current();
        String typeList = options.getOrDefault("types", "default");
        List<String> types = typeList.equals("default") ? platform.defaultTypes : Arrays.asList(typeList.split(","));

        deleteTree(dest);
        Path input = Files.createDirectories(dest.resolve("input"));
        Path appJar = input.resolve(NAME + ".jar");
        long removed = copyWithoutForeignNatives(jar, appJar, platform);
        System.out.printf("installer: %s (%d KB of other platforms' native libraries left out)%n", appJar,
                removed / 1024);

        String modules = modules(appJar);
        System.out.println("installer: runtime modules " + modules);
        Path runtime = dest.resolve("runtime");
        run("jlink", "--add-modules", modules, "--include-locales", LOCALES, "--strip-debug", "--no-header-files",
                "--no-man-pages", "--compress=2", "--generate-cds-archive", "--output", runtime.toString());

        Path out = Files.createDirectories(dest.resolve("dist"));
        for (String type : types) {
            String missing = platform.missingTool(type);
            if (missing != null) {
                System.out.println("installer: " + type + " skipped: " + missing);
                continue;
            }
            List<String> command = new ArrayList<>(List.of("--type", type, "--name", platform.appName(),
                    "--app-version", version, "--vendor", "Tablewarden", "--description", DESCRIPTION,
                    "--copyright", "Tablewarden contributors", "--input", input.toString(),
                    "--main-jar", appJar.getFileName().toString(), "--main-class", "io.tablewarden.Main",
                    "--runtime-image", runtime.toString(), "--java-options", WORKBENCH_OPTIONS, "--dest", out.toString(),
                    "--icon", icons.resolve(platform.iconFile).toString()));
            command.addAll(platform.packageOptions(type, resources, dest));
            run("jpackage", command.toArray(String[]::new));
        }
        report(out, runtime);
    }

    /** The installers, the app-image and the runtime with their sizes, so a growing download shows. */
    private static void report(Path out, Path runtime) throws IOException {
        System.out.printf("installer: runtime %s%n", megabytes(treeSize(runtime)));
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.sorted().toList()) {
                System.out.printf("installer: %s %s%n", file, megabytes(treeSize(file)));
            }
        }
    }

    /** The platforms jpackage builds on; each builds only its own installers. */
    enum Platform {
        LINUX("tablewarden-256.png", List.of("app-image", "deb", "rpm"), "Linux"),
        WINDOWS("tablewarden.ico", List.of("app-image", "msi"), "Windows"),
        MAC("tablewarden.icns", List.of("app-image", "dmg"), "Mac");

        final String iconFile;
        final List<String> defaultTypes;
        /** The folder name sqlite-jdbc keeps this platform's native library under. */
        final String sqliteFolder;

        Platform(String iconFile, List<String> defaultTypes, String sqliteFolder) {
            this.iconFile = iconFile;
            this.defaultTypes = defaultTypes;
            this.sqliteFolder = sqliteFolder;
        }

        static Platform current() {
            String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            if (os.contains("win")) {
                return WINDOWS;
            }
            return os.contains("mac") ? MAC : LINUX;
        }

        /** Linux package names are lower case; Windows and macOS show the name in menus and the Finder. */
        String appName() {
            return this == LINUX ? NAME : "Tablewarden";
        }

        /** sqlite-jdbc's name for this machine's architecture. */
        static String sqliteArch() {
            String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
            return switch (arch) {
                case "amd64", "x86_64" -> "x86_64";
                case "aarch64", "arm64" -> "aarch64";
                default -> arch;
            };
        }

        String missingTool(String type) {
            return switch (type) {
                case "deb" -> onPath("dpkg-deb") ? null : "dpkg-deb is not installed";
                case "rpm" -> onPath("rpmbuild") ? null : "rpmbuild is not installed (Debian: apt-get install rpm)";
                case "msi" -> onPath("candle.exe") && onPath("light.exe") ? null
                        : "the WiX 3 tools (candle.exe, light.exe) are not on the PATH";
                default -> null;
            };
        }

        /**
         * The command line's own launcher, {@code tablewarden-cli}: the same jar, with the JIT limited to its first
         * compiler (C1). A scan spends its CPU compiling the AWS SDK's request path with C2, code it runs a few
         * thousand times, and C1 alone cuts the CPU per call by a third to a half (docs/performance.md). The
         * workbench's launcher keeps both compilers: its findings filter runs one predicate over 150,000 rows per
         * keystroke and is twice as slow without C2.
         */
        static List<String> cliLauncher(Path dest, String platformProperties) throws IOException {
            Path cli = Files.writeString(dest.resolve("tablewarden-cli.properties"),
                    platformProperties + "java-options=" + CLI_OPTIONS + "\n");
            return List.of("--add-launcher", "tablewarden-cli=" + cli);
        }

        List<String> packageOptions(String type, Path resources, Path dest) throws IOException {
            List<String> options = new ArrayList<>();
            switch (this) {
                case LINUX -> {
                    options.addAll(cliLauncher(dest, ""));
                    if (!type.equals("app-image")) {
                        // The desktop entry names the window class so docks group the window under the icon.
                        options.addAll(List.of("--resource-dir", resources.toString(), "--linux-shortcut",
                                "--linux-menu-group", "Development;Security;", "--linux-app-category", "utils",
                                "--linux-package-name", NAME));
                        // JavaFX's own native libraries live in its jars, so jpackage cannot find the system
                        // libraries they need: GTK 3 and OpenGL, and the X11 extensions the toolkit opens.
                        options.addAll(List.of("--linux-package-deps", type.equals("deb")
                                ? "libgtk-3-0 | libgtk-3-0t64, libgl1, libxtst6, libxxf86vm1"
                                : "gtk3, mesa-libGL, libXtst, libXxf86vm"));
                    }
                }
                case WINDOWS -> {
                    if (type.equals("msi")) {
                        options.addAll(List.of("--win-menu", "--win-menu-group", "Tablewarden", "--win-shortcut",
                                "--win-dir-chooser", "--win-upgrade-uuid", WINDOWS_UPGRADE_UUID));
                    }
                    // A windowed launcher has no console; the command line gets a console launcher of its own.
                    options.addAll(cliLauncher(dest, "win-console=true\n"));
                }
                case MAC -> {
                    options.addAll(List.of("--mac-package-identifier", "io.tablewarden.workbench",
                            "--mac-package-name", "Tablewarden"));
                    options.addAll(cliLauncher(dest, ""));
                }
                default -> throw new IllegalStateException(name());
            }
            return options;
        }
    }

    /**
     * Copies the shaded jar without the native libraries sqlite-jdbc carries for other systems and
     * architectures (about 10 MB); returns how many bytes were left out.
     */
    static long copyWithoutForeignNatives(Path from, Path to, Platform platform) throws IOException {
        String keep = "org/sqlite/native/" + platform.sqliteFolder + "/" + Platform.sqliteArch() + "/";
        long removed = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                if (name.startsWith("org/sqlite/native/") && !entry.isDirectory() && !name.startsWith(keep)) {
                    removed += in.transferTo(OutputStream.nullOutputStream());
                    continue;
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return removed;
    }

    /** The JDK modules the jar uses, by jdeps, plus those it loads by name. */
    private static String modules(Path jar) {
        String found = run("jdeps", "--print-module-deps", "--ignore-missing-deps", "--multi-release", "17",
                jar.toString()).trim();
        TreeSet<String> modules = new TreeSet<>(Arrays.asList(found.split(",")));
        modules.addAll(EXTRA_MODULES);
        return String.join(",", modules);
    }

    /** Runs a JDK tool in this JVM; its output is shown, a failure ends the build. */
    private static String run(String tool, String... args) {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new IllegalStateException(tool + " is not in this JDK (use a full JDK 17+)"));
        System.out.println("installer: " + tool + " " + String.join(" ", args));
        StringWriter output = new StringWriter();
        StringWriter errors = new StringWriter();
        int code = provider.run(new PrintWriter(output, true), new PrintWriter(errors, true), args);
        System.out.print(tool.equals("jdeps") ? "" : output);
        System.err.print(errors);
        if (code != 0) {
            System.err.println("installer: " + tool + " failed with exit code " + code);
            System.exit(1);
        }
        return output.toString();
    }

    /** jpackage wants 1 to 3 numbers: 0.1.0-SNAPSHOT installs as 0.1.0. */
    static String appVersion(String projectVersion) {
        String numbers = projectVersion.replaceFirst("[^0-9.].*$", "").replaceAll("\\.+$", "");
        if (!numbers.matches("\\d+(\\.\\d+){0,2}")) {
            throw new IllegalArgumentException("cannot make an installer version of " + projectVersion);
        }
        return numbers;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    private static long treeSize(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private Installers() {
    }
}
