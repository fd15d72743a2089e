package org.aigaq.reports;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * A report's narrative, section by section, from Markdown to report blocks: the top-level paragraphs numbered across
 * the report (as UN submissions are), footnotes {@code [^label]} numbered across the report in the order they are
 * first referred to, each section's labels its own. Raw HTML is kept as text, never as markup.
 */
final class Narrative {

    private static final Parser PARSER = Parser.builder().extensions(List.of(FootnotesExtension.create())).build();

    private int paragraphs;
    private final List<ComposedReport.Footnote> footnotes = new ArrayList<>();

    /** The blocks of one section's Markdown, continuing the report's paragraph and footnote numbers. */
    List<ReportBlock> section(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        var definitions = new HashMap<String, FootnoteDefinition>();
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof FootnoteDefinition d) definitions.putIfAbsent(d.getLabel(), d);
        }
        var section = new Section(definitions);
        var blocks = new ArrayList<ReportBlock>();
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            section.block(n, blocks, true);
        }
        return blocks;
    }

    List<ComposedReport.Footnote> footnotes() {
        return List.copyOf(footnotes);
    }

    /** One section: its footnote definitions by label and the numbers given to those referred to so far. */
    private final class Section {
        private final Map<String, FootnoteDefinition> definitions;
        private final Map<String, Integer> numbers = new LinkedHashMap<>();

        Section(Map<String, FootnoteDefinition> definitions) {
            this.definitions = definitions;
        }

        void block(Node node, List<ReportBlock> out, boolean topLevel) {
            switch (node) {
                case FootnoteDefinition ignored -> { }
                case Paragraph p -> out.add(new ReportBlock.Paragraph(topLevel ? ++paragraphs : null, inlines(p)));
                case Heading h -> out.add(new ReportBlock.Heading(Math.min(6, h.getLevel() + 2), plain(inlines(h))));
                case ListBlock list -> {
                    var items = new ArrayList<List<ReportBlock.Inline>>();
                    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                        if (item instanceof ListItem) items.add(flattened(item));
                    }
                    out.add(new ReportBlock.ListBlock(list instanceof OrderedList, items));
                }
                case BlockQuote quote -> out.add(new ReportBlock.Quote(flattened(quote)));
                case FencedCodeBlock code -> out.add(new ReportBlock.Paragraph(null, code(code.getLiteral())));
                case IndentedCodeBlock code -> out.add(new ReportBlock.Paragraph(null, code(code.getLiteral())));
                case HtmlBlock html -> out.add(new ReportBlock.Paragraph(topLevel ? ++paragraphs : null,
                        List.of(ReportBlock.Text.plain(html.getLiteral().strip()))));
                case ThematicBreak ignored -> { }
                default -> {
                    var inline = inlines(node);
                    if (!inline.isEmpty()) out.add(new ReportBlock.Paragraph(null, inline));
                }
            }
        }

        /** A list item's or a quote's blocks as one run of inline content, paragraphs separated by line breaks. */
        private List<ReportBlock.Inline> flattened(Node container) {
            var run = new ArrayList<ReportBlock.Inline>();
            for (Node child = container.getFirstChild(); child != null; child = child.getNext()) {
                var blocks = new ArrayList<ReportBlock>();
                block(child, blocks, false);
                for (var b : blocks) {
                    if (!run.isEmpty()) run.add(new ReportBlock.LineBreak());
                    switch (b) {
                        case ReportBlock.Paragraph p -> run.addAll(p.content());
                        case ReportBlock.Quote q -> run.addAll(q.content());
                        case ReportBlock.Heading h -> run.add(new ReportBlock.Text(h.text(), Set.of(ReportBlock.Style.BOLD)));
                        case ReportBlock.ListBlock l -> {
                            for (int i = 0; i < l.items().size(); i++) {
                                if (i > 0) run.add(new ReportBlock.LineBreak());
                                run.add(ReportBlock.Text.plain(l.ordered() ? (i + 1) + ". " : "– "));
                                run.addAll(l.items().get(i));
                            }
                        }
                        default -> { }
                    }
                }
            }
            return run;
        }

        List<ReportBlock.Inline> inlines(Node parent) {
            var out = new ArrayList<ReportBlock.Inline>();
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                inline(n, EnumSet.noneOf(ReportBlock.Style.class), out);
            }
            return merged(out);
        }

        private void inline(Node node, Set<ReportBlock.Style> styles, List<ReportBlock.Inline> out) {
            switch (node) {
                case Text t -> out.add(new ReportBlock.Text(t.getLiteral(), styles));
                case Code c -> out.add(new ReportBlock.Text(c.getLiteral(), with(styles, ReportBlock.Style.CODE)));
                case Emphasis e -> children(e, with(styles, ReportBlock.Style.ITALIC), out);
                case StrongEmphasis s -> children(s, with(styles, ReportBlock.Style.BOLD), out);
                case SoftLineBreak ignored -> out.add(new ReportBlock.Text(" ", styles));
                case HardLineBreak ignored -> out.add(new ReportBlock.LineBreak());
                case HtmlInline html -> out.add(new ReportBlock.Text(html.getLiteral(), styles));
                case Link link -> {
                    var text = new ArrayList<ReportBlock.Inline>();
                    children(link, styles, text);
                    String label = plain(text);
                    out.add(new ReportBlock.Link(label.isEmpty() ? link.getDestination() : label, link.getDestination()));
                }
                case Image image -> {
                    var text = new ArrayList<ReportBlock.Inline>();
                    children(image, styles, text);
                    out.add(new ReportBlock.Link(plain(text).isEmpty() ? image.getDestination() : plain(text), image.getDestination()));
                }
                case FootnoteReference ref -> out.add(reference(ref.getLabel()));
                default -> children(node, styles, out);
            }
        }

        private void children(Node parent, Set<ReportBlock.Style> styles, List<ReportBlock.Inline> out) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) inline(n, styles, out);
        }

        /** The footnote's number across the report; its content is taken from the section's definition once. */
        private ReportBlock.Inline reference(String label) {
            Integer known = numbers.get(label);
            if (known != null) return new ReportBlock.FootnoteRef(known);
            int number = footnotes.size() + 1;
            numbers.put(label, number);
            var definition = definitions.get(label);
            // a definition's own references are numbered after it, in the order they come
            footnotes.add(null);
            var content = definition == null ? List.<ReportBlock.Inline>of(ReportBlock.Text.plain("[^" + label + "]"))
                    : flattened(definition);
            footnotes.set(number - 1, new ComposedReport.Footnote(number, content));
            return new ReportBlock.FootnoteRef(number);
        }
    }

    private static List<ReportBlock.Inline> code(String literal) {
        var out = new ArrayList<ReportBlock.Inline>();
        var lines = literal.stripTrailing().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) out.add(new ReportBlock.LineBreak());
            out.add(new ReportBlock.Text(lines[i], Set.of(ReportBlock.Style.CODE)));
        }
        return out;
    }

    private static Set<ReportBlock.Style> with(Set<ReportBlock.Style> styles, ReportBlock.Style style) {
        var more = EnumSet.noneOf(ReportBlock.Style.class);
        more.addAll(styles);
        more.add(style);
        return more;
    }

    /** Adjacent texts in the same styles as one (Markdown's parser splits text at every special character). */
    private static List<ReportBlock.Inline> merged(List<ReportBlock.Inline> inlines) {
        var out = new ArrayList<ReportBlock.Inline>();
        for (var inline : inlines) {
            if (inline instanceof ReportBlock.Text t && !out.isEmpty() && out.getLast() instanceof ReportBlock.Text last
                    && last.styles().equals(t.styles())) {
                out.set(out.size() - 1, new ReportBlock.Text(last.text() + t.text(), t.styles()));
            } else {
                out.add(inline);
            }
        }
        return out;
    }

    static String plain(List<ReportBlock.Inline> inlines) {
        var text = new StringBuilder();
        for (var inline : inlines) {
            switch (inline) {
                case ReportBlock.Text t -> text.append(t.text());
                case ReportBlock.Link l -> text.append(l.text());
                case ReportBlock.LineBreak ignored -> text.append(' ');
                case ReportBlock.FootnoteRef ignored -> { }
            }
        }
        return text.toString().strip();
    }
}
