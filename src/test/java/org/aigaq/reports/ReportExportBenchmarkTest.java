package org.aigaq.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rendering side of the 50-page benchmark (docs/benchmarks.md): a composed report of about 50 pages with 20 tables
 * and charts, written as PDF and DOCX three times each, the times logged (no timed assertion: the machine is shared).
 */
class ReportExportBenchmarkTest {

    private static final Logger LOG = LoggerFactory.getLogger(ReportExportBenchmarkTest.class);

    @Test
    void fiftyPagesWithTwentyTablesAndCharts() throws IOException {
        ComposedReport report = SampleReports.fiftyPages(Locale.forLanguageTag("ru"));
        var pdf = new ReportPdf(ExportMessages.bundle());
        var docx = new ReportDocx(ExportMessages.bundle());
        // the CPU time of the writing thread as well as the elapsed time: the shared machine's load moves the latter
        var threads = ManagementFactory.getThreadMXBean();
        byte[] lastPdf = null;
        for (int run = 1; run <= 3; run++) {
            var out = new ByteArrayOutputStream();
            long start = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            pdf.write(report, out);
            long pdfMillis = (System.nanoTime() - start) / 1_000_000;
            long pdfCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            lastPdf = out.toByteArray();
            var docxOut = new ByteArrayOutputStream();
            start = System.nanoTime();
            cpu = threads.getCurrentThreadCpuTime();
            docx.write(report, docxOut);
            long docxMillis = (System.nanoTime() - start) / 1_000_000;
            long docxCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            LOG.info("Report export run {}: PDF {} ms (CPU {} ms, {} bytes), DOCX {} ms (CPU {} ms, {} bytes), "
                    + "load average {}", run, pdfMillis, pdfCpu, lastPdf.length, docxMillis, docxCpu, docxOut.size(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        try (var document = Loader.loadPDF(lastPdf)) {
            LOG.info("Report export: {} pages", document.getNumberOfPages());
            assertThat(document.getNumberOfPages()).isBetween(45, 70);
        }
    }
}
