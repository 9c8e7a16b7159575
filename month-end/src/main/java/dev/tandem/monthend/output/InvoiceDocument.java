package dev.tandem.monthend.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The PDF of one invoice document ({@link InvoiceContent}: a posted customer invoice or credit note, or a proforma
 * invoice), A4, Helvetica: the seller, the title, the facts, a table of rows (description, quantity, unit price,
 * amount before tax) whose header repeats on every page, and the totals — amount excluding tax, sales tax and the
 * line {@code Invoice total: <currency> <amount>} that {@link InvoicePdfText} reads back — then the content's note.
 * Every page says "Page n of m". Amounts are plain decimals at the currency's minor units ({@link PlainAmounts}).
 */
public final class InvoiceDocument {

    private static final PDRectangle SIZE = PDRectangle.A4;
    private static final float LEFT = 50;
    private static final float RIGHT = SIZE.getWidth() - 50;
    private static final float TOP = SIZE.getHeight() - 50;
    private static final float BOTTOM = 60;
    private static final float ROW = 14;
    private static final float TEXT_SIZE = 10;
    private static final float TITLE_TOP = TOP - 30;
    private static final float FACTS_TOP = TITLE_TOP - 2 * ROW;
    private static final float NEXT_TABLE_TOP = TOP - 3 * ROW;
    private static final int TOTALS_ROWS = 4;
    private static final int NOTE_ROWS = 2;
    /** Right edges of the number columns; the description runs from LEFT to before the quantity. */
    private static final float QUANTITY_RIGHT = 370;
    private static final float PRICE_RIGHT = 460;
    private static final float DESCRIPTION_WIDTH = 250;

    private final PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final WinAnsiText text = new WinAnsiText(font);
    private final InvoiceContent content;
    /** The facts of the first page, then a blank row: where its table starts. */
    private final float firstTableTop;

    private InvoiceDocument(InvoiceContent content) {
        this.content = content;
        this.firstTableTop = FACTS_TOP - (content.facts().size() + 1) * ROW;
    }

