package dev.tandem.monthend.output;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The PDF of one invoice document ({@link InvoiceContent}: a posted customer invoice or credit note, or a proforma
 * invoice), A4, Helvetica. The first page: the seller with its details (address, VAT identifier), the title, the
 * facts beside the buyer's "Bill to" block. Then a table (date, description with the person, quantity, unit, unit
 * price, amount before tax) whose header repeats on every page, its rows grouped by contract line (groups in the order
 * of their first row), each group under its name and followed by its subtotal. Then the totals — amount excluding tax, the tax per category and rate, sales
 * tax and the line {@code Invoice total: <currency> <amount>} that {@link InvoicePdfText} reads back — the payment
 * lines and the note. Every page says "Page n of m". Amounts are plain decimals at the currency's minor units
 * ({@link PlainAmounts}); text too long for its place wraps (details, facts, payment) or ends in "..." (a row).
 */
public final class InvoiceDocument {

    private static final PDRectangle SIZE = PDRectangle.A4;
    private static final float LEFT = 50;
    private static final float RIGHT = SIZE.getWidth() - 50;
    private static final float TOP = SIZE.getHeight() - 50;
    private static final float BOTTOM = 60;
    private static final float ROW = 14;
    private static final float SMALL_ROW = 10;
    private static final float TEXT_SIZE = 10;
    private static final float SMALL_SIZE = 8;
    private static final float NEXT_TABLE_TOP = TOP - 3 * ROW;
    /** The buyer's block starts here; the facts wrap before it. */
    private static final float BILL_TO_LEFT = 330;
    /** Column edges: the date from LEFT, the description after it, then right edges of the numbers. */
    private static final float DESCRIPTION_LEFT = LEFT + 58;
    private static final float QUANTITY_RIGHT = 405;
    private static final float UNIT_LEFT = 409;
    private static final float PRICE_RIGHT = 482;
    private static final float DESCRIPTION_WIDTH = QUANTITY_RIGHT - 42 - DESCRIPTION_LEFT;

    private final PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final WinAnsiText text = new WinAnsiText(font);
    private final InvoiceContent content;
    private final List<Item> items;

    /** A table row: a group's name, an invoice row, or a group's subtotal. */
    private record Item(String group, InvoiceContent.Row row, BigDecimal subtotal) {
    }

    private InvoiceDocument(InvoiceContent content) {
        this.content = content;
        this.items = items(content.rows());
    }

    /**
     * Writes the document of {@code content} to {@code file}, replacing it.
     *
     * @throws IOException when the file can't be written
     */
    public static void write(InvoiceContent content, Path file) throws IOException {
        new InvoiceDocument(content).save(document -> document.save(file.toFile()));
    }

