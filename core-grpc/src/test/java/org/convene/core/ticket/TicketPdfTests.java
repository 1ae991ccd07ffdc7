package org.convene.core.ticket;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.convene.core.auth.Scopes;
import org.convene.core.support.TicketIntegrationTest;
import org.convene.ticket.v1.proto.GetTicketRequest;
import org.convene.ticket.v1.proto.TicketDocument;
import org.convene.ticket.v1.proto.TicketState;
import org.convene.ticket.v1.proto.ValidateTicketRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF ticket: what it says, and a QR code that scans back to a valid code. */
class TicketPdfTests extends TicketIntegrationTest {

	private TicketDocument pdfAsAttendee(UUID attendee, UUID registration) {
		return ticketsAs(this.tokens.user(attendee, Set.of("ATTENDEE"), Scopes.REGISTRATIONS_READ))
			.getTicketPdf(GetTicketRequest.newBuilder().setRegistrationId(registration.toString()).build());
	}

	@Test
	void printsTheEventTheAttendeeTheTicketTypeAndTheLocalTimeWithItsZone() throws Exception {
		UUID ada = newUser("Ada Lovelace");
		UUID registration = this.fixtures.confirmed(this.event.getId(), this.ticketTypeId, ada, "Ada Lovelace");

		TicketDocument document = pdfAsAttendee(ada, registration);

		assertThat(document.getContentType()).isEqualTo("application/pdf");
		assertThat(document.getFileName()).isEqualTo("ticket-" + registration + ".pdf");
		try (PDDocument pdf = Loader.loadPDF(document.getData().toByteArray())) {
			assertThat(pdf.getNumberOfPages()).isOne();
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("Devoxx Night", "Ada Lovelace", "Standard", "Kongresshaus", "Berlin")
				.contains("Thu 20 Nov 2031, 18:00 \u2013 21:00 (Europe/Berlin, CET)");
		}
	}

	@Test
	void carriesAQrCodeThatScansBackToAValidCode() throws Exception {
		UUID registration = confirmed("Grace Hopper");

		TicketDocument document = this.tickets
			.getTicketPdf(GetTicketRequest.newBuilder().setRegistrationId(registration.toString()).build());

		String scanned = scan(document);
		assertThat(scanned).isEqualTo(codeOf(registration));
		assertThat(this.tickets
			.validateTicket(ValidateTicketRequest.newBuilder().setCode(scanned).setEventId(this.event.getId()).build())
			.getState()).isEqualTo(TicketState.VALID);
	}

	@Test
	void printsCharactersTheFontLacksAsQuestionMarks() throws Exception {
		UUID registration = confirmed("Zoë 李雷 Żak");

		TicketDocument document = this.tickets
			.getTicketPdf(GetTicketRequest.newBuilder().setRegistrationId(registration.toString()).build());

		try (PDDocument pdf = Loader.loadPDF(document.getData().toByteArray())) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Zoë ?? Żak");
		}
	}

	/**
	 * Renders the page as a printer would and reads its QR code as a phone would: from several
	 * frames (here resolutions), as ZXing's detector misses about one code in a hundred at any
	 * single resolution.
	 */
	private static String scan(TicketDocument document) throws Exception {
		try (PDDocument pdf = Loader.loadPDF(document.getData().toByteArray())) {
			NotFoundException missed = null;
			for (int dpi : new int[] { 110, 150, 200, 300 }) {
				BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, dpi, ImageType.RGB);
				int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
				BinaryBitmap bitmap = new BinaryBitmap(
						new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
				try {
					return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
				}
				catch (NotFoundException ex) {
					missed = ex;
				}
			}
			throw missed;
		}
	}

}
