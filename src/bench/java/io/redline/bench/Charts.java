package io.redline.bench;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

/**
 * Draws the PNG charts of BENCHMARKS.md from the CSV files that benchmark runs leave in a directory (default
 * {@code docs/bench}), with Java2D only, so that the bench profile needs no charting library:
 * <ul>
 * <li>{@code lookup.csv} ({@code articles,metric,p50_ms,p99_ms}) → {@code latency-vs-size.png}: latency against the
 * number of stored articles on a log10 axis, one line per metric and percentile;</li>
 * <li>{@code load.csv} ({@code endpoint,connections,rps,p50_ms,p99_ms,p999_ms,errors}) → {@code load.png}: one
 * panel per endpoint, requests/s as bars (left axis) and p99 latency as a line (right axis) against connections
 * on a log2 axis; measurements with errors are labelled.</li>
 * </ul>
 * The first line of an optional {@code machine.txt} becomes each chart's subtitle. A chart whose CSV is missing is
 * skipped; a malformed CSV stops the run with the line number and what was wrong. Blank lines and lines starting
 * with {@code #} are ignored; fields are split on commas (no quoting). Self-contained, so it also runs without
 * Maven: {@code java src/bench/java/io/redline/bench/Charts.java docs/bench}.
 */
public final class Charts {
    private static final String LOOKUP_HEADER = "articles,metric,p50_ms,p99_ms";
    private static final String LOAD_HEADER = "endpoint,connections,rps,p50_ms,p99_ms,p999_ms,errors";

    /** Size of one chart (a load panel is one chart). */
    private static final int W = 1000;
    private static final int H = 500;
    /** The plot area inside a chart; the margins hold the title, subtitle, legend, ticks and axis labels. */
    private static final Rectangle PLOT = new Rectangle(84, 104, W - 84 - 84, H - 104 - 74);

    private static final Color INK = new Color(0x222222);
    private static final Color MUTED = new Color(0x5f5f5f);
    private static final Color GRID = new Color(0xe4e4e4);
    private static final Color MINOR_GRID = new Color(0xf2f2f2);
    /** Okabe–Ito colours, told apart with colour blindness: one per metric; percentiles differ by dash and marker. */
    private static final Color[] PALETTE = {new Color(0x0072b2), new Color(0xd55e00), new Color(0x009e73),
        new Color(0xcc79a7), new Color(0xe69f00), new Color(0x56b4e9)};
    private static final Color BAR = new Color(0x9cc3e0);
    private static final Color BAR_EDGE = new Color(0x0072b2);
    private static final Color LINE = new Color(0xd55e00);
    private static final Color ERROR = new Color(0xc00000);

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font SMALL_BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    private Charts() {
    }

