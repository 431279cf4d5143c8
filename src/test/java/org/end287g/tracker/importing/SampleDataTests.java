package org.end287g.tracker.importing;

import java.nio.file.Path;

import org.end287g.tracker.IceSheets;
import org.end287g.tracker.ImportResult.Status;
import org.end287g.tracker.SheetSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class SampleDataTests {

	@Autowired
	SampleData sample;

	@Autowired
	IceSheets sheets;

	@Autowired
	SheetStore store;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void empty() {
		this.store.deleteAll();
	}

	@Test
	void anEmptyDatabaseGetsTheFourNorthCarolinaAgreements() {
		assertThat(this.sample.load().status()).isEqualTo(Status.ACCEPTED);
		assertThat(this.sheets.sampleOnly()).isTrue();
		assertThat(this.jdbc
			.sql("select a.slug || ' ' || g.model || ' ' || g.status || ' ' || g.signed from agreement g "
					+ "join agency a on a.id = g.agency_id order by a.slug")
			.query(String.class)
			.list()).containsExactly("nc-cabarrus-county-sheriffs-office JEM ACTIVE 2020-03-11",
					"nc-gaston-county-sheriffs-office JEM ACTIVE 2020-06-09",
					"nc-henderson-county-sheriffs-office JEM ACTIVE 2020-06-09",
					"nc-nash-county-sheriffs-office WSO ACTIVE 2020-01-29");
		assertThat(this.sample.load().status()).isEqualTo(Status.ALREADY_IMPORTED);
	}

	@Test
	void theSampleIsNeverLoadedOverRealData() {
		Path real = SharedData.file("pendingAgencies06302025am.xlsx");
		this.sheets.importSheet(real, real.getFileName().toString(), SheetSource.COMMAND);
		assertThat(this.sample.load().status()).isEqualTo(Status.ALREADY_IMPORTED);
		assertThat(this.sheets.sampleOnly()).isFalse();
	}

	@Test
	void theFirstOfficialSheetReplacesTheSampleEntirely() {
		this.sample.load();
		Path real = SharedData.file("pendingAgencies06302025am.xlsx");
		assertThat(this.sheets.importSheet(real, real.getFileName().toString(), SheetSource.COMMAND).status())
			.isEqualTo(Status.ACCEPTED);
		assertThat(this.sheets.sampleOnly()).isFalse();
		assertThat(this.jdbc.sql("select count(*) from ice_sheet where source = 'SAMPLE'").query(Long.class).single())
			.isZero();
		assertThat(this.jdbc.sql("select count(*) from agreement").query(Long.class).single()).isEqualTo(68);
		assertThat(this.jdbc.sql("select count(*) from agreement where status <> 'PENDING'").query(Long.class).single())
			.isZero();
		assertThat(
				this.jdbc.sql("select count(*) from agreement_event where kind = 'REMOVED'").query(Long.class).single())
			.isZero();
	}

}
