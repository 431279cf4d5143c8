package org.end287g.alerts;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.end287g.AfterCommitListeners;
import org.end287g.accounts.QueuedMail;
import org.end287g.places.Places;
import org.end287g.places.State;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.tracker.IceSheets;
import org.end287g.tracker.ImportResult;
import org.end287g.tracker.SheetChange;
import org.end287g.tracker.SheetSource;
import org.end287g.tracker.TrackerFixture;
import org.end287g.tracker.TrackerReader;
import org.end287g.tracker.importing.SharedData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ICE's real sheets, imported as the site imports them: after the second one, every state
 * whose agreements it changed, and only those, gets one alert per follower, through the
 * listener that runs after the import's commit.
 */
@SpringBootTest
class AlertsAfterImportTests {

	@Autowired
	IceSheets sheets;

	@Autowired
	TrackerReader tracker;

	@Autowired
	AlertSubscriptions subscriptions;

	@Autowired
	Places places;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	@Autowired
	ApplicationContext context;

	@Test
	void followersOfTheStatesASheetChangedHearOnceAndNobodyElse() throws Exception {
		SharedData.folder();
		new TrackerFixture(this.jdbc).clear();
		this.jdbc.sql("delete from alert_subscriptions").update();
		importSheet("participatingAgencies05162025am.xlsx");
		Map<String, String> followers = new TreeMap<>();
		for (State state : this.places.states()) {
			String email = "follows-" + state.code().toLowerCase(Locale.ROOT) + "@example.org";
			AlertSubscriptions.Outcome outcome = this.subscriptions.subscribe(email, Locale.ENGLISH,
					AlertPlace.of(state.code(), this.places).orElseThrow(), Instant.now());
			this.subscriptions.confirm(((AlertSubscriptions.Outcome.Pending) outcome).id(), Instant.now());
			followers.put(state.code(), email);
		}

		long second = importSheet("participatingAgencies05192025am.xlsx");

		Set<String> changed = new HashSet<>();
		for (SheetChange change : this.tracker.changesOf(second)) {
			changed.add(change.agency().state());
		}
		assertThat(changed).as("the second sheet changes something").isNotEmpty();
		QueuedMail mail = new QueuedMail(this.jdbc, this.cipher, this.index);
		followers.forEach((state, email) -> assertThat(mail.to(email, "alert-changes")).as(state)
			.hasSize(changed.contains(state) ? 1 : 0));
	}

	private long importSheet(String name) {
		Instant since = AfterCommitListeners.now(this.context);
		ImportResult result = this.sheets.importSheet(SharedData.file(name), name, SheetSource.COMMAND);
		assertThat(result.accepted()).isTrue();
		AfterCommitListeners.awaitSince(this.context, since);
		return this.jdbc.sql("select id from ice_sheet where file_name = ?").param(name).query(Long.class).single();
	}

}