    public static void main(String[] args) throws IOException {
        // Build machines and CI have no display; headless Java2D draws into images all the same.
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/bench");
        try {
            for (Path written : run(dir)) {
                System.out.println("wrote " + written);
            }
        } catch (BadInput e) {
            System.err.println("Charts: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Draws every chart whose CSV is in {@code dir}; returns the files written. */
    static List<Path> run(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new BadInput(dir + " is not a directory");
        }
        String subtitle = machine(dir.resolve("machine.txt"));
        List<Path> written = new ArrayList<>();
        Path lookup = dir.resolve("lookup.csv");
        if (Files.exists(lookup)) {
            written.add(write(latencyChart(latencySeries(read(lookup, LOOKUP_HEADER)), subtitle), dir.resolve("latency-vs-size.png")));
        }
        Path load = dir.resolve("load.csv");
        if (Files.exists(load)) {
            written.add(write(loadChart(loads(read(load, LOAD_HEADER)), subtitle), dir.resolve("load.png")));
        }
        if (written.isEmpty()) {
            throw new BadInput("neither lookup.csv nor load.csv in " + dir + ", nothing to draw");
        }
        return written;
    }

    /** First line of machine.txt, or "" without one. */
    private static String machine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.isEmpty() ? "" : lines.get(0).replace("\uFEFF", "").strip();
    }

    private static Path write(BufferedImage image, Path file) throws IOException {
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    // ---- CSV ----------------------------------------------------------------------------------------------------

    /** A malformed input file; the message says where and what. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }

    /** A data line of a CSV file, with its line number as an editor shows it, for the error messages. */
    private record Row(Path file, int line, String[] names, String[] fields) {
        String text(int i) {
            if (fields[i].isEmpty()) {
                throw error("%s is empty", names[i]);
            }
            return fields[i];
        }

        double number(int i) {
            double v;
            try {
                v = Double.parseDouble(fields[i]);
            } catch (NumberFormatException e) {
                throw error("%s is not a number: '%s'", names[i], fields[i]);
            }
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw error("%s must be a finite number >= 0, got '%s'", names[i], fields[i]);
            }
            return v;
        }

        long count(int i, long min) {
            long v;
            try {
                v = Long.parseLong(fields[i]);
            } catch (NumberFormatException e) {
                throw error("%s is not a whole number: '%s'", names[i], fields[i]);
            }
            if (v < min) {
                throw error("%s must be at least %d, got %d", names[i], min, v);
            }
            return v;
        }

        BadInput error(String format, Object... args) {
            return new BadInput(file + " line " + line + ": " + String.format(Locale.ROOT, format, args));
        }
    }

    /** The data lines of {@code file}, after checking that it starts with {@code header} and has its field count. */
    private static List<Row> read(Path file, String header) throws IOException {
        String[] names = header.split(",");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replace("\uFEFF", "").strip(); // spreadsheets may write a byte-order mark
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            for (int f = 0; f < fields.length; f++) {
                fields[f] = fields[f].strip();
            }
            if (!headerSeen) {
                if (!String.join(",", fields).equals(header)) {
                    throw new BadInput(file + " line " + (i + 1) + ": expected the header '" + header + "', found '"
                            + line + "'");
                }
                headerSeen = true;
            } else if (fields.length != names.length) {
                throw new BadInput(file + " line " + (i + 1) + ": expected " + names.length + " fields (" + header
                        + "), found " + fields.length + ": '" + line + "'");
            } else {
                rows.add(new Row(file, i + 1, names, fields));
            }
        }
        if (!headerSeen) {
            throw new BadInput(file + ": empty, expected the header '" + header + "'");
        }
        if (rows.isEmpty()) {
            throw new BadInput(file + ": no data lines after the header");
        }
        return rows;
    }

    // ---- latency vs index size ----------------------------------------------------------------------------------

    /** One line of a line chart; percentiles of one metric share a colour, p99 is dashed with hollow markers. */
    private record Series(String name, Color color, boolean dashed, TreeMap<Long, Double> points) {
    }

    /** The p50 and p99 lines of each metric of lookup.csv, in the order the metrics first appear. */
    private static List<Series> latencySeries(List<Row> rows) {
        Map<String, List<Series>> byMetric = new LinkedHashMap<>(); // first-seen order fixes the colours
        Map<String, Integer> firstLine = new HashMap<>();
        for (Row r : rows) {
            long articles = r.count(0, 1); // log axis: 0 articles has no place on it
            String metric = r.text(1);
            double p50 = r.number(2);
            double p99 = r.number(3);
            Integer first = firstLine.putIfAbsent(metric + "@" + articles, r.line());
            if (first != null) {
                throw r.error("second row for %s at %d articles (the first is line %d)", metric, articles, first);
            }
            if (p99 < p50) {
                throw r.error("p99_ms %s is below p50_ms %s (columns swapped?)", r.fields()[3], r.fields()[2]);
            }
            List<Series> pair = byMetric.computeIfAbsent(metric, m -> {
                Color c = PALETTE[byMetric.size() % PALETTE.length];
                return List.of(new Series(m + " p50", c, false, new TreeMap<>()),
                        new Series(m + " p99", c, true, new TreeMap<>()));
            });
            pair.get(0).points().put(articles, p50);
            pair.get(1).points().put(articles, p99);
        }
        return byMetric.values().stream().flatMap(List::stream).toList();
    }