    /**
     * Writes the document of {@code content} to {@code file}, replacing it.
     *
     * @throws IOException when the file can't be written
     */
    public static void write(InvoiceContent content, Path file) throws IOException {
        new InvoiceDocument(content).save(file);
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

    /** Table rows (the header row included) that fit below {@code tableTop}. */
    private static int rowsBelow(float tableTop) {
        return (int) ((tableTop - BOTTOM) / ROW) - 1;
    }

    private void save(Path file) throws IOException {
        save(document -> document.save(file.toFile()));
    }

    /** What to do with the finished document: save it to a file or a stream. */
    private interface Sink {
        void accept(PDDocument document) throws IOException;
    }

    private void save(Sink sink) throws IOException {
        int totalsRows = TOTALS_ROWS + (content.note() == null ? 0 : NOTE_ROWS);
        List<InvoicePages.Page> pages = InvoicePages.plan(content.rows().size(), rowsBelow(firstTableTop),
                rowsBelow(NEXT_TABLE_TOP), totalsRows);
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

    private void draw(PDPageContentStream out, InvoicePages.Page page, int number, int of) throws IOException {
        float y;
        if (number == 1) {
            y = facts(out);
        } else {
            show(out, bold, 12, LEFT, TOP, content.seller());
            show(out, font, TEXT_SIZE, LEFT, TOP - ROW, content.title() + " " + content.number() + " (continued)");
            y = NEXT_TABLE_TOP;
        }
        if (page.to() > page.from() || number == 1) {
            y = tableHeader(out, y);
        }
        for (InvoiceContent.Row line : content.rows().subList(page.from(), page.to())) {
            y = row(out, y, line);
        }
        if (page.totals()) {
            totals(out, y - ROW);
        }
        String footer = "Page " + number + " of " + of;
        show(out, font, 8, RIGHT - font.getStringWidth(footer) / 1000 * 8, BOTTOM - 30, footer);
    }

    /** The first page's head; returns where the table starts. */
    private float facts(PDPageContentStream out) throws IOException {
        show(out, bold, 14, LEFT, TOP, content.seller());
        show(out, bold, 20, LEFT, TITLE_TOP, content.title());
        float y = FACTS_TOP;
        for (String fact : content.facts()) {
            show(out, font, TEXT_SIZE, LEFT, y, fact);
            y -= ROW;
        }
        return firstTableTop;
    }

    private float tableHeader(PDPageContentStream out, float y) throws IOException {
        show(out, bold, TEXT_SIZE, LEFT, y, "Description");
        showRight(out, bold, QUANTITY_RIGHT, y, "Quantity");
        showRight(out, bold, PRICE_RIGHT, y, "Unit price");
        showRight(out, bold, RIGHT, y, "Amount");
        out.moveTo(LEFT, y - 4);
        out.lineTo(RIGHT, y - 4);
        out.stroke();
        return y - ROW;
    }

    private float row(PDPageContentStream out, float y, InvoiceContent.Row line) throws IOException {
        String description = line.description() == null ? "" : line.description();
        show(out, font, TEXT_SIZE, LEFT, y, fit(text.safe(description), DESCRIPTION_WIDTH));
        showRight(out, font, QUANTITY_RIGHT, y, PlainAmounts.plain(line.quantity()));
        showRight(out, font, PRICE_RIGHT, y, PlainAmounts.unitPrice(line.unitPrice(), content.currency()));
        showRight(out, font, RIGHT, y, PlainAmounts.money(line.amount(), content.currency()));
        return y - ROW;
    }

    private void totals(PDPageContentStream out, float y) throws IOException {
        String code = content.currency();
        show(out, font, TEXT_SIZE, LEFT, y, "Amount excluding tax: " + code + " "
                + PlainAmounts.money(content.amountExcludingTax(), code));
        show(out, font, TEXT_SIZE, LEFT, y - ROW, "Sales tax: " + code + " " + PlainAmounts.money(content.taxAmount(),
                code));
        show(out, bold, TEXT_SIZE, LEFT, y - 2 * ROW, InvoicePdfText.TOTAL_LABEL + " " + code + " "
                + PlainAmounts.money(content.total(), code));
        if (content.note() != null) {
            show(out, font, TEXT_SIZE, LEFT, y - 4 * ROW, content.note());
        }
    }

    /** {@code s} cut to {@code width} points of the text font, ending in "..." when cut. */
    private String fit(String s, float width) throws IOException {
        if (width(s) <= width) {
            return s;
        }
        int end = s.length();
        while (end > 0 && width(s.substring(0, end) + "...") > width) {
            end--;
        }
        return s.substring(0, end) + "...";
    }

    private float width(String s) throws IOException {
        return font.getStringWidth(s) / 1000 * TEXT_SIZE;
    }

    private void showRight(PDPageContentStream out, PDFont f, float right, float y, String s) throws IOException {
        String safe = text.safe(s);
        show(out, f, TEXT_SIZE, right - f.getStringWidth(safe) / 1000 * TEXT_SIZE, y, safe);
    }

    private void show(PDPageContentStream out, PDFont f, float size, float x, float y, String s) throws IOException {
        out.beginText();
        out.setFont(f, size);
        out.newLineAtOffset(x, y);
        out.showText(fitPage(text.safe(s), f, size, x));
        out.endText();
    }

    /** Header facts (a 160-character customer name) are cut at the right margin rather than run off the page. */
    private static String fitPage(String s, PDFont f, float size, float x) throws IOException {
        String fitted = s;
        while (!fitted.isEmpty() && x + f.getStringWidth(fitted) / 1000 * size > RIGHT + 1) {
            fitted = fitted.substring(0, fitted.length() - 1);
        }
        return fitted;
    }
}
