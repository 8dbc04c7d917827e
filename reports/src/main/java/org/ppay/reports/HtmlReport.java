package org.ppay.reports;

import java.util.List;
import java.util.Map;

/**
 * index.html: one self-contained page (charts inline as SVG, no network), readable on a laptop and on a phone.
 * Every chart sits in a {@code <figure class="chart" data-figure="N">} so checks can count them.
 */
public final class HtmlReport {

    private static final String CSS = String.join("\n",
            "body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;max-width:1100px;"
                    + "padding:0 1rem 3rem;line-height:1.45;color:#1b1b1b;background:#fff}",
            "h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #ddd}",
            ".scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}",
            "table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}",
            "th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}",
            "th{background:#f3f3f3}",
            "figure.chart{margin:1rem 0}figure.chart svg{width:100%;height:auto;max-width:900px;display:block}",
            "figcaption{font-size:.9rem;color:#444}",
            ".holds{color:#0a6b0a;font-weight:600}.does-not-hold{color:#b00020;font-weight:600}"
                    + ".not-evaluated{color:#666;font-weight:600}.failed{background:#ffe3e3;padding:.5rem}",
            "@media (max-width:600px){body{padding:0 .5rem}table{font-size:.8rem}h1{font-size:1.3rem}}");

    /**
     * Marks the page with how many charts the browser laid out with a non-zero size, so a headless check
     * ({@code --dump-dom}) can tell that every inline SVG rendered. Inline, no network.
     */
    static final String RENDER_CHECK = "(function(){var n=0,c=document.querySelectorAll('figure.chart svg');"
            + "for(var i=0;i<c.length;i++){var r=c[i].getBoundingClientRect();if(r.width>0&&r.height>0){n++;}}"
            + "document.body.setAttribute('data-charts-rendered',String(n));"
            + "document.body.setAttribute('data-charts-total',String(c.length));})();";

    private HtmlReport() {
    }

    /** The page, with each figure's SVG (keyed by figure number) inline. */
    public static String write(ReportContent content, Map<Integer, String> svgByFigure) {
        final StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.escape(content.title())).append("</title><style>").append(CSS)
                .append("</style></head><body>\n<h1>").append(Html.escape(content.title())).append("</h1>\n")
                .append("<p>Reproduces the figures of section 7 of Yang &amp; Garcia-Molina, <em>PPay: Micropayments ")
                .append("for Peer-to-Peer Systems</em> (CCS 2003), with loads priced from costs measured on real ")
                .append("hardware. The paper's numbers appear only in the <em>paper</em> column.</p>\n");
        table(h, content.setup());
        final ReportContent.Table failures = content.failures();
        if (!failures.rows().isEmpty()) {
            h.append("<h2 id=\"failed\">Failed runs (").append(failures.rows().size()).append(")</h2><div class=\"failed\">");
            table(h, failures);
            h.append("</div>");
        }
        h.append("<h2>The paper's numbers beside ours</h2>\n");
        table(h, content.paperVersusOurs());
        h.append("<h2>Claims of section 7, checked on our data</h2>\n<ul>");
        for (Claims.Verdict v : content.claims()) {
            final String css = v.status().text().replace(' ', '-');
            h.append("<li><span class=\"").append(css).append("\">").append(Html.escape(v.status().text()))
                    .append("</span>: (figure ").append(v.figure()).append(") ").append(Html.escape(v.claim()))
                    .append(" — <small>").append(Html.escape(v.evidence())).append("</small></li>\n");
        }
        h.append("</ul>\n");
        for (FigureResult figure : content.data().figures()) {
            final int n = figure.figure().number();
            final String svg = svgByFigure.get(n);
            if (svg == null) {
                throw new IllegalArgumentException("no chart for figure " + n);
            }
            h.append("<h2 id=\"figure-").append(n).append("\">Figure ").append(n).append(": ")
                    .append(Html.escape(figure.figure().title())).append("</h2>\n<figure class=\"chart\" data-figure=\"")
                    .append(n).append("\">").append(svg).append("<figcaption>")
                    .append(Html.escape(content.caption(figure))).append("</figcaption></figure>\n");
            table(h, ReportContent.points(figure));
        }
        h.append("<h2>Figure 1 under every cost table</h2><p>The same runs (same action counts), priced with each ")
                .append("cost table.</p>\n");
        table(h, content.figure1AcrossCostTables());
        h.append("<h2>Cost table used: ").append(Html.escape(content.data().costs().id())).append("</h2>\n");
        table(h, ReportContent.costs(content.data().costs()));
        h.append("<script>").append(RENDER_CHECK).append("</script>\n</body></html>\n");
        return h.toString();
    }

    private static void table(StringBuilder h, ReportContent.Table table) {
        h.append("<div class=\"scroll\"><table><thead><tr>");
        for (String c : table.header()) {
            h.append("<th>").append(Html.escape(c)).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (List<String> row : table.rows()) {
            h.append("<tr>");
            for (String c : row) {
                h.append("<td>").append(Html.escape(c)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table></div>\n");
    }
}
