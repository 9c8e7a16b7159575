package dev.tandem.monthend.output;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text made safe for a standard 14 font, whose WinAnsi encoding has no glyph for most of Unicode: PDFBox refuses
 * to show such a character, so a customer named "Łódź Ωmega" would fail the whole document. Characters the font
 * can't encode become {@code ?}; line breaks, tabs and other control characters become spaces, as a document line
 * is one line.
 */
final class WinAnsiText {

    private final PDFont font;
    private final Map<Integer, Boolean> encodable = new HashMap<>();

    WinAnsiText(PDFont font) {
        this.font = font;
    }

    /** {@code text} with every character the font can't show replaced; {@code ""} for {@code null}. */
    String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                safe.append(' ');
            } else if (encodable.computeIfAbsent(c, this::canEncode)) {
                safe.appendCodePoint(c);
            } else {
                safe.append('?');
            }
        });
        return safe.toString();
    }

    private boolean canEncode(int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            // PDFBox's way of saying the encoding has no code for it.
            return false;
        }
    }
}
