import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws docs/images/performance.svg from the JSON files {@code tablewarden bench --json} wrote: wall time and the
 * ratio to the latency floor against the number of tables, one line per region count and concurrency.
 *
 * <p>{@code java -cp target/tablewarden.jar docs/images/PerformanceChart.java OUT.svg BENCH.json...}
 */
public class PerformanceChart {

    private static final int PANEL_W = 420;
    private static final int PANEL_H = 260;
    private static final int MARGIN_L = 56;
    private static final int MARGIN_T = 40;
    private static final String[] COLOURS = {"#1b6ca8", "#d9822b", "#2e8540", "#8e44ad"};

    record Point(int tables, double wallSeconds, double ratio) {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        // series key "regions/concurrency" -> tables -> point
        Map<String, TreeMap<Integer, Point>> series = new TreeMap<>();
        for (int i = 1; i < args.length; i++) {
            JsonNode root = json.readTree(Path.of(args[i]).toFile());
            int tables = root.path("tables").asInt();
            int regions = root.path("regions").asInt();
            for (JsonNode run : root.path("runs")) {
                if (run.path("naive").asBoolean()) {
                    continue;
                }
                String key = String.format(Locale.ROOT, "%02d/%03d", regions, run.path("concurrency").asInt());
                series.computeIfAbsent(key, k -> new TreeMap<>()).put(tables, new Point(tables,
                        run.path("wallMillis").asDouble() / 1000.0, run.path("ratio").asDouble()));
            }
        }
        int maxTables = series.values().stream().mapToInt(TreeMap::lastKey).max().orElse(1);
        double maxWall = series.values().stream().flatMap(m -> m.values().stream())
                .mapToDouble(Point::wallSeconds).max().orElse(1);
        StringBuilder svg = new StringBuilder();
        double maxRatio = series.values().stream().flatMap(m -> m.values().stream())
                .mapToDouble(Point::ratio).max().orElse(1);
        int width = 2 * (MARGIN_L + PANEL_W) + 80;
        int height = MARGIN_T + PANEL_H + 120;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        panel(svg, MARGIN_L, "Wall time of a scan (s)", series, maxTables, niceCeil(maxWall), true);
        panel(svg, 2 * MARGIN_L + PANEL_W + 40, "Wall time ÷ latency floor", series, maxTables,
                Math.max(2.0, Math.ceil(maxRatio)), false);
        // legend
        int y = MARGIN_T + PANEL_H + 50;
        int x = MARGIN_L;
        List<String> keys = new ArrayList<>(series.keySet());
        for (int i = 0; i < keys.size(); i++) {
            String[] parts = keys.get(i).split("/");
            int regions = Integer.parseInt(parts[0]);
            int concurrency = Integer.parseInt(parts[1]);
            String colour = colour(concurrency, series);
            String dash = dash(regions, series);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"2\"%s/>%n", x, y - 4, x + 28, y - 4, colour, dash));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%d region%s, concurrency %d</text>%n",
                    x + 34, y, regions, regions == 1 ? "" : "s", concurrency));
            x += 230;
            if (x > width - 230) {
                x = MARGIN_L;
                y += 20;
            }
        }
        svg.append("</svg>\n");
        Files.writeString(Path.of(args[0]), svg, StandardCharsets.UTF_8);
    }

    private static void panel(StringBuilder svg, int left, String title, Map<String, TreeMap<Integer, Point>> series,
                              int maxTables, double maxY, boolean wall) {
        int top = MARGIN_T;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">%s"
                + "</text>%n", left, top - 14, title));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#888\"/>%n", left, top, PANEL_W, PANEL_H));
        int ticks = wall ? 4 : (int) maxY;
        for (int i = 0; i <= ticks; i++) {
            double value = maxY * i / ticks;
            double yy = top + PANEL_H - PANEL_H * i / (double) ticks;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>%n",
                    left, yy, left + PANEL_W, yy));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    left - 6, yy + 4, wall ? String.format(Locale.ROOT, "%.0f", value)
                            : String.format(Locale.ROOT, "%.1f", value)));
        }
        for (int t : new int[] {0, maxTables / 4, maxTables / 2, 3 * maxTables / 4, maxTables}) {
            double xx = left + PANEL_W * (double) t / maxTables;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,d</text>%n",
                    xx, top + PANEL_H + 16, t));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">tables</text>%n",
                left + PANEL_W / 2, top + PANEL_H + 32));
        if (!wall) {
            double yy = top + PANEL_H - PANEL_H * 1.3 / maxY;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c0392b\" "
                    + "stroke-dasharray=\"2 3\"/>%n", left, yy, left + PANEL_W, yy));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#c0392b\">"
                    + "target 1.3</text>%n", left + PANEL_W - 4, yy - 4));
        }
        for (Map.Entry<String, TreeMap<Integer, Point>> e : series.entrySet()) {
            String[] parts = e.getKey().split("/");
            StringBuilder points = new StringBuilder();
            String colour = colour(Integer.parseInt(parts[1]), series);
            for (Point p : e.getValue().values()) {
                double value = wall ? p.wallSeconds() : Math.min(p.ratio(), maxY);
                double x = left + PANEL_W * (double) p.tables() / maxTables;
                double y = top + PANEL_H - PANEL_H * value / maxY;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                        x, y, colour));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" "
                    + "stroke-width=\"2\"%s/>%n", points.toString().trim(),
                    colour(Integer.parseInt(parts[1]), series), dash(Integer.parseInt(parts[0]), series)));
        }
    }

    private static String colour(int concurrency, Map<String, TreeMap<Integer, Point>> series) {
        List<Integer> all = series.keySet().stream().map(k -> Integer.parseInt(k.split("/")[1])).distinct().sorted()
                .toList();
        return COLOURS[all.indexOf(concurrency) % COLOURS.length];
    }

    private static String dash(int regions, Map<String, TreeMap<Integer, Point>> series) {
        List<Integer> all = series.keySet().stream().map(k -> Integer.parseInt(k.split("/")[0])).distinct().sorted()
                .toList();
        int i = all.indexOf(regions);
        return i == all.size() - 1 ? "" : i == 0 ? " stroke-dasharray=\"6 4\"" : " stroke-dasharray=\"2 3\"";
    }

    private static double niceCeil(double v) {
        double step = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 4, 8, 10}) {
            if (m * step >= v) {
                return m * step;
            }
        }
        return 10 * step;
    }
}
