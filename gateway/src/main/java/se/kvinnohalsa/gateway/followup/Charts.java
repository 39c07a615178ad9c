package se.kvinnohalsa.gateway.followup;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The document's charts, drawn by JFreeChart as SVG (JFreeSVG) to go inside the page: horizontal bars, optionally a
 * target line. The numbers are in the table beside each chart (labels at the bars land in the wrong place once
 * Batik draws them for the PDF). The same input gives the same SVG, byte for byte (fixed ids).
 */
public final class Charts {

    /** A bar: its label and value (null: no value, no bar). */
    public record Bar(String label, Number value) {
    }

    private static final int WIDTH = 640;
    private static final int ROW_HEIGHT = 22;
    private static final int SMALL_WIDTH = 300;
    private static final int SMALL_ROW_HEIGHT = 13;
    private static final int CHROME_HEIGHT = 40;
    private static final float LABEL_WIDTH_RATIO = 0.45f;
    /** Characters that fit on one line of a category label at full width. */
    private static final int LONG_LABEL = 40;
    private static final Color BAR = new Color(0x1f, 0x5f, 0x8b);
    private static final Color TARGET = new Color(0xb0, 0x30, 0x30);
    private static final String FONT = "SansSerif";
    private static final int FONT_SIZE = 10;
    private static final int SMALL_FONT_SIZE = 8;
    /** Space to the right of the longest bar. */
    private static final double MARGIN_FOR_LABELS = 0.12;

    private static final Pattern WIDTH_AND_HEIGHT = Pattern.compile("width='[0-9.]+' height='[0-9.]+'");

    private Charts() {
    }

    /** Bars of percentages (0-100 scale unless a value is larger), full width. */
    public static String bars(String id, List<Bar> bars, String axisLabel, Double target) {
        return draw(id, bars, axisLabel, target, WIDTH, ROW_HEIGHT, FONT_SIZE, "0.0");
    }

    /** Bars of whole numbers (kronor), full width. */
    public static String amounts(String id, List<Bar> bars, String axisLabel) {
        return draw(id, bars, axisLabel, null, WIDTH, ROW_HEIGHT, FONT_SIZE, "#,##0");
    }

    /** A small chart, e.g. one per region. */
    public static String small(String id, List<Bar> bars) {
        return draw(id, bars, null, null, SMALL_WIDTH, SMALL_ROW_HEIGHT, SMALL_FONT_SIZE, "0.0");
    }

    private static String draw(String id, List<Bar> bars, String axisLabel, Double target, int width, int rowHeight,
            int fontSize, String pattern) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Bar bar : bars) {
            // Categories must be unique: a repeated label gets a trailing space per repeat (invisible in the chart).
            int repeat = seen.merge(bar.label(), 1, Integer::sum);
            dataset.addValue(bar.value(), "v", bar.label() + " ".repeat(repeat - 1));
        }
        CategoryAxis categories = new CategoryAxis(null);
        categories.setTickLabelFont(new Font(FONT, Font.PLAIN, fontSize));
        categories.setMaximumCategoryLabelWidthRatio(LABEL_WIDTH_RATIO);
        categories.setMaximumCategoryLabelLines(2);
        NumberAxis values = new NumberAxis(axisLabel);
        values.setTickLabelFont(new Font(FONT, Font.PLAIN, fontSize));
        values.setLabelFont(new Font(FONT, Font.PLAIN, fontSize));
        NumberFormat format = swedish(pattern);
        values.setNumberFormatOverride(format);
        values.setUpperMargin(MARGIN_FOR_LABELS);
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BAR);
        CategoryPlot plot = new CategoryPlot(dataset, categories, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setOutlineVisible(false);
        if (target != null) {
            ValueMarker marker = new ValueMarker(target, TARGET, new BasicStroke(2f));
            plot.addRangeMarker(marker);
            values.setLowerBound(0);
            values.setUpperBound(Math.max(target, max(bars)) * (1 + MARGIN_FOR_LABELS));
        }
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        // Labels too long for one line are wrapped to two: their rows need the room.
        boolean wrapped = bars.stream().anyMatch(b -> b.label().length() > LONG_LABEL);
        int row = wrapped ? rowHeight + fontSize * 2 : rowHeight;
        int height = CHROME_HEIGHT + row * Math.max(1, bars.size());
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        svg.setDefsKeyPrefix(id + "-");
        chart.draw(svg, new Rectangle2D.Double(0, 0, width, height));
        String element = svg.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
        // Whole-pixel width and height, as openhtmltopdf reads them (JFreeSVG writes 640.0).
        return WIDTH_AND_HEIGHT.matcher(element).replaceFirst("width='" + width + "' height='" + height + "'");
    }

    private static double max(List<Bar> bars) {
        return bars.stream().filter(b -> b.value() != null).mapToDouble(b -> b.value().doubleValue()).max()
                .orElse(0);
    }

    private static NumberFormat swedish(String pattern) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator(' ');
        return new DecimalFormat(pattern, symbols);
    }
}