    private static BufferedImage latencyChart(List<Series> series, String subtitle) {
        long minX = Long.MAX_VALUE;
        long maxX = 0;
        double maxY = 0;
        for (Series s : series) {
            minX = Math.min(minX, s.points().firstKey());
            maxX = Math.max(maxX, s.points().lastKey());
            maxY = Math.max(maxY, s.points().values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
        }
        // Whole decades, padded a little so that end markers do not sit on the frame.
        double lo = Math.floor(Math.log10(minX));
        double hi = Math.max(Math.ceil(Math.log10(maxX)), lo + 1);
        double from = lo - 0.08 * (hi - lo);
        double to = hi + 0.08 * (hi - lo);
        DoubleUnaryOperator px = v -> PLOT.x + (Math.log10(v) - from) / (to - from) * PLOT.width;
        Axis y = Axis.of(maxY);

        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);
        header(g, "Latency vs index size", subtitle);
        yGrid(g, y);
        for (int decade = (int) lo; decade <= (int) hi; decade++) {
            long at = Math.round(Math.pow(10, decade));
            for (int m = 2; m <= 9 && decade < hi; m++) { // minor lines show that the axis is logarithmic
                vLine(g, px.applyAsDouble(at * m), MINOR_GRID);
                if (hi - lo == 1 && (m == 2 || m == 5)) { // one decade alone has too few labels to read values by
                    text(g, SMALL, MUTED, count(at * m), px.applyAsDouble(at * m), PLOT.y + PLOT.height + 20, 0);
                }
            }
            double x = px.applyAsDouble(at);
            vLine(g, x, GRID);
            text(g, SMALL, MUTED, count(at), x, PLOT.y + PLOT.height + 20, 0);
        }
        frame(g);
        yTicks(g, y, PLOT.x - 8, 1, MUTED);
        text(g, LABEL, INK, "stored articles (log scale)", PLOT.getCenterX(), H - 14, 0);
        vText(g, LABEL, INK, "latency (ms)", 24, PLOT.getCenterY());

        for (Series s : series) {
            polyline(g, s.points(), px, y, s.color(), s.dashed());
        }
        legend(g, series.stream().map(s -> new Key(s.name(), s.color(), s.dashed(), false)).toList());
        g.dispose();
        return image;
    }

    // ---- throughput vs concurrency ------------------------------------------------------------------------------

    /** One measurement of load.csv that the chart shows. */
    private record Load(double rps, double p99, long errors) {
    }

    /** The measurements of load.csv by endpoint, in the order the endpoints first appear, then by connections. */
    private static Map<String, TreeMap<Long, Load>> loads(List<Row> rows) {
        Map<String, TreeMap<Long, Load>> byEndpoint = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (Row r : rows) {
            String endpoint = r.text(0);
            long connections = r.count(1, 1); // log axis
            double rps = r.number(2);
            double p50 = r.number(3);
            double p99 = r.number(4);
            double p999 = r.number(5);
            long errors = r.count(6, 0);
            Integer first = firstLine.putIfAbsent(endpoint + "@" + connections, r.line());
            if (first != null) {
                throw r.error("second row for %s at %d connections (the first is line %d)", endpoint, connections,
                        first);
            }
            if (p50 > p99 || p99 > p999) {
                throw r.error("percentiles out of order: p50_ms %s, p99_ms %s, p999_ms %s", r.fields()[3],
                        r.fields()[4], r.fields()[5]);
            }
            byEndpoint.computeIfAbsent(endpoint, e -> new TreeMap<>()).put(connections, new Load(rps, p99, errors));
        }
        return byEndpoint;
    }

