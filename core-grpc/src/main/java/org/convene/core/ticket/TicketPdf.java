package org.convene.core.ticket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import org.springframework.stereotype.Component;

import org.convene.schema.core.tables.records.EventRecord;
import org.convene.schema.core.tables.records.RegistrationRecord;

/**
 * A ticket as a one-page A4 PDF: the event, when (in the event's time zone) and where, the
 * attendee, the ticket type and the QR code of the ticket code. Text is set in Liberation
 * Sans, which PDFBox ships, embedded as a subset: names in Latin, Greek or Cyrillic script
 * print as they are, other characters as "?".
 */
@Component
class TicketPdf {

	private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private static final float MARGIN = 56;

	private static final float QR_SIZE = 220;

	private static final float GREY = 0.4f;

	byte[] render(EventRecord event, RegistrationRecord registration, String ticketType, String code) {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			document.getDocumentInformation().setTitle("Ticket: " + event.getTitle());
			PDFont font = font(document);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				Writer writer = new Writer(content, font, page.getMediaBox());
				writer.label("TICKET");
				writer.paragraph(event.getTitle(), 22);
				writer.space(8);
				writer.paragraph(TicketTexts.when(event.getStartsAt(), event.getEndsAt(), event.getTimeZone()), 12);
				for (String line : TicketTexts.venue(event.getVenue())) {
					writer.paragraph(line, 12);
				}
				writer.space(16);
				writer.label("Attendee");
				writer.paragraph(registration.getAttendeeName(), 16);
				writer.space(6);
				writer.label("Ticket type");
				writer.paragraph(ticketType, 14);
				writer.space(24);
				float left = (page.getMediaBox().getWidth() - QR_SIZE) / 2;
				QrCodes.draw(content, code, left, writer.y - QR_SIZE, QR_SIZE);
				// below the code's lowest row, more than the four modules of quiet zone scanners need
				writer.y -= QR_SIZE + 24;
				writer.label("Registration " + registration.getId() + ". Show this code at the entrance.");
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot render the ticket of registration " + registration.getId(), ex);
		}
	}

	private static PDFont font(PDDocument document) throws IOException {
		try (InputStream in = TicketPdf.class.getResourceAsStream(FONT)) {
			if (in == null) {
				throw new IOException("PDFBox no longer ships " + FONT);
			}
			return PDType0Font.load(document, in);
		}
	}

	/** Writes lines from the top of the page down, wrapping them at the margins. */
	private static final class Writer {

		private final PDPageContentStream content;

		private final PDFont font;

		private final float width;

		private float y;

		Writer(PDPageContentStream content, PDFont font, PDRectangle box) {
			this.content = content;
			this.font = font;
			this.width = box.getWidth() - 2 * MARGIN;
			this.y = box.getHeight() - MARGIN;
		}

		void label(String text) throws IOException {
			this.content.setNonStrokingColor(GREY);
			paragraph(text, 9);
			this.content.setNonStrokingColor(0f);
		}

		void paragraph(String text, float size) throws IOException {
			for (String line : wrap(printable(text), size)) {
				this.y -= size * 1.25f;
				this.content.beginText();
				this.content.setFont(this.font, size);
				this.content.newLineAtOffset(MARGIN, this.y);
				this.content.showText(line);
				this.content.endText();
			}
		}

		void space(float points) {
			this.y -= points;
		}

		private List<String> wrap(String text, float size) throws IOException {
			List<String> lines = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			for (String word : text.split(" ")) {
				String candidate = line.isEmpty() ? word : line + " " + word;
				if (width(candidate, size) <= this.width) {
					line.setLength(0);
					line.append(candidate);
					continue;
				}
				if (!line.isEmpty()) {
					lines.add(line.toString());
					line.setLength(0);
				}
				while (width(word, size) > this.width) {
					int fits = word.length() - 1;
					while (fits > 1 && width(word.substring(0, fits), size) > this.width) {
						fits--;
					}
					lines.add(word.substring(0, fits));
					word = word.substring(fits);
				}
				line.append(word);
			}
			if (!line.isEmpty()) {
				lines.add(line.toString());
			}
			return lines;
		}

		private float width(String text, float size) throws IOException {
			return this.font.getStringWidth(text) / 1000 * size;
		}

		/** The text with line breaks as spaces and characters the font lacks as "?". */
		private String printable(String text) {
			StringBuilder printable = new StringBuilder();
			text.codePoints().forEach(codePoint -> {
				String character = Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) ? " "
						: Character.toString(codePoint);
				printable.append(canEncode(character) ? character : "?");
			});
			return printable.toString().strip();
		}

		private boolean canEncode(String character) {
			try {
				this.font.encode(character);
				return true;
			}
			catch (IllegalArgumentException | IOException ex) {
				return false;
			}
		}

	}

}
