package io.tablewarden.ui.app;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The workbench under a real window manager: this test starts its own X server (Xvfb) and openbox, runs
 * {@link WindowManagerSmoke} there with the GTK toolkit, and checks what the X server saw. The main window
 * opens at its intended size (maximized on a 1280×800 screen); every dialog lies whole on the screen, is at
 * least its content's preferred size, shows its buttons inside it, and leaves the main window as it was.
 *
 * <p>CI installs Xvfb, openbox, xdotool and x11-utils, and the test fails when they are missing. On a machine
 * without them, {@code -Dtablewarden.skipWindowManagerSmoke=true} skips it.
 */
class WindowManagerSmokeTest {

    /** Set to true to skip this test where Xvfb and openbox are not installed. */
    static final String SKIP_PROPERTY = "tablewarden.skipWindowManagerSmoke";

    private static final List<String> DIALOGS = List.of("Add profile", "Mute", "Mutes", "Export", "Delete profile",
            "Rename profile", "Sign in to IAM Identity Center", "MFA code", "The scan could not run",
            "Keyboard shortcuts", "About Tablewarden");
    private static final Pattern FX = Pattern.compile("fx=(-?\\d+),(-?\\d+),(\\d+)x(\\d+) fxMaximized=(\\w+)");
    private static final Pattern X = Pattern.compile("x=(-?\\d+) y=(-?\\d+) w=(\\d+) h=(\\d+) screen=(\\d+)x(\\d+)");
    private static final Pattern PREF = Pattern.compile("scene=(\\d+)x(\\d+) pref=(\\d+)x(\\d+)");

    @TempDir
    Path dir;

    @Test
    void onALaptopScreenTheWindowIsMaximizedAndEveryDialogFits() throws Exception {
        List<String> report = run(1280, 800);
        String main = only(report, "MAIN ");
        assertTrue(main.contains("maximized=true") && main.contains("wmState=maximized"), main);
        checkDialogs(report, true);
    }

    @Test
    void onAFullHdScreenTheWindowOpensAtItsIntendedSizeAndEveryDialogFits() throws Exception {
        List<String> report = run(1920, 1080);
        String main = only(report, "MAIN ");
        Matcher x = X.matcher(main);
        assertTrue(x.find(), main);
        // The X server's client area: the intended outer size less the title bar and borders.
        assertTrue(Math.abs(Integer.parseInt(x.group(3)) - 1632) <= 12, main);
        assertTrue(Math.abs(Integer.parseInt(x.group(4)) - 918) <= 40, main);
        assertTrue(main.contains("wmState=normal"), main);
        checkDialogs(report, false);
    }

    private void checkDialogs(List<String> report, boolean maximized) {
        List<String> problems = new ArrayList<>(report.stream().filter(l -> l.startsWith("PROBLEM")).toList());
        for (String name : DIALOGS) {
            String line = report.stream().filter(l -> l.startsWith("DIALOG " + name + " |")).findFirst().orElse(null);
            if (line == null) {
                problems.add(name + ": never opened");
                continue;
            }
            Matcher x = X.matcher(line);
            Matcher pref = PREF.matcher(line);
            if (!x.find() || !pref.find()) {
                problems.add(name + ": not measured: " + line);
                continue;
            }
            int left = Integer.parseInt(x.group(1));
            int top = Integer.parseInt(x.group(2));
            int width = Integer.parseInt(x.group(3));
            int height = Integer.parseInt(x.group(4));
            int screenWidth = Integer.parseInt(x.group(5));
            int screenHeight = Integer.parseInt(x.group(6));
            // The client area must be on screen, below a title bar that is on screen too.
            if (left < 0 || top < 10 || left + width > screenWidth || top + height > screenHeight) {
                problems.add(name + ": not whole on the screen: " + line);
            }
            if (width + 1 < Integer.parseInt(pref.group(3)) || height + 1 < Integer.parseInt(pref.group(4))) {
                problems.add(name + ": smaller than its content's preferred size: " + line);
            }
            if (width < 260 || height < 120) {
                problems.add(name + ": too small to use: " + line);
            }
            String buttons = line.replaceAll(".*buttons=(\\S*).*", "$1");
            if (buttons.isEmpty() || buttons.contains(":outside")) {
                problems.add(name + ": buttons missing or cut: " + line);
            }
            if (maximized && !line.endsWith("wmState=maximized")) {
                // Only during the dialog the toolkit holds the owner's size, and openbox drops its state.
                String after = report.stream().filter(l -> l.startsWith("AFTER " + name + " |")).findFirst()
                        .orElse("");
                if (!after.contains("wmState=maximized")) {
                    problems.add(name + ": the main window is no longer maximized after the dialog: " + after);
                }
            }
            if (!maximized) {
                Matcher fx = FX.matcher(line.substring(line.indexOf("| main")));
                if (!fx.find() || Math.abs(Integer.parseInt(fx.group(3)) - 1632) > 2) {
                    problems.add(name + ": the main window changed size: " + line);
                }
            }
        }
        assertEquals(List.of(), problems, String.join("\n", report));
    }