    private static BufferedImage loadChart(Map<String, TreeMap<Long, Load>> byEndpoint, String subtitle) {
        // Panels side by side, two to a row so that many endpoints do not make one very wide picture.
        int columns = Math.min(2, byEndpoint.size());
        int lines = (byEndpoint.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(W * columns, H * lines, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);
        int i = 0;
        for (Map.Entry<String, TreeMap<Long, Load>> e : byEndpoint.entrySet()) {
            Graphics2D panel = (Graphics2D) g.create(W * (i % columns), H * (i / columns), W, H);
            loadPanel(panel, e.getKey(), e.getValue(), subtitle);
            panel.dispose();
            i++;
        }
        g.dispose();
        return image;
    }

    private static void loadPanel(Graphics2D g, String endpoint, TreeMap<Long, Load> points, String subtitle) {
        double lo = log2(points.firstKey()) - 0.6;
        double hi = log2(points.lastKey()) + 0.6;
        DoubleUnaryOperator px = c -> PLOT.x + (log2(c) - lo) / (hi - lo) * PLOT.width;
        Axis rps = Axis.of(points.values().stream().mapToDouble(Load::rps).max().orElse(0));
        Axis p99 = Axis.of(points.values().stream().mapToDouble(Load::p99).max().orElse(0), rps.steps());
        // Bars 60% as wide as the closest two measurements are apart, and never wider than 70 px.
        double gap = PLOT.width;
        Long previous = null;
        for (long c : points.keySet()) {
            if (previous != null) {
                gap = Math.min(gap, px.applyAsDouble(c) - px.applyAsDouble(previous));
            }
            previous = c;
        }
        double barWidth = Math.min(0.6 * gap, 70);

        header(g, endpoint + ": throughput and p99 latency vs connections", subtitle);
        yGrid(g, rps); // the right axis has as many steps as the left, so these lines serve both
        points.forEach((c, load) -> {
            double x = px.applyAsDouble(c);
            double top = rps.py(load.rps());
            Rectangle bar = new Rectangle((int) Math.round(x - barWidth / 2), (int) Math.round(top),
                    (int) Math.round(barWidth), (int) Math.round(PLOT.y + PLOT.height - top));
            g.setColor(BAR);
            g.fill(bar);
            g.setColor(BAR_EDGE);
            g.setStroke(new BasicStroke(1f));
            g.draw(bar);
            text(g, SMALL, MUTED, Long.toString(c), x, PLOT.y + PLOT.height + 20, 0);
        });
        frame(g);
        yTicks(g, rps, PLOT.x - 8, 1, MUTED);
        yTicks(g, p99, PLOT.x + PLOT.width + 8, -1, MUTED);
        text(g, LABEL, INK, "concurrent connections (log2 scale)", PLOT.getCenterX(), H - 14, 0);
        vText(g, LABEL, BAR_EDGE, "requests / s", 24, PLOT.getCenterY());
        vText(g, LABEL, LINE, "p99 latency (ms)", W - 20, PLOT.getCenterY());

        TreeMap<Long, Double> p99s = new TreeMap<>();
        points.forEach((c, load) -> p99s.put(c, load.p99()));
        polyline(g, p99s, px, p99, LINE, false);
        // Errors make a measurement's figures suspect, so they are written under its connection count, in red;
        // below the plot no bar or line can cover them.
        points.forEach((c, load) -> {
            if (load.errors() > 0) {
                text(g, SMALL_BOLD, ERROR, String.format(Locale.ROOT, "%,d %s", load.errors(),
                        load.errors() == 1 ? "error" : "errors"), px.applyAsDouble(c), PLOT.y + PLOT.height + 36, 0);
            }
        });
        legend(g, List.of(new Key("requests/s (left axis)", BAR_EDGE, false, true),
                new Key("p99 latency (right axis)", LINE, false, false)));
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    // ---- drawing ------------------------------------------------------------------------------------------------

    /** A linear axis from 0 in {@code steps} steps of a round size: 1, 2, 2.5 or 5 × 10^k. */
    private record Axis(double step, int steps) {
        /** The axis of 4 to 6 steps that wastes the least height above {@code max}. */
        static Axis of(double max) {
            Axis best = of(max, 4);
            for (int steps = 5; steps <= 6; steps++) {
                Axis a = of(max, steps);
                best = a.top() < best.top() ? a : best;
            }
            return best;
        }

        /** A given number of steps, so that a right axis can share the gridlines of the left one. */
        static Axis of(double max, int steps) {
            double raw = Math.max(max * 1.02, 1e-9) / steps; // 2% headroom: the top point stays off the frame
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            for (double m : new double[] {1, 2, 2.5, 5, 10}) {
                if (m * magnitude >= raw) {
                    return new Axis(m * magnitude, steps);
                }
            }
            throw new AssertionError(raw);
        }

        double top() {
            return step * steps;
        }

        double py(double v) {
            return PLOT.y + PLOT.height - v / top() * PLOT.height;
        }
    }

    /** An entry of the legend: a line with a marker, or a bar swatch. */
    private record Key(String label, Color color, boolean dashed, boolean bar) {
    }

    private static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    private static void header(Graphics2D g, String title, String subtitle) {
        text(g, TITLE, INK, title, PLOT.x, 34, -1);
        if (!subtitle.isEmpty()) {
            text(g, SUBTITLE, MUTED, subtitle, PLOT.x, 56, -1);
        }
    }

    /** Legend in one row above the plot, where it cannot hide a data point. */
    private static void legend(Graphics2D g, List<Key> keys) {
        g.setFont(SUBTITLE);
        FontMetrics fm = g.getFontMetrics();
        double x = PLOT.x;
        double y = PLOT.y - 20;
        for (Key k : keys) {
            if (k.bar()) {
                g.setColor(BAR);
                g.fillRect((int) x + 6, (int) y - 7, 16, 14);
                g.setColor(k.color());
                g.setStroke(new BasicStroke(1f));
                g.drawRect((int) x + 6, (int) y - 7, 16, 14);
            } else {
                g.setColor(k.color());
                g.setStroke(stroke(k.dashed()));
                g.draw(new Line2D.Double(x, y, x + 28, y));
                marker(g, x + 14, y, k.color(), k.dashed());
            }
            text(g, SUBTITLE, INK, k.label(), x + 36, y, -1);
            x += 36 + fm.stringWidth(k.label()) + 28;
        }
    }

    private static void yGrid(Graphics2D g, Axis y) {
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1f));
        for (int i = 1; i <= y.steps(); i++) {
            double gy = y.py(i * y.step());
            g.draw(new Line2D.Double(PLOT.x, gy, PLOT.x + PLOT.width, gy));
        }
    }

