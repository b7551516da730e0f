package org.p2pstorage.cli.terminal.control;

import java.util.ArrayList;
import java.util.List;

/**
 * A text table in the seed's look: a title, a rule of box-drawing lines, the header, a rule, the rows
 * with left-aligned columns as wide as their widest cell (at least the given minimum), and a rule.
 */
public class Table {

    public static final char RULE = '─';
    private final List<String> header;
    private final int[] minimum;
    private final List<List<String>> rows = new ArrayList<>();
    private List<String> footer;

    public Table(List<String> header, int... minimum) {
        this.header = header;
        this.minimum = minimum;
    }

    public Table row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    /** A last line under the closing rule (a total), aligned with the columns. */
    public Table footer(Object... cells) {
        footer = new ArrayList<>();
        for (Object cell : cells) {
            footer.add(String.valueOf(cell));
        }
        return this;
    }

    /** The header, the rows and the rules, each line ending with a newline. */
    public String render() {
        int[] widths = widths();
        int total = 0;
        for (int w : widths) {
            total += w + 1;
        }
        String rule = rule(Math.max(total - 1, 20));
        StringBuilder out = new StringBuilder();
        out.append(rule).append('\n');
        out.append(line(header, widths)).append('\n');
        out.append(rule).append('\n');
        for (List<String> row : rows) {
            out.append(line(row, widths)).append('\n');
        }
        out.append(rule).append('\n');
        if (footer != null) {
            out.append(line(footer, widths)).append('\n');
        }
        return out.toString();
    }

    public static String rule(int width) {
        return String.valueOf(RULE).repeat(width);
    }

    private int[] widths() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(header.get(i).length(), i < minimum.length ? minimum[i] : 0);
            for (List<String> row : footer == null ? rows : concat()) {
                if (i < row.size()) {
                    widths[i] = Math.max(widths[i], row.get(i).length());
                }
            }
        }
        return widths;
    }

    private List<List<String>> concat() {
        List<List<String>> all = new ArrayList<>(rows);
        all.add(footer);
        return all;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() ? cells.get(i) : "";
            line.append(cell);
            if (i < widths.length - 1) {
                line.append(" ".repeat(widths[i] - cell.length() + 1));
            }
        }
        return line.toString().stripTrailing();
    }
}
