package org.aigaq.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws a report's charts with JFreeChart, the same way for both formats: as vector graphics into the PDF, as a PNG
 * at print resolution into the DOCX. The text is set in the shipped Liberation Sans, so that Kazakh letters do not
 * depend on the fonts of the server.
 */
final class ReportCharts {

    /** The colours of the series, in order: dark enough to read in black-and-white print. */
    private static final Color[] SERIES = {new Color(0x1f4e79), new Color(0xc55a11), new Color(0x548235),
        new Color(0x7030a0), new Color(0x806000), new Color(0x2e75b6)};

    private static final Font SANS = font("liberation/LiberationSans-Regular.ttf");
    private static final Font SANS_BOLD = font("liberation/LiberationSans-Bold.ttf");

    private ReportCharts() {
    }

    /** The chart of a block, ready to draw. */
    static JFreeChart chart(ReportBlock.Chart block) {
        var dataset = new DefaultCategoryDataset();
        for (ReportBlock.Series series : block.series()) {
            for (int i = 0; i < block.categories().size(); i++) {
                Double value = i < series.values().size() ? series.values().get(i) : null;
                dataset.addValue(value, series.name(), block.categories().get(i));
            }
        }
        var plot = new CategoryPlot();
        plot.setDataset(dataset);
        plot.setDomainAxis(new CategoryAxis());
        plot.setRangeAxis(new org.jfree.chart.axis.NumberAxis());
        plot.setOrientation(PlotOrientation.VERTICAL);
        if (block.kind() == ReportBlock.ChartKind.BAR) {
            var bars = new BarRenderer();
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setItemMargin(0.05);
            for (int i = 0; i < block.series().size(); i++) {
                bars.setSeriesPaint(i, SERIES[i % SERIES.length]);
            }
            plot.setRenderer(bars);
        } else {
            var lines = new LineAndShapeRenderer(true, true);
            for (int i = 0; i < block.series().size(); i++) {
                lines.setSeriesPaint(i, SERIES[i % SERIES.length]);
                lines.setSeriesStroke(i, new BasicStroke(1.6f));
            }
            plot.setRenderer(lines);
        }
        var chart = new JFreeChart(null, SANS.deriveFont(11f), plot, block.series().size() > 1);
        theme().apply(chart);
        // The theme sets its own series colours: ours come after it
        for (int i = 0; i < block.series().size(); i++) {
            plot.getRenderer().setSeriesPaint(i, SERIES[i % SERIES.length]);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xbfbfbf));
        plot.setOutlineVisible(false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (block.categories().size() > 8) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(BlockBorder.NONE);
        }
        return chart;
    }

    /** The chart as a PNG of the given size in points, at the given resolution (300 dpi for print). */
    static byte[] png(ReportBlock.Chart block, double widthPoints, double heightPoints, int dpi) {
        double scale = dpi / 72.0;
        var image = new BufferedImage((int) Math.round(widthPoints * scale), (int) Math.round(heightPoints * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            chart(block).draw(g, new Rectangle2D.Double(0, 0, widthPoints, heightPoints));
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            // A faster deflate than the default: encoding a 300 dpi chart took most of a DOCX's time, for a file
            // that is only a little smaller
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.75f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static StandardChartTheme theme() {
        var theme = new StandardChartTheme("Aigaq");
        theme.setExtraLargeFont(SANS_BOLD.deriveFont(13f));
        theme.setLargeFont(SANS_BOLD.deriveFont(11f));
        theme.setRegularFont(SANS.deriveFont(9.5f));
        theme.setSmallFont(SANS.deriveFont(8.5f));
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setAxisLabelPaint(Color.DARK_GRAY);
        theme.setTickLabelPaint(Color.DARK_GRAY);
        theme.setLegendItemPaint(Color.BLACK);
        return theme;
    }

    private static Font font(String resource) {
        try (InputStream in = ReportCharts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the font " + resource + " is missing from the class path");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot read the font " + resource, e);
        }
    }
}
