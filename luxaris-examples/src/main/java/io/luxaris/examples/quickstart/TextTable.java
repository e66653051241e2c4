package io.luxaris.examples.quickstart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table that fits a width: columns are as wide as their widest cell until the lines would be too long;
 * then the columns named by {@link #shrink} give way, in that order, down to the width given; a cell wider than its
 * column is cut with "..." or, in a {@link #wrap wrapped} column, continued on the next lines.
 */
final class TextTable {
    private final List<List<String>> rows = new ArrayList<>();
    private final List<int[]> shrinkSteps = new ArrayList<>();
    private int wrapColumn = -1;
    private int wrapLines;

    /** A table with these column headers. */
    TextTable(String... headers) {
        rows.add(List.of(headers));
    }

    /** Adds a row (one cell per column). */
    TextTable row(String... cells) {
        if (cells.length != rows.get(0).size()) {
            throw new IllegalArgumentException(
                    "expected " + rows.get(0).size() + " cells, got " + cells.length + ": " + Arrays.toString(cells));
        }
        rows.add(List.of(cells));
        return this;
    }

    /** When the table is too wide, column {@code column} gives way down to {@code width} (steps apply in order). */
    TextTable shrink(int column, int width) {
        shrinkSteps.add(new int[] {column, width});
        return this;
    }

    /** Cells of {@code column} wider than it continue on up to {@code lines} lines instead of being cut. */
    TextTable wrap(int column, int lines) {
        this.wrapColumn = column;
        this.wrapLines = lines;
        return this;
    }

    /** The lines of the table, each at most {@code maxLine} characters when the fixed columns allow it. */
    List<String> lines(int maxLine) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], length(row.get(c)));
            }
        }
        int excess = 1 + Arrays.stream(widths).map(w -> w + 1).sum() - maxLine;
        for (int[] step : shrinkSteps) {
            if (excess <= 0) {
                break;
            }
            int column = step[0];
            int give = Math.max(0, Math.min(excess, widths[column] - step[1]));
            widths[column] -= give;
            excess -= give;
        }
        var out = new ArrayList<String>();
        for (List<String> row : rows) {
            List<List<String>> cells = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < columns; c++) {
                List<String> parts = c == wrapColumn
                        ? wrapped(row.get(c), widths[c], wrapLines)
                        : List.of(cut(row.get(c), widths[c]));
                cells.add(parts);
                height = Math.max(height, parts.size());
            }
            for (int l = 0; l < height; l++) {
                var line = new StringBuilder(" ");
                for (int c = 0; c < columns; c++) {
                    String cell = l < cells.get(c).size() ? cells.get(c).get(l) : "";
                    line.append(' ').append(cell);
                    if (c < columns - 1) {
                        line.append(" ".repeat(Math.max(0, widths[c] - length(cell))));
                    }
                }
                out.add(line.toString().stripTrailing());
            }
        }
        return out;
    }

    /** {@code text} cut to {@code width} code points, ending in "..." when it was longer. */
    static String cut(String text, int width) {
        if (length(text) <= width) {
            return text;
        }
        if (width <= 3) {
            return text.substring(0, text.offsetByCodePoints(0, Math.max(0, width)));
        }
        return text.substring(0, text.offsetByCodePoints(0, width - 3)) + "...";
    }

    /** {@code text} in lines of at most {@code width}, broken after a space where one is near, at most {@code max}. */
    static List<String> wrapped(String text, int width, int max) {
        var lines = new ArrayList<String>();
        String rest = text;
        while (length(rest) > width && lines.size() < max - 1) {
            int end = rest.offsetByCodePoints(0, width);
            int space = rest.lastIndexOf(' ', end);
            int breakAt = space > end / 2 ? space + 1 : end;
            lines.add(rest.substring(0, breakAt).stripTrailing());
            rest = rest.substring(breakAt);
        }
        lines.add(cut(rest, width));
        return lines;
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
