package org.end287g.campaigns.delivery;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.end287g.campaigns.signing.StaffTestSupport;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Leaders record deliveries (with a photo cleaned of metadata) and propose the outcome.
 */
class DeliveryRecordTests extends StaffTestSupport {

	static byte[] image(String format, int size) throws Exception {
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < size; x++) {
			image.setRGB(x, x, 0xff0000);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}

	/** A PNG with a tEXt chunk holding a GPS position before its end. */
	static byte[] pngWithGps() throws Exception {
		byte[] png = image("png", 20);
		byte[] data = "GPSPosition\u000035.2621 N, 81.1873 W".getBytes(StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream chunk = new ByteArrayOutputStream();
		chunk.write(new byte[] { 0, 0, 0, (byte) data.length });
		byte[] typeAndData = new byte[4 + data.length];
		System.arraycopy("tEXt".getBytes(StandardCharsets.US_ASCII), 0, typeAndData, 0, 4);
		System.arraycopy(data, 0, typeAndData, 4, data.length);
		chunk.write(typeAndData);
		CRC32 crc = new CRC32();
		crc.update(typeAndData);
		long value = crc.getValue();
		chunk.write(new byte[] { (byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value });
		int iend = png.length - 12;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(png, 0, iend);
		out.write(chunk.toByteArray());
		out.write(png, iend, 12);
		return out.toByteArray();
	}

	MockMultipartHttpServletRequestBuilder delivery(long id, RequestPostProcessor who, String date, String place,
			MockMultipartFile photo) {
		MockMultipartHttpServletRequestBuilder request = multipart("/leader/campaigns/" + id + "/delivery");
		if (photo != null) {
			request.file(photo);
		}
		request.with(who).with(csrf()).param("deliveredOn", date).param("place", place);
		return request;
	}

	long deliveries() {
		return this.jdbc.sql("select count(*) from campaign_deliveries").query(Long.class).single();
	}

	@Test
	void aDeliveryWithAPngIsStoredWithoutItsTextChunksAndShownPublicly() throws Exception {
		long id = gaston().id();
		RequestPostProcessor leader = leaderOf(id);
		String form = html(get("/leader/campaigns/" + id + "/delivery").with(leader));
		assertThat(form).contains("Record a delivery", "enctype=\"multipart/form-data\"", "delivery.pdf");
		assertThat(AccessibleHtml.problems(form)).isEmpty();
		byte[] png = pngWithGps();
		assertThat(new String(png, StandardCharsets.ISO_8859_1)).contains("GPSPosition");
		this.mvc
			.perform(delivery(id, leader, "2025-07-01", "Gaston County Courthouse, 325 Dr MLK Jr Way",
					new MockMultipartFile("photo", "delivery.png", "image/png", png))
				.param("receivedBy", "Chief deputy " + EMOJI)
				.param("notes", HOSTILE_RTL + " <script>alert(1)</script>"))
			.andExpect(status().is3xxRedirection());
		long delivery = this.jdbc.sql("select id from campaign_deliveries where campaign_id = ?")
			.param(id)
			.query(Long.class)
			.single();
		byte[] stored = this.jdbc.sql("select photo from campaign_deliveries where id = ?")
			.param(delivery)
			.query(byte[].class)
			.single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("GPS", "tEXt");
		assertThat(ImageIO.read(new java.io.ByteArrayInputStream(stored)).getWidth()).isEqualTo(20);
		byte[] served = this.mvc.perform(get("/campaigns/" + GASTON + "/deliveries/" + delivery + "/photo"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(served).isEqualTo(stored);
		this.mvc.perform(get("/campaigns/sc-york-county-sheriffs-office/deliveries/" + delivery + "/photo"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/campaigns/" + GASTON + "/deliveries/x' OR 1=1/photo")).andExpect(status().isNotFound());
		String page = html(get("/campaigns/" + GASTON));
		assertThat(page).contains("Delivered on 1 July 2025 at Gaston County Courthouse",
				"Received by Chief deputy " + EMOJI,
				"alt=\"Delivery of the petition at Gaston County Courthouse, 325 Dr MLK Jr Way on 1 July 2025\"");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		assertThat(html(get("/campaigns/" + GASTON + "?lang=es"))).contains("Entregada el 1 de julio de 2025");
	}

	@Test
	void aJpegIsReencoded() throws Exception {
		long id = gaston().id();
		byte[] jpeg = image("jpeg", 30);
		this.mvc
			.perform(delivery(id, leaderOf(id), "2025-07-02", "Sheriff's office",
					new MockMultipartFile("photo", "a.JPG", "application/octet-stream", jpeg)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select photo_type from campaign_deliveries").query(String.class).single())
			.isEqualTo("image/jpeg");
	}

	@Test
	void badDeliveriesAreTranslatedErrorsAndNothingIsStored() throws Exception {
		long id = gaston().id();
		RequestPostProcessor leader = leaderOf(id);
		String tomorrow = LocalDate.now(ZoneOffset.ofHours(14)).plusDays(1).toString();
		byte[] big = new byte[6 * 1024 * 1024];
		byte[] jpeg = image("jpeg", 10);
		System.arraycopy(jpeg, 0, big, 0, jpeg.length);
		byte[] truncated = Arrays.copyOf(image("png", 50), 60);
		Object[][] cases = { { "", "Courthouse", null, "Please fill in" }, { "2025-07-01", "", null, "Please fill in" },
				{ tomorrow, "Courthouse", null, "future" }, { "2025-13-45", "Courthouse", null, "valid date" },
				{ "' OR 1=1 --", "Courthouse", null, "valid date" }, { "<script>", "Courthouse", null, "valid date" },
				{ "2025-07-01", "p".repeat(10_000), null, "300" },
				{ "2025-07-01", "Courthouse",
						new MockMultipartFile("photo", "photo.jpg", "image/jpeg",
								"just text, renamed".getBytes(StandardCharsets.UTF_8)),
						"not a JPEG or PNG" },
				{ "2025-07-01", "Courthouse", new MockMultipartFile("photo", "big.jpg", "image/jpeg", big), "5 MB" },
				{ "2025-07-01", "Courthouse", new MockMultipartFile("photo", "cut.png", "image/png", truncated),
						"not a JPEG or PNG" },
				{ "2025-07-01", "Courthouse", new MockMultipartFile("photo", "x.gif", "image/gif",
						"GIF89a....".getBytes(StandardCharsets.US_ASCII)), "not a JPEG or PNG" } };
		for (Object[] c : cases) {
			String html = this.mvc.perform(delivery(id, leader, (String) c[0], (String) c[1], (MockMultipartFile) c[2]))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(html).as(String.valueOf(c[3])).contains((String) c[3]).doesNotContain("<script>\"");
			assertThat(AccessibleHtml.problems(html)).isEmpty();
		}
		String notes = this.mvc
			.perform(delivery(id, leader, "2025-07-01", "Courthouse", null).param("notes", "n".repeat(10_000))
				.param("lang", "es"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(notes).contains("como máximo 5.000 caracteres");
		String spanishPhoto = this.mvc
			.perform(delivery(id, leader, "2025-07-01", "Courthouse",
					new MockMultipartFile("photo", "p.jpg", "image/jpeg", "text".getBytes(StandardCharsets.UTF_8)))
				.param("lang", "es"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(spanishPhoto).contains("no es una foto JPEG o PNG");
		assertThat(deliveries()).isZero();
		// another campaign's leader, an anonymous visitor: not found / sign in
		long york = this.campaigns.find("sc-york-county-sheriffs-office").orElseThrow().id();
		this.mvc.perform(delivery(id, leaderOf(york), "2025-07-01", "Courthouse", null))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(multipart("/leader/campaigns/" + id + "/delivery").with(csrf())
				.param("deliveredOn", "2025-07-01")
				.param("place", "x"))
			.andExpect(status().is3xxRedirection());
		assertThat(deliveries()).isZero();
	}

	@Test
	void leadersProposeTheOutcomeAndStaffSeeIt() throws Exception {
		long id = gaston().id();
		RequestPostProcessor leader = leaderOf(id);
		for (String[] bad : new String[][] { { "", "x" }, { "MAYBE", "x" }, { "WON", "w".repeat(10_000) } }) {
			this.mvc
				.perform(post("/leader/campaigns/" + id + "/outcome").with(leader)
					.with(csrf())
					.param("outcome", bad[0])
					.param("note", bad[1]))
				.andExpect(status().isBadRequest());
		}
		long york = this.campaigns.find("sc-york-county-sheriffs-office").orElseThrow().id();
		this.mvc.perform(
				post("/leader/campaigns/" + id + "/outcome").with(leaderOf(york)).with(csrf()).param("outcome", "WON"))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("select count(*) from campaigns where proposed_outcome is not null")
			.query(Long.class)
			.single()).isZero();
		this.mvc
			.perform(post("/leader/campaigns/" + id + "/outcome").with(leader)
				.with(csrf())
				.param("outcome", "WON")
				.param("note", "The sheriff announced it at the board meeting " + EMOJI))
			.andExpect(status().is3xxRedirection());
		assertThat(html(get("/leader/campaigns/" + id + "/delivery").with(leader)))
			.contains("You told staff: The agency ended the agreements");
		assertThat(html(get("/admin/campaigns/" + GASTON).with(org.end287g.Staff.admin())))
			.contains("The leaders propose", "The agency ended the agreements", "board meeting " + EMOJI);
	}

}