    private List<String> run(int width, int height) throws Exception {
        if (Boolean.getBoolean(SKIP_PROPERTY)) {
            Assumptions.abort(SKIP_PROPERTY + " is set");
        }
        for (String tool : List.of("Xvfb", "openbox", "xdotool", "xwininfo", "xprop")) {
            if (!onPath(tool)) {
                fail(tool + " is not installed: the window manager smoke test needs Xvfb, openbox, xdotool and"
                        + " x11-utils (set -D" + SKIP_PROPERTY + "=true to skip it on this machine)");
            }
        }
        List<Process> started = new ArrayList<>();
        try {
            String display = startServer(width, height, started);
            startOpenbox(display, started);
            Path report = dir.resolve("report.txt");
            Files.createDirectories(dir.resolve("home"));
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx768m", "-Dprism.order=sw", "-Djavafx.cachedir=" + dir.resolve("javafx-cache"),
                    "-cp", classPath, WindowManagerSmoke.class.getName(), report.toString(), dir.toString());
            child.environment().put("DISPLAY", display);
            child.environment().put("HOME", dir.resolve("home").toString());
            child.environment().put("TABLEWARDEN_DATA_DIR", dir.resolve("data").toString());
            child.environment().put("GTK_THEME", "Adwaita");
            child.redirectErrorStream(true).redirectOutput(dir.resolve("workbench.log").toFile());
            Process workbench = child.start();
            started.add(workbench);
            if (!workbench.waitFor(100, TimeUnit.SECONDS)) {
                fail("the workbench did not finish within 100 s:\n" + Files.readString(dir.resolve("workbench.log")));
            }
            if (!Files.exists(report)) {
                fail("no report:\n" + Files.readString(dir.resolve("workbench.log")));
            }
            return Files.readAllLines(report);
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).destroy();
                started.get(i).waitFor(5, TimeUnit.SECONDS);
                started.get(i).destroyForcibly();
            }
        }
    }

    /**
     * Starts openbox on {@code display} and waits until it manages the screen. An openbox that could not open the
     * display (it exits at once) is started again, up to three times, before the test fails with its log.
     */
    private void startOpenbox(String display, List<Process> started) throws Exception {
        StringBuilder logs = new StringBuilder();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Path log = dir.resolve("openbox-" + attempt + ".log");
            ProcessBuilder builder = new ProcessBuilder("openbox").redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("DISPLAY", display);
            Process openbox = builder.start();
            started.add(openbox);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < end && openbox.isAlive()) {
                if (exec(display, "xprop", "-root", "_NET_SUPPORTING_WM_CHECK").contains("window id")) {
                    return;
                }
                Thread.sleep(200);
            }
            logs.append("attempt ").append(attempt).append(": ").append(read(log)).append('\n');
            if (openbox.isAlive()) {
                break;
            }
            Thread.sleep(500);
        }
        fail("openbox did not start on " + display + ":\n" + logs);
    }

    /** Starts Xvfb on the first free display number and returns it once the server answers. */
    private String startServer(int width, int height, List<Process> started) throws Exception {
        for (int n = 90; n < 140; n++) {
            if (new File("/tmp/.X11-unix/X" + n).exists() || new File("/tmp/.X" + n + "-lock").exists()) {
                continue;
            }
            String display = ":" + n;
            // -noreset: without it the server resets when its last client leaves (the probe below), and a client
            // that connects during the reset, such as openbox a moment later, is turned away.
            Process server = new ProcessBuilder("Xvfb", display, "-screen", "0", width + "x" + height + "x24",
                    "-nolisten", "tcp", "-noreset").redirectErrorStream(true).redirectOutput(dir.resolve("xvfb.log").toFile())
                    .start();
            started.add(server);
            boolean up = false;
            for (int i = 0; i < 50 && server.isAlive() && !up; i++) {
                Thread.sleep(100);
                up = exec(display, "xprop", "-root", "_NET_SUPPORTING_WM_CHECK").contains("_NET_SUPPORTING_WM_CHECK");
            }
            if (up) {
                // An answer may have come from another server that held the display (one shutting down, or one
                // started at the same moment); ours lost the race if it exited since, then try the next number.
                Thread.sleep(300);
                if (server.isAlive()) {
                    return display;
                }
            }
            server.destroy();
            started.remove(server);
        }
        throw new IllegalStateException("no free X display between :90 and :139");
    }

    private static String exec(String display, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("DISPLAY", display);
            Process process = builder.start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(no output)";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String only(List<String> report, String prefix) {
        return report.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix.trim() + " line in\n" + String.join("\n", report)));
    }
}
