package org.t1573.backtest;

import java.util.Locale;

/** A tiny SVG writer: enough shapes for the report's charts, with text escaped. */
final class Svg {
    private final StringBuilder out = new StringBuilder();

    Svg(int width, int height, String cssClass, String title) {
        out.append(String.format(Locale.ROOT,
                "<svg class=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "role=\"img\"><title>%s</title>", cssClass, width, height, width, height, Html.escape(title)));
    }

    Svg rect(double x, double y, double w, double h, String cssClass, String tooltip) {
        out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"%s\">"
                + "<title>%s</title></rect>", x, y, w, h, cssClass, Html.escape(tooltip)));
        return this;
    }

    Svg circle(double x, double y, double r, String cssClass, String tooltip) {
        out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" class=\"%s\"><title>%s</title>"
                + "</circle>", x, y, r, cssClass, Html.escape(tooltip)));
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>",
                x1, y1, x2, y2, cssClass));
        return this;
    }

    Svg text(double x, double y, String anchor, String text) {
        out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor,
                Html.escape(text)));
        return this;
    }

    @Override
    public String toString() {
        return out + "</svg>";
    }
}
