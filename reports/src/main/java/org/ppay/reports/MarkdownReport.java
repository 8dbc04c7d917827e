package org.ppay.reports;

import java.util.List;

/** REPORT.md: the report as Markdown, charts linked as files beside it. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String write(ReportContent content) {
        final StringBuilder md = new StringBuilder();
        md.append("# ").append(content.title()).append("\n\n");
        md.append("Reproduces the figures of section 7 of Yang & Garcia-Molina, *PPay: Micropayments for Peer-to-Peer ")
                .append("Systems* (CCS 2003), with loads priced from costs measured on real hardware. The paper's ")
                .append("numbers appear only in the *paper* column.\n\n");
        table(md, content.setup());
        final ReportContent.Table failures = content.failures();
        if (!failures.rows().isEmpty()) {
            md.append("\n## FAILED RUNS (").append(failures.rows().size()).append(")\n\n");
            table(md, failures);
        }
        md.append("\n## The paper's numbers beside ours\n\n");
        table(md, content.paperVersusOurs());
        md.append("\n## Claims of section 7, checked on our data\n\n");
        for (Claims.Verdict v : content.claims()) {
            md.append("- ").append(v.status() == Claims.Status.HOLDS ? "[x]" : "[ ]").append(" **")
                    .append(v.status().text()).append("**: (figure ").append(v.figure()).append(") ")
                    .append(v.claim()).append(" — ").append(v.evidence()).append('\n');
        }
        for (FigureResult figure : content.data().figures()) {
            final String stem = figure.figure().fileStem();
            md.append("\n## Figure ").append(figure.figure().number()).append(": ").append(figure.figure().title())
                    .append("\n\n![").append(stem).append("](").append(stem).append(".svg)\n\n")
                    .append(content.caption(figure)).append(" Data: [").append(stem).append(".csv](").append(stem)
                    .append(".csv), chart also as [PNG](").append(stem).append(".png).\n\n");
            table(md, ReportContent.points(figure));
        }
        md.append("\n## Figure 1 under every cost table\n\n")
                .append("The same runs (same action counts), priced with each cost table.\n\n");
        table(md, content.figure1AcrossCostTables());
        md.append("\n## Cost table used: ").append(content.data().costs().id()).append("\n\n");
        table(md, ReportContent.costs(content.data().costs()));
        return md.toString();
    }

    private static void table(StringBuilder md, ReportContent.Table table) {
        row(md, table.header());
        md.append('|');
        for (int i = 0; i < table.header().size(); i++) {
            md.append(" --- |");
        }
        md.append('\n');
        for (List<String> r : table.rows()) {
            row(md, r);
        }
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append('|');
        for (String c : cells) {
            md.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |");
        }
        md.append('\n');
    }
}