    /**
     * The document of {@code content} as the bytes of a PDF.
     *
     * @throws IOException when the document can't be made
     */
    public static byte[] bytes(InvoiceContent content) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new InvoiceDocument(content).save(document -> document.save(out));
        return out.toByteArray();
    }

    /**
     * The rows by group, groups in the order of their first row and rows in their order within it (rows without a
     * group where the first of them was), with a group's name before its rows and its subtotal after them.
     */
    private static List<Item> items(List<InvoiceContent.Row> unordered) {
        java.util.Map<String, List<InvoiceContent.Row>> byGroup = new java.util.LinkedHashMap<>();
        for (InvoiceContent.Row row : unordered) {
            byGroup.computeIfAbsent(row.group(), g -> new ArrayList<>()).add(row);
        }
        List<InvoiceContent.Row> rows = byGroup.values().stream().flatMap(List::stream).toList();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            InvoiceContent.Row row = rows.get(i);
            String group = row.group();
            boolean first = i == 0 || !Objects.equals(rows.get(i - 1).group(), group);
            if (group != null && first) {
                items.add(new Item(group, null, null));
            }
            items.add(new Item(null, row, null));
            boolean last = i == rows.size() - 1 || !Objects.equals(rows.get(i + 1).group(), group);
            if (group != null && last) {
                BigDecimal subtotal = BigDecimal.ZERO;
                for (int j = i; j >= 0 && Objects.equals(rows.get(j).group(), group); j--) {
                    subtotal = subtotal.add(rows.get(j).amount());
                }
                items.add(new Item(group, null, subtotal));
            }
        }
        return items;
    }

    /** What to do with the finished document: save it to a file or a stream. */
    private interface Sink {
        void accept(PDDocument document) throws IOException;
    }

    private void save(Sink sink) throws IOException {
        float firstTableTop = head(null);
        List<InvoicePages.Page> pages = InvoicePages.plan(items.size(), rowsBelow(firstTableTop),
                rowsBelow(NEXT_TABLE_TOP), totalsRows());
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages.size(); i++) {
                PDPage page = new PDPage(SIZE);
                document.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                    draw(out, pages.get(i), i + 1, pages.size());
                }
            }
            sink.accept(document);
        }
    }

    /** Table rows (the header row included) that fit below {@code tableTop}. */
    private static int rowsBelow(float tableTop) {
        return (int) ((tableTop - BOTTOM) / ROW) - 1;
    }

    private void draw(PDPageContentStream out, InvoicePages.Page page, int number, int of) throws IOException {
        float y;
        if (number == 1) {
            y = head(out);
        } else {
            show(out, bold, 12, LEFT, TOP, content.seller());
            show(out, font, TEXT_SIZE, LEFT, TOP - ROW, content.title() + " " + content.number() + " (continued)");
            y = NEXT_TABLE_TOP;
        }
        if (page.to() > page.from() || number == 1) {
            y = tableHeader(out, y);
        }
        for (Item item : items.subList(page.from(), page.to())) {
            y = item(out, y, item);
        }
        if (page.totals()) {
            totals(out, y - ROW);
        }
        String footer = "Page " + number + " of " + of;
        show(out, font, 8, RIGHT - font.getStringWidth(footer) / 1000 * 8, BOTTOM - 30, footer);
    }

    /**
     * The first page's head: seller, details, title, facts beside the buyer; draws it when {@code out} is not null.
     * Returns where the table starts.
     */
    private float head(PDPageContentStream out) throws IOException {
        float y = TOP;
        draw(out, bold, 14, LEFT, y, content.seller());
        y -= ROW;
        for (String detail : content.sellerDetails()) {
            for (String line : wrap(detail, font, SMALL_SIZE, RIGHT - LEFT)) {
                draw(out, font, SMALL_SIZE, LEFT, y, line);
                y -= SMALL_ROW;
            }
        }
        y -= 2 * ROW;
        draw(out, bold, 20, LEFT, y, content.title());
        y -= 2 * ROW;
        float factsY = y;
        for (String fact : content.facts()) {
            for (String line : wrap(fact, font, TEXT_SIZE, BILL_TO_LEFT - 10 - LEFT)) {
                draw(out, font, TEXT_SIZE, LEFT, factsY, line);
                factsY -= ROW;
            }
        }
        float billY = y;
        if (!content.billTo().isEmpty()) {
            draw(out, bold, TEXT_SIZE, BILL_TO_LEFT, billY, "Bill to");
            billY -= ROW;
            for (String party : content.billTo()) {
                for (String line : wrap(party, font, TEXT_SIZE, RIGHT - BILL_TO_LEFT)) {
                    draw(out, font, TEXT_SIZE, BILL_TO_LEFT, billY, line);
                    billY -= ROW;
                }
            }
        }
        return Math.min(factsY, billY) - ROW;
    }

    private float tableHeader(PDPageContentStream out, float y) throws IOException {
        show(out, bold, TEXT_SIZE, LEFT, y, "Date");
        show(out, bold, TEXT_SIZE, DESCRIPTION_LEFT, y, "Description");
        showRight(out, bold, QUANTITY_RIGHT, y, "Quantity");
        showRight(out, bold, PRICE_RIGHT, y, "Unit price");
        showRight(out, bold, RIGHT, y, "Amount");
        out.moveTo(LEFT, y - 4);
        out.lineTo(RIGHT, y - 4);
        out.stroke();
        return y - ROW;
    }

    private float item(PDPageContentStream out, float y, Item item) throws IOException {
        if (item.row() == null && item.subtotal() == null) {
            show(out, bold, TEXT_SIZE, LEFT, y, fit(item.group(), bold, PRICE_RIGHT - LEFT));
        } else if (item.row() == null) {
            String label = fit("Subtotal " + item.group(), font, PRICE_RIGHT - 10 - DESCRIPTION_LEFT);
            showRight(out, font, PRICE_RIGHT, y, label);
            showRight(out, bold, RIGHT, y, PlainAmounts.money(item.subtotal(), content.currency()));
            out.moveTo(PRICE_RIGHT + 10, y + ROW - 3);
            out.lineTo(RIGHT, y + ROW - 3);
            out.stroke();
        } else {
            InvoiceContent.Row row = item.row();
            if (row.date() != null) {
                show(out, font, TEXT_SIZE, LEFT, y, row.date().toString());
            }
            String description = Objects.toString(row.description(), "")
                    + (row.person() == null ? "" : " · " + row.person());
            show(out, font, TEXT_SIZE, DESCRIPTION_LEFT, y, fit(description, font, DESCRIPTION_WIDTH));
            showRight(out, font, QUANTITY_RIGHT, y, PlainAmounts.plain(row.quantity()));
            if (row.unit() != null) {
                show(out, font, TEXT_SIZE, UNIT_LEFT, y, row.unit());
            }
            showRight(out, font, PRICE_RIGHT, y, PlainAmounts.unitPrice(row.unitPrice(), content.currency()));
            showRight(out, font, RIGHT, y, PlainAmounts.money(row.amount(), content.currency()));
        }
        return y - ROW;
    }

    /** Rows the totals block takes: amounts, tax rows, payment and note, as {@link #totals} draws them. */
    private int totalsRows() throws IOException {
        int rows = 4 + content.taxBreakdown().size();
        for (InvoiceContent.TaxRow tax : content.taxBreakdown()) {
            if (tax.remark() != null) {
                rows += wrap(tax.remark(), font, TEXT_SIZE, RIGHT - LEFT - 10).size();
            }
        }
        if (!content.payment().isEmpty()) {
            rows += 1;
            for (String line : content.payment()) {
                rows += wrap(line, font, TEXT_SIZE, RIGHT - LEFT).size();
            }
        }
        if (content.note() != null) {
            rows += 1 + wrap(content.note(), font, TEXT_SIZE, RIGHT - LEFT).size();
        }
        return rows;
    }

    private void totals(PDPageContentStream out, float top) throws IOException {
        String code = content.currency();
        float y = top;
        amountLine(out, font, y, "Amount excluding tax", content.amountExcludingTax());
        y -= ROW;
        for (InvoiceContent.TaxRow tax : content.taxBreakdown()) {
            String on = "on " + PlainAmounts.money(tax.taxable(), code);
            show(out, font, TEXT_SIZE, LEFT, y, fit(tax.label(), font, PRICE_RIGHT - LEFT - 10 - width(on, font,
                    TEXT_SIZE)));
            showRight(out, font, PRICE_RIGHT, y, on);
            showRight(out, font, RIGHT, y, PlainAmounts.money(tax.tax(), code));
            y -= ROW;
            if (tax.remark() != null) {
                for (String line : wrap(tax.remark(), font, TEXT_SIZE, RIGHT - LEFT - 10)) {
                    show(out, font, TEXT_SIZE, LEFT + 10, y, line);
                    y -= ROW;
                }
            }
        }
        amountLine(out, font, y, "Sales tax", content.taxAmount());
        y -= ROW;
        show(out, bold, TEXT_SIZE, LEFT, y, InvoicePdfText.TOTAL_LABEL + " " + code + " "
                + PlainAmounts.money(content.total(), code));
        y -= ROW;
        if (!content.payment().isEmpty()) {
            y -= ROW;
            for (String payment : content.payment()) {
                for (String line : wrap(payment, font, TEXT_SIZE, RIGHT - LEFT)) {
                    show(out, font, TEXT_SIZE, LEFT, y, line);
                    y -= ROW;
                }
            }
        }
        if (content.note() != null) {
            y -= ROW;
            for (String line : wrap(content.note(), font, TEXT_SIZE, RIGHT - LEFT)) {
                show(out, font, TEXT_SIZE, LEFT, y, line);
                y -= ROW;
            }
        }
    }

    /** "label: CUR amount" on the left, for the amounts that {@link InvoicePdfText} and readers look for. */
    private void amountLine(PDPageContentStream out, PDFont f, float y, String label, BigDecimal amount)
            throws IOException {
        show(out, f, TEXT_SIZE, LEFT, y, label + ": " + content.currency() + " "
                + PlainAmounts.money(amount, content.currency()));
    }

    /** {@code s} in lines of at most {@code width} points, broken at spaces (a word longer than a line is cut). */
    private List<String> wrap(String s, PDFont f, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.safe(s).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, f, size) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** {@code s} cut to {@code width} points, ending in "..." when cut. */
    private String fit(String s, PDFont f, float width) throws IOException {
        String safe = text.safe(s);
        if (width(safe, f, TEXT_SIZE) <= width) {
            return safe;
        }
        int end = safe.length();
        while (end > 0 && width(safe.substring(0, end) + "...", f, TEXT_SIZE) > width) {
            end--;
        }
        return safe.substring(0, end) + "...";
    }

    private static float width(String s, PDFont f, float size) throws IOException {
        return f.getStringWidth(s) / 1000 * size;
    }

    private void showRight(PDPageContentStream out, PDFont f, float right, float y, String s) throws IOException {
        String safe = text.safe(s);
        show(out, f, TEXT_SIZE, right - f.getStringWidth(safe) / 1000 * TEXT_SIZE, y, safe);
    }

    /** {@link #show} when drawing, nothing when only measuring ({@code out} null). */
    private void draw(PDPageContentStream out, PDFont f, float size, float x, float y, String s) throws IOException {
        if (out != null) {
            show(out, f, size, x, y, s);
        }
    }

    private void show(PDPageContentStream out, PDFont f, float size, float x, float y, String s) throws IOException {
        out.beginText();
        out.setFont(f, size);
        out.newLineAtOffset(x, y);
        out.showText(fitPage(text.safe(s), f, size, x));
        out.endText();
    }

    /** Anything still too long (a 160-character customer name) is cut at the right margin, not run off the page. */
    private static String fitPage(String s, PDFont f, float size, float x) throws IOException {
        String fitted = s;
        while (!fitted.isEmpty() && x + f.getStringWidth(fitted) / 1000 * size > RIGHT + 1) {
            fitted = fitted.substring(0, fitted.length() - 1);
        }
        return fitted;
    }
}
