package org.convene.core.ticket;

import java.io.IOException;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * QR codes drawn as vector squares, so they stay sharp at any print size. Error correction M
 * (15%) keeps a 170-character code at version 9, 53 modules across.
 */
final class QrCodes {

	private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
			EncodeHintType.MARGIN, 0);

	private QrCodes() {
	}

	/**
	 * Draws the code with its lower left corner at (x, y), a whole number of points per module
	 * and at most {@code maxSize} points wide; the page around it is the quiet zone.
	 * @return the width drawn, in points
	 */
	static float draw(PDPageContentStream page, String text, float x, float y, float maxSize) throws IOException {
		BitMatrix matrix = matrix(text);
		int modules = matrix.getWidth();
		float module = Math.max(1, (float) Math.floor(maxSize / modules));
		float top = y + modules * module;
		page.setNonStrokingColor(0f);
		for (int row = 0; row < modules; row++) {
			int column = 0;
			while (column < modules) {
				if (!matrix.get(column, row)) {
					column++;
					continue;
				}
				int start = column;
				while (column < modules && matrix.get(column, row)) {
					column++;
				}
				page.addRect(x + start * module, top - (row + 1) * module, (column - start) * module, module);
			}
		}
		page.fill();
		return modules * module;
	}

	private static BitMatrix matrix(String text) {
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Cannot make a QR code of " + text.length() + " characters", ex);
		}
	}

}