    /** Tick labels; in thousands ("150k") from 10,000 up, so that they do not run into the axis title. */
    private static void yTicks(Graphics2D g, Axis y, double x, int align, Color color) {
        boolean thousands = y.top() >= 10_000;
        for (int i = 0; i <= y.steps(); i++) {
            double v = i * y.step();
            String label = thousands && v > 0 ? number(v / 1000) + "k" : number(v);
            text(g, SMALL, color, label, x, y.py(v), align);
        }
    }

    private static void vLine(Graphics2D g, double x, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(x, PLOT.y, x, PLOT.y + PLOT.height));
    }

    /** Bottom axis line and a faint box: the data stand out, the frame does not. */
    private static void frame(Graphics2D g) {
        g.setStroke(new BasicStroke(1f));
        g.setColor(GRID.darker());
        g.draw(PLOT);
        g.setColor(MUTED);
        g.draw(new Line2D.Double(PLOT.x, PLOT.y + PLOT.height, PLOT.x + PLOT.width,
                PLOT.y + PLOT.height));
    }

    /** A data line through {@code points} (x → y), with a marker on each. */
    private static void polyline(Graphics2D g, TreeMap<Long, Double> points, DoubleUnaryOperator px, Axis y,
            Color color, boolean dashed) {
        Path2D path = new Path2D.Double();
        points.forEach((x, v) -> {
            if (path.getCurrentPoint() == null) {
                path.moveTo(px.applyAsDouble(x), y.py(v));
            } else {
                path.lineTo(px.applyAsDouble(x), y.py(v));
            }
        });
        g.setColor(color);
        g.setStroke(stroke(dashed));
        g.draw(path);
        points.forEach((x, v) -> marker(g, px.applyAsDouble(x), y.py(v), color, dashed));
    }

    private static Stroke stroke(boolean dashed) {
        return dashed
                ? new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 5f}, 0f)
                : new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A filled dot, or a hollow one for the dashed series, so the two read apart in grey print too. */
    private static void marker(Graphics2D g, double x, double y, Color color, boolean hollow) {
        Ellipse2D dot = new Ellipse2D.Double(x - 4.5, y - 4.5, 9, 9);
        g.setColor(hollow ? Color.WHITE : color);
        g.fill(dot);
        g.setColor(color);
        g.setStroke(new BasicStroke(2f));
        g.draw(dot);
    }

    /** Text at (x, y) centred vertically on y; align -1 starts at x, 0 centres on x, 1 ends at x. */
    private static void text(Graphics2D g, Font font, Color color, String s, double x, double y, int align) {
        g.setFont(font);
        g.setColor(color);
        FontMetrics fm = g.getFontMetrics();
        double width = fm.getStringBounds(s, g).getWidth();
        double left = x - (align + 1) / 2.0 * width;
        g.drawString(s, (float) left, (float) (y + (fm.getAscent() - fm.getDescent()) / 2.0));
    }

    /** Text rotated a quarter turn anticlockwise, centred on (x, y): the label of a vertical axis. */
    private static void vText(Graphics2D g, Font font, Color color, String s, double x, double y) {
        Graphics2D r = (Graphics2D) g.create();
        r.rotate(-Math.PI / 2, x, y);
        text(r, font, color, s, x, y, 0);
        r.dispose();
    }

    /** A tick value: at most six significant digits (steps like 0.1 × 3 are not exact), whole numbers as 12,000. */
    private static String number(double v) {
        BigDecimal d = BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros();
        return d.scale() <= 0 ? String.format(Locale.ROOT, "%,d", d.longValue()) : d.toPlainString();
    }

    /** An article count on the log axis: 10k, 100k, 1M. */
    private static String count(long n) {
        if (n >= 1_000_000 && n % 1_000_000 == 0) {
            return n / 1_000_000 + "M";
        }
        return n >= 1000 && n % 1000 == 0 ? n / 1000 + "k" : Long.toString(n);
    }
}
