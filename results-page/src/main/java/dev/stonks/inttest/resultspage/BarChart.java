package dev.stonks.inttest.resultspage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as inline SVG: one row per label, one bar per series in each row, an axis in the given
 * unit and an optional threshold line (e.g. the slow-endpoint threshold). A null value (not measured) draws no bar,
 * only "n/a".
 */
final class BarChart {
    record Series(String name, String color) {
    }

    /** {@code cssClass}: an extra class on the row's label (null for none). */
    record Row(String label, List<Double> values, String title, String cssClass) {
    }

    private static final int LABEL_WIDTH = 360;
    private static final int PLOT_WIDTH = 520;
    private static final int BAR_HEIGHT = 12;
    private static final int ROW_GAP = 8;

    private final List<Series> series;
    private final String unit;
    private final List<Row> rows = new ArrayList<>();
    private Double threshold;

    BarChart(List<Series> series, String unit) {
        this.series = series;
        this.unit = unit;
    }

    BarChart row(String label, List<Double> values, String title) {
        return row(label, values, title, null);
    }

    BarChart row(String label, List<Double> values, String title, String cssClass) {
        if (values.size() != series.size()) {
            throw new IllegalArgumentException("row " + label + " has " + values.size() + " values for "
                    + series.size() + " series");
        }
        rows.add(new Row(label, values, title, cssClass));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    BarChart threshold(double value) {
        this.threshold = value;
        return this;
    }

    String svg() {
        double max = rows.stream().flatMap(r -> r.values().stream()).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        if (threshold != null) {
            max = Math.max(max, threshold);
        }
        max = max <= 0 ? 1 : max * 1.05;
        int rowHeight = series.size() * BAR_HEIGHT + ROW_GAP;
        int height = rows.size() * rowHeight + 40;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\" height=\"%d\" role=\"img\">",
                LABEL_WIDTH + PLOT_WIDTH + 80, height));
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int y = i * rowHeight + 4;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"label%s\">%s</text>",
                    LABEL_WIDTH - 8, y + series.size() * BAR_HEIGHT / 2 + 4,
                    row.cssClass() == null ? "" : " " + Html.escape(row.cssClass()), Html.escape(row.label())));
            for (int s = 0; s < series.size(); s++) {
                Double value = row.values().get(s);
                if (value == null) {
                    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"value na\">n/a<title>%s %s:"
                            + " not measured</title></text>", LABEL_WIDTH + 4, y + s * BAR_HEIGHT + BAR_HEIGHT - 3,
                            Html.escape(row.title() == null ? row.label() : row.title()),
                            Html.escape(series.get(s).name())));
                    continue;
                }
                double v = value;
                double w = v / max * PLOT_WIDTH;
                svg.append(String.format(Locale.ROOT,
                        "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                                + "<title>%s %s: %s %s</title></rect>",
                        LABEL_WIDTH, y + s * BAR_HEIGHT, Math.max(w, 1.0), BAR_HEIGHT - 2, series.get(s).color(),
                        Html.escape(row.title() == null ? row.label() : row.title()),
                        Html.escape(series.get(s).name()), format(v), unit));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"value\">%s</text>",
                        LABEL_WIDTH + Math.max(w, 1.0) + 4, y + s * BAR_HEIGHT + BAR_HEIGHT - 3, format(v)));
            }
        }
        int axisY = rows.size() * rowHeight + 8;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>",
                LABEL_WIDTH, axisY, LABEL_WIDTH + PLOT_WIDTH, axisY));
        for (int t = 0; t <= 4; t++) {
            double v = max * t / 4;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\">%s %s</text>",
                    LABEL_WIDTH + PLOT_WIDTH * t / 4.0, axisY + 16, format(v), unit));
        }
        if (threshold != null) {
            double x = LABEL_WIDTH + threshold / max * PLOT_WIDTH;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" class=\"threshold\"><title>threshold %s %s"
                            + "</title></line>", x, x, axisY, format(threshold), unit));
        }
        svg.append("</svg>");
        return svg.toString();
    }

    String legend() {
        StringBuilder html = new StringBuilder("<p class=\"legend\">");
        for (Series s : series) {
            html.append("<span><i style=\"background:").append(s.color()).append("\"></i>")
                    .append(Html.escape(s.name())).append("</span> ");
        }
        return html.append("</p>").toString();
    }

    static String format(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
